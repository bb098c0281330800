/**
 * The web host's exit paths: SIGTERM (or Ctrl+C) lets the API calls already received finish,
 * flushes the study database and releases its lock before the process exits.
 * Spawns the real CLI (`node --import tsx src/web/cli.ts`) on real folders.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeDb } from '../../../src/core/db/loadDb';
import { type Note, defaultStudyDb } from '../../../src/core/db/schema';
import { oddities } from '../hub/tempHub';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

type Host = { proc: ChildProcess; url: string; token: string; stdout: () => string; stderr: () => string; exited: Promise<number | null> };

async function startHost(dataDir: string, rendererDir: string): Promise<Host> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', '--hub', oddities, '--print-token'], {
    cwd: repoRoot,
    env: { ...process.env, NEXUS_DATA_DIR: dataDir, NEXUS_RENDERER_DIR: rendererDir, NEXUS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start: ${err}`)), 60_000);
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      const token = /token (\S+)/.exec(out)?.[1];
      if (url !== undefined && token !== undefined) {
        clearTimeout(timer);
        resolve({ url, token });
      }
    });
    void exited.then((code) => reject(new Error(`the web host exited (${code}): ${err}`)));
  });
  return { proc, ...ready, stdout: () => out, stderr: () => err, exited };
}

function call(host: Host, method: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${host.url}api/${method}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-nexus-token': host.token } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const bigNote = (i: number): Note => ({
  id: `big-${i}`,
  topicId: null,
  topicTitle: null,
  title: `big ${i}`,
  body: 'x'.repeat(900_000),
  tags: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

describe('web host shutdown', () => {
  const dirs: string[] = [];
  const procs: ChildProcess[] = [];
  afterEach(async () => {
    for (const p of procs.splice(0)) {
      p.kill('SIGKILL');
    }
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function setup(db = defaultStudyDb()): Promise<{ dataDir: string; rendererDir: string }> {
    const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-sigterm-'));
    dirs.push(base);
    const dataDir = path.join(base, 'data');
    const rendererDir = path.join(base, 'renderer');
    await mkdir(dataDir);
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
    await writeFile(path.join(dataDir, 'study.json'), serializeDb(db));
    return { dataDir, rendererDir };
  }

  async function notesOnDisk(dataDir: string): Promise<string[]> {
    const db = JSON.parse(await readFile(path.join(dataDir, 'study.json'), 'utf8')) as { notes: Note[] };
    return db.notes.map((n) => n.title);
  }

  it('SIGTERM with a save in flight: the save is answered, on disk, and the lock released', async () => {
    // A large database makes each durable write take long enough to signal in the middle of one.
    const { dataDir, rendererDir } = await setup({ ...defaultStudyDb(), notes: Array.from({ length: 30 }, (_, i) => bigNote(i)) });
    const host = await startHost(dataDir, rendererDir);
    procs.push(host.proc);
    expect(readdirSync(dataDir)).toContain('study.json.lock');

    const saving = call(host, 'notes.save', { topicId: null, title: 'written while quitting', body: 'must not be lost', tags: [] });
    // The write of study.json has begun when its temp file appears.
    const deadline = Date.now() + 30_000;
    while (!readdirSync(dataDir).some((f) => f.startsWith('.study.json.') && f.endsWith('.tmp'))) {
      if (Date.now() > deadline) {
        throw new Error('the save never started writing');
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    host.proc.kill('SIGTERM');

    const answer = await saving;
    expect(answer).toMatchObject({ ok: true, value: { title: 'written while quitting' } });
    expect(await host.exited).toBe(0);
    expect(host.stdout()).toMatch(/all changes are saved/);
    expect(await notesOnDisk(dataDir)).toContain('written while quitting');
    const left = await readdir(dataDir);
    expect(left).not.toContain('study.json.lock');
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('SIGTERM just after a save: the save is on disk and the lock released', async () => {
    const { dataDir, rendererDir } = await setup();
    const host = await startHost(dataDir, rendererDir);
    procs.push(host.proc);
    expect(await call(host, 'notes.save', { topicId: null, title: 'just saved', body: 'b', tags: [] })).toMatchObject({ ok: true });
    host.proc.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(await notesOnDisk(dataDir)).toEqual(['just saved']);
    expect(await readdir(dataDir)).not.toContain('study.json.lock');
  }, 60_000);

  it('Ctrl+C through `npm run web` (SIGINT, then the launcher forwards SIGTERM) still flushes', async () => {
    const { dataDir, rendererDir } = await setup();
    const host = await startHost(dataDir, rendererDir);
    procs.push(host.proc);
    const saving = call(host, 'notes.save', { topicId: null, title: 'typed then Ctrl+C', body: 'b', tags: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    host.proc.kill('SIGINT');
    host.proc.kill('SIGTERM');
    await saving.catch(() => undefined);
    expect(await host.exited).toBe(0);
    expect(await readdir(dataDir)).not.toContain('study.json.lock');
    // Whatever was answered is on disk; nothing half-written is left.
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('a start that fails says why and exits 1, leaving no lock', async () => {
    const { dataDir, rendererDir } = await setup();
    await rm(path.join(dataDir, 'study.json'));
    await mkdir(path.join(dataDir, 'study.json'));
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', '--hub', oddities], {
      cwd: repoRoot,
      env: { ...process.env, NEXUS_DATA_DIR: dataDir, NEXUS_RENDERER_DIR: rendererDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    procs.push(proc);
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/could not start: Your study database could not be opened/);
    expect(await readdir(dataDir)).not.toContain('study.json.lock');
  }, 60_000);
});
