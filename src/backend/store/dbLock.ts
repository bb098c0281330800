/**
 * One writer per database: `<db>.lock`, a small JSON file naming its owner (pid, host, boot id,
 * the process's start time and a random nonce). docs/spec/storage.md, "The lock".
 *
 * Taking it is atomic: the owner record is written and fsynced to a unique temp file, which is
 * then hard-linked to `<db>.lock`; the link fails if a lock exists, so a lock appears complete or
 * not at all (never 0 bytes, even on a full disk).
 *
 * A lock is stale when its owner is gone: another boot, a dead pid, or a live pid whose process
 * started at another time than the one that took the lock (a reused pid). A lock of our own pid
 * that no live claim of this process holds is a leftover of a failed start: stale too. Unreadable
 * (0-byte or garbage) locks are stale once they are two seconds old.
 *
 * Taking over a stale lock is atomic too: whoever replaces one instance of the lock (named by a hash
 * of its inode and contents) must first own `<db>.lock.takeover-<instance>`, taken by the same
 * rules, then check the same instance is still in place and rename its record over it. Two racers
 * can never both replace it; a racer that died holding the marker leaves a stale marker that is
 * taken over the same way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode, pidAlive, tempNameFor, writeFileDurable, writeNewFileSynced } from './durableWrite';

/** Who holds a lock. `boot`, `procStart` and `nonce` are absent in locks of older versions. */
export type LockOwner = {
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  startedAt: string;
  /** The kernel's boot id (Linux), or the boot time rounded to a minute elsewhere. */
  boot?: string;
  /** The owner process's start time in clock ticks since boot (Linux /proc/<pid>/stat), or ''. */
  procStart?: string;
  /** Random: tells this taking of the lock from any other. */
  nonce?: string;
};

/** A held lock. */
export type DbLock = { file: string; owner: LockOwner; release(): Promise<void> };

/** The database is held by another live process. */
export class DbLockedError extends Error {
  constructor(readonly owner: LockOwner | null) {
    super(
      owner === null
        ? 'The study database is in use by another Nexus Companion.'
        : owner.host !== os.hostname()
          ? `The study database is in use by Nexus Companion on another computer (${owner.host}, pid ${owner.pid}).`
          : `The study database is in use by another Nexus Companion (pid ${owner.pid}).`,
    );
    this.name = 'DbLockedError';
  }
}

/** How long a taker waits for a racer that is in the middle of a takeover. */
const WAIT_MS = 3000;
/** An unreadable lock younger than this may be one being written (file systems without hard links). */
const GARBAGE_GRACE_MS = 2000;
/** Nested takeovers (a taker that died while taking over) deeper than this are refused. */
const MAX_DEPTH = 4;

/** Nonces of the lock records this process is claiming or holds right now. */
const ours = new Set<string>();

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

let cachedBoot: string | null = null;
/** An id of this boot of the machine. */
export function bootId(): string {
  if (cachedBoot === null) {
    const id = process.platform === 'linux' ? readText('/proc/sys/kernel/random/boot_id') : null;
    // Elsewhere: the boot time to the minute (a clock change of more than that reads as a reboot).
    cachedBoot = id !== null && id !== '' ? id : `t${Math.round((Date.now() - os.uptime() * 1000) / 60_000)}`;
  }
  return cachedBoot;
}

/** Two boot ids name the same boot (boot times to the minute may differ by rounding). */
function sameBoot(a: string, b: string): boolean {
  if (a.startsWith('t') && b.startsWith('t')) {
    return Math.abs(Number(a.slice(1)) - Number(b.slice(1))) <= 2;
  }
  return a === b;
}

/** A process's start time in clock ticks since boot (Linux), or '' where it cannot be read. */
export function processStart(pid: number): string {
  const text = process.platform === 'linux' ? readText(`/proc/${pid}/stat`) : null;
  if (text === null) {
    return '';
  }
  // Field 2 (the command) may hold spaces and parentheses: count fields after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

/** Epoch ms a process started, from /proc (Linux), or null. */
function processStartMs(pid: number): number | null {
  const ticks = Number(processStart(pid));
  const btime = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '')?.[1];
  // /proc reports in USER_HZ, which is 100 on every Linux ABI.
  return ticks > 0 && btime !== undefined ? Number(btime) * 1000 + ticks * 10 : null;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<Record<keyof LockOwner, unknown>> | null;
    if (v === null || typeof v !== 'object' || typeof v.pid !== 'number' || typeof v.host !== 'string') {
      return null;
    }
    const owner: LockOwner = { pid: v.pid, host: v.host, startedAt: typeof v.startedAt === 'string' ? v.startedAt : '' };
    if (typeof v.boot === 'string') {
      owner.boot = v.boot;
    }
    if (typeof v.procStart === 'string') {
      owner.procStart = v.procStart;
    }
    if (typeof v.nonce === 'string') {
      owner.nonce = v.nonce;
    }
    return owner;
  } catch {
    return null;
  }
}

/** One instance of a lock file as read: its owner and what identifies this very file. */
type Seen = { owner: LockOwner | null; instance: string; ageMs: number };

async function readLock(file: string): Promise<Seen | null> {
  try {
    // Stat and read through one handle: both describe the same file even if it is replaced meanwhile.
    const handle = await open(file, 'r');
    let info, text;
    try {
      info = await handle.stat();
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
    const instance = createHash('sha1').update(`${info.ino}\n${info.birthtimeMs}\n${text}`).digest('hex').slice(0, 16);
    return { owner: parseOwner(text), instance, ageMs: Date.now() - info.mtimeMs };
  } catch (e) {
    if (errorCode(e) === 'ENOENT') {
      return null;
    }
    throw e;
  }
}

/** Whether the process a lock names still holds it. */
export function lockVerdict(owner: LockOwner | null, ageMs: number): 'live' | 'stale' | 'wait' {
  if (owner === null) {
    return ageMs > GARBAGE_GRACE_MS ? 'stale' : 'wait';
  }
  if (owner.host !== os.hostname()) {
    // Another computer's lock (a synced folder) cannot be checked: it is respected.
    return 'live';
  }
  if (owner.boot !== undefined && !sameBoot(owner.boot, bootId())) {
    return 'stale';
  }
  if (owner.pid === process.pid) {
    // Our own pid: ours only while a claim of this process holds it; else a failed start's leftover.
    return owner.nonce !== undefined && ours.has(owner.nonce) ? 'live' : 'stale';
  }
  if (!pidAlive(owner.pid)) {
    return 'stale';
  }
  if (owner.procStart !== undefined && owner.procStart !== '') {
    const now = processStart(owner.pid);
    return now === '' || now === owner.procStart ? 'live' : 'stale';
  }
  // A lock of an older version: a process that started after the lock was taken cannot own it.
  const started = processStartMs(owner.pid);
  const takenAt = Date.parse(owner.startedAt);
  if (started !== null && Number.isFinite(takenAt) && started > takenAt + 5000) {
    return 'stale';
  }
  return 'live';
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EINVAL']);

/** Creates `target` holding `record` if it does not exist. False when it exists. */
async function createExclusive(target: string, record: string): Promise<boolean> {
  const tmp = tempNameFor(target);
  try {
    await writeNewFileSynced(tmp, record);
    try {
      await link(tmp, target);
      return true;
    } catch (e) {
      if (errorCode(e) === 'EEXIST') {
        return false;
      }
      if (!LINK_UNSUPPORTED.has(errorCode(e))) {
        throw e;
      }
    }
    // No hard links here (FAT, some network shares): create and write (an unreadable lock under
    // two seconds old is treated as being written).
    try {
      await writeNewFileSynced(target, record);
      return true;
    } catch (e) {
      if (errorCode(e) === 'EEXIST') {
        return false;
      }
      throw e;
    }
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Removes `file` if it still holds the record with `nonce`. */
async function removeIfOurs(file: string, nonce: string): Promise<void> {
  const seen = await readLock(file).catch(() => null);
  if (seen?.owner?.nonce === nonce) {
    await rm(file, { force: true });
  }
}

type Claim = { won: true } | { won: false; owner: LockOwner | null };

/** Makes `target` hold `record` unless a live owner holds it. */
async function claim(target: string, record: string, nonce: string, depth: number, deadline: number): Promise<Claim> {
  for (;;) {
    if (await createExclusive(target, record)) {
      return { won: true };
    }
    const seen = await readLock(target);
    if (seen === null) {
      continue; // Released meanwhile: try again.
    }
    const verdict = lockVerdict(seen.owner, seen.ageMs);
    if (verdict === 'live' || depth >= MAX_DEPTH) {
      return { won: false, owner: seen.owner };
    }
    if (verdict === 'wait') {
      if (Date.now() > deadline) {
        return { won: false, owner: null };
      }
      await sleep(50);
      continue;
    }
    // Stale: only the owner of this instance's takeover marker may replace it.
    const marker = `${target}.takeover-${seen.instance}`;
    const got = await claim(marker, record, nonce, depth + 1, deadline);
    if (!got.won) {
      // A live racer is taking this instance over right now: see what it ends with.
      if (Date.now() > deadline) {
        return { won: false, owner: seen.owner };
      }
      await sleep(20);
      continue;
    }
    try {
      const again = await readLock(target);
      if (again !== null && again.instance === seen.instance) {
        await writeFileDurable(target, record);
        return { won: true };
      }
    } finally {
      await removeIfOurs(marker, nonce).catch(() => undefined);
    }
  }
}

/** Removes takeover markers of older lock instances (any racer still holding one re-checks and gives up). */
async function sweepMarkers(lockFile: string): Promise<void> {
  const dir = path.dirname(lockFile);
  const prefix = `${path.basename(lockFile)}.takeover-`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) {
      await rm(path.join(dir, name), { force: true }).catch(() => undefined);
    }
  }
}

/**
 * Takes the lock or throws DbLockedError (a live owner holds it). Other errors (a full disk, a
 * read-only folder) are thrown as they are, and leave no file behind. Released on `release()` and
 * on process exit.
 */
export async function acquireLock(lockFile: string): Promise<DbLock> {
  const nonce = randomBytes(12).toString('hex');
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    boot: bootId(),
    procStart: processStart(process.pid),
    nonce,
  };
  const record = JSON.stringify(me);
  ours.add(nonce);
  let result: Claim;
  try {
    result = await claim(lockFile, record, nonce, 0, Date.now() + WAIT_MS);
  } catch (e) {
    ours.delete(nonce);
    throw e;
  }
  if (!result.won) {
    ours.delete(nonce);
    throw new DbLockedError(result.owner);
  }
  await sweepMarkers(lockFile);
  const onExit = (): void => {
    try {
      if (parseOwner(readFileSync(lockFile, 'utf8'))?.nonce === nonce) {
        unlinkSync(lockFile);
      }
    } catch {
      // Already gone.
    }
  };
  process.once('exit', onExit);
  let released = false;
  return {
    file: lockFile,
    owner: me,
    release: async () => {
      if (released) {
        return;
      }
      released = true;
      process.removeListener('exit', onExit);
      try {
        await removeIfOurs(lockFile, nonce);
      } finally {
        ours.delete(nonce);
      }
    },
  };
}
