/**
 * The study database lock: taken and taken over atomically, stale only when its owner is gone.
 * The races use real child processes (node + tsx) running the real module against real files.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbLockedError, acquireLock, bootId, processStart } from '../../../src/backend/store/dbLock';

const childScript = path.join(import.meta.dirname, 'lockChild.ts');
const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** A lock child: send a command, read its next line. */
type Child = { proc: ChildProcessWithoutNullStreams; next(): Promise<string>; send(line: string): void };

function startChild(): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', childScript], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<(line: string) => void> = [];
  createInterface({ input: proc.stdout }).on('line', (line) => {
    const w = waiters.shift();
    if (w !== undefined) {
      w(line);
    } else {
      lines.push(line);
    }
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const child: Child = {
    proc,
    next: () =>
      new Promise((resolve, reject) => {
        const queued = lines.shift();
        if (queued !== undefined) {
          resolve(queued);
          return;
        }
        const timer = setTimeout(() => reject(new Error(`lock child did not answer; stderr: ${stderr}`)), 20_000);
        waiters.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      }),
    send: (line) => proc.stdin.write(`${line}\n`),
  };
  return child.next().then((first) => {
    expect(first).toBe('ready');
    return child;
  });
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 999_999;
}

const host = os.hostname();
const hourAgo = (): string => new Date(Date.now() - 3600_000).toISOString();

let base: string;
let sleeper: ReturnType<typeof spawn>;
let sleeperPid: number;
let dead: number;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'nexus-lock-'));
  dead = await deadPid();
  // A live process that has nothing to do with Nexus Companion: the "reused pid" of a lock.
  sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']);
  sleeperPid = sleeper.pid ?? 0;
  await new Promise((resolve) => setTimeout(resolve, 200));
});
afterAll(async () => {
  sleeper.kill('SIGKILL');
  await rm(base, { recursive: true, force: true });
});

let n = 0;
async function freshLockFile(): Promise<string> {
  const dir = path.join(base, `case-${++n}`);
  await mkdir(dir);
  return path.join(dir, 'study.json.lock');
}

/** The stale locks a start can find, each as the bytes on disk. */
const staleKinds: Array<{ name: string; write: (file: string) => Promise<void> }> = [
  { name: 'dead pid (older version)', write: (f) => writeFile(f, JSON.stringify({ pid: dead, host, startedAt: hourAgo() })) },
  {
    name: 'dead pid',
    write: (f) => writeFile(f, JSON.stringify({ pid: dead, host, startedAt: hourAgo(), boot: bootId(), procStart: '12345', nonce: 'n1' })),
  },
  {
    name: '0-byte (a full disk under an older version)',
    write: async (f) => {
      await writeFile(f, '');
      await utimes(f, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    },
  },
  {
    name: 'garbage',
    write: async (f) => {
      await writeFile(f, '{"pid": 12');
      await utimes(f, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    },
  },
  {
    name: 'reused pid, live unrelated process (older version)',
    write: (f) => writeFile(f, JSON.stringify({ pid: sleeperPid, host, startedAt: hourAgo() })),
  },
  {
    name: 'reused pid, other start time',
    write: (f) =>
      writeFile(
        f,
        JSON.stringify({ pid: sleeperPid, host, startedAt: new Date().toISOString(), boot: bootId(), procStart: '1', nonce: 'n2' }),
      ),
  },
  {
    name: 'another boot',
    write: (f) =>
      writeFile(
        f,
        JSON.stringify({
          pid: sleeperPid,
          host,
          startedAt: hourAgo(),
          boot: 'a-boot-long-ago',
          procStart: processStart(sleeperPid),
          nonce: 'n3',
        }),
      ),
  },
];

describe('lock race: many processes at once, many times', () => {
  const N = 8;
  const ROUNDS = Number(process.env['NEXUS_LOCK_ROUNDS'] ?? 120);
  let children: Child[] = [];
  beforeAll(async () => {
    children = await Promise.all(Array.from({ length: N }, () => startChild()));
  }, 60_000);
  afterAll(() => {
    for (const c of children) {
      c.proc.kill('SIGKILL');
    }
  });

  it(`exactly one of ${N} processes takes the lock, each of ${ROUNDS} rounds, whatever stale lock was there`, async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const lockFile = await freshLockFile();
      const kind = round % (staleKinds.length + 1);
      const stale = staleKinds[kind];
      // One round in eight starts with no lock at all.
      await stale?.write(lockFile);
      for (const c of children) {
        c.send(`try ${lockFile}`);
      }
      const answers = await Promise.all(children.map((c) => c.next()));
      const winners = children.filter((_, i) => answers[i] === 'won').map((c) => c.proc.pid);
      if (winners.length !== 1 || answers.some((a) => a !== 'won' && a !== 'locked')) {
        failures.push(`round ${round} (${stale?.name ?? 'no lock'}): ${answers.join(', ')}`);
      } else {
        const owner = JSON.parse(await readFile(lockFile, 'utf8')) as { pid: number };
        expect(owner.pid).toBe(winners[0]);
      }
      for (const c of children) {
        c.send('release');
      }
      await Promise.all(children.map((c) => c.next()));
      expect((await readdir(path.dirname(lockFile))).filter((f) => f !== 'study.json.lock')).toEqual([]);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('acquireLock', () => {
  it.each(staleKinds.map((k) => [k.name, k] as const))('takes over a stale lock: %s', async (_name, kind) => {
    const lockFile = await freshLockFile();
    await kind.write(lockFile);
    const lock = await acquireLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, nonce: lock.owner.nonce });
    await lock.release();
    expect(await readdir(path.dirname(lockFile))).toEqual([]);
  });

  it('respects a lock held by a live Nexus process, and takes it once that process is killed', async () => {
    const lockFile = await freshLockFile();
    const child = await startChild();
    try {
      child.send(`try ${lockFile}`);
      expect(await child.next()).toBe('won');
      const err = await acquireLock(lockFile).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DbLockedError);
      expect((err as DbLockedError).owner?.pid).toBe(child.proc.pid);
      expect((err as DbLockedError).message).toContain(`pid ${child.proc.pid}`);
      child.send('crash');
      await new Promise((resolve) => child.proc.on('exit', resolve));
      // SIGKILL: no exit hook ran, the lock is still there, naming a dead pid.
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: child.proc.pid });
      const lock = await acquireLock(lockFile);
      await lock.release();
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it("a lock naming our own pid that nothing here holds is a failed start's leftover: it is ours", async () => {
    const lockFile = await freshLockFile();
    await writeFile(
      lockFile,
      JSON.stringify({
        pid: process.pid,
        host,
        startedAt: new Date().toISOString(),
        boot: bootId(),
        procStart: processStart(process.pid),
        nonce: 'left-behind',
      }),
    );
    const lock = await acquireLock(lockFile);
    expect(lock.owner.pid).toBe(process.pid);
    // While it is held, a second taker in this same process is refused (one writer, even here).
    await expect(acquireLock(lockFile)).rejects.toBeInstanceOf(DbLockedError);
    await lock.release();
    const again = await acquireLock(lockFile);
    await again.release();
  });

  it('an older version of our own lock (pid only) is ours too', async () => {
    const lockFile = await freshLockFile();
    await writeFile(lockFile, JSON.stringify({ pid: process.pid, host, startedAt: new Date().toISOString() }));
    const lock = await acquireLock(lockFile);
    await lock.release();
  });

  it("respects another computer's lock (a synced folder), naming that computer", async () => {
    const lockFile = await freshLockFile();
    await writeFile(lockFile, JSON.stringify({ pid: dead, host: 'other-laptop', startedAt: hourAgo() }));
    await expect(acquireLock(lockFile)).rejects.toThrow(/another computer \(other-laptop/);
  });

  it('waits for an unreadable lock that may be being written, then takes it once it is old', async () => {
    const lockFile = await freshLockFile();
    await writeFile(lockFile, '');
    const started = Date.now();
    const lock = await acquireLock(lockFile);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    await lock.release();
  });

  it('removes takeover markers left by takers that died, and its own temp files', async () => {
    const lockFile = await freshLockFile();
    await writeFile(lockFile, JSON.stringify({ pid: dead, host, startedAt: hourAgo() }));
    await writeFile(`${lockFile}.takeover-0123456789abcdef`, JSON.stringify({ pid: dead, host, startedAt: hourAgo(), nonce: 'x' }));
    const lock = await acquireLock(lockFile);
    expect(await readdir(path.dirname(lockFile))).toEqual(['study.json.lock']);
    await lock.release();
  });

  it('release removes only our own lock, not one another process took after us', async () => {
    const lockFile = await freshLockFile();
    const lock = await acquireLock(lockFile);
    const theirs = JSON.stringify({
      pid: sleeperPid,
      host,
      startedAt: new Date().toISOString(),
      boot: bootId(),
      procStart: processStart(sleeperPid),
      nonce: 'theirs',
    });
    await writeFile(lockFile, theirs);
    await lock.release();
    expect(await readFile(lockFile, 'utf8')).toBe(theirs);
  });
});
