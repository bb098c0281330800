import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackendOptions, StartupError, backgroundWorkers, createBackend, startBackend } from '../../src/backend/createBackend';
import { silentLogger } from '../../src/backend/logger';
import { oddities } from './hub/tempHub';

describe('createBackend', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('creates a missing data folder and opens the hub it is given', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-cb-'));
    dirs.push(base);
    const dataDir = path.join(base, 'not', 'there', 'yet');
    const backend = await createBackend({ bundledHub: oddities, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
    try {
      expect((await stat(dataDir)).isDirectory()).toBe(true);
      expect((await backend.api['hub.overview']({})).bundled).toBe(true);
      expect((await backend.api['app.info']({})).dataDir).toBe(dataDir);
      await expect(backend.api['app.openExternal']({ url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await backend.api['app.openExternal']({ url: 'https://example.com' })).toEqual({ opened: false });
    } finally {
      await backend.close();
    }
  });

  it('leaves a core to the main thread for background parsing: at least one worker, at most three', () => {
    expect([1, 2, 3, 4, 8, 64].map(backgroundWorkers)).toEqual([1, 1, 2, 3, 3, 3]);
  });

  it('refuses a hub folder that does not exist with a clear error', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-cb-'));
    dirs.push(base);
    await expect(
      createBackend({ bundledHub: oddities, hubRoot: path.join(base, 'missing'), dataDir: base, host: 'web', version: 't', logger: silentLogger, openExternal: null }),
    ).rejects.toThrow(/Cannot open .* as a hub/);
  });
});

describe('createBackend: a failed start releases what it took', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  const optionsFor = (dataDir: string, extra: Partial<BackendOptions> = {}): BackendOptions => ({ bundledHub: oddities, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null, ...extra });
  async function dataDir(): Promise<string> {
    const d = await mkdtemp(path.join(os.tmpdir(), 'nexus-cb-fail-'));
    dirs.push(d);
    return d;
  }

  it('a database that fails to open after its lock was taken releases the lock: the retry is not "in use by pid <own pid>"', async () => {
    const dir = await dataDir();
    await mkdir(path.join(dir, 'study.json')); // a folder where the file should be
    const error = await createBackend(optionsFor(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ stage: 'database' });
    expect((error as Error).message).toMatch(/could not be opened: a folder is in the way/);
    expect(existsSync(path.join(dir, 'study.json.lock'))).toBe(false);
    await rm(path.join(dir, 'study.json'), { recursive: true });
    const backend = await createBackend(optionsFor(dir));
    try {
      expect(await backend.api['study.status']({})).toMatchObject({ state: 'ok', writable: true });
    } finally {
      await backend.close();
    }
  });

  it('a failure after the database is open closes it (lock released, workers stopped)', async () => {
    const dir = await dataDir();
    // An interrupted sync whose recovery fails: its repo's index.lock is a folder rm cannot remove.
    const repo = path.join(dir, 'repo');
    await mkdir(path.join(repo, '.git', 'index.lock'), { recursive: true });
    await writeFile(path.join(repo, '.git', 'index.lock', 'x'), 'x');
    await mkdir(path.join(dir, 'sync'));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(path.join(dir, 'sync', 'journal.json'), JSON.stringify({ pid: dead.pid, startedAt: '2000-01-01T00:00:00.000Z', step: 'fetch', backupRef: null, repoPath: repo }));
    const error = await createBackend(optionsFor(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ stage: 'backend' });
    expect(existsSync(path.join(dir, 'study.json.lock'))).toBe(false);
    await rm(path.join(dir, 'sync', 'journal.json'));
    const backend = await createBackend(optionsFor(dir));
    try {
      expect(await backend.api['study.status']({})).toMatchObject({ state: 'ok', writable: true });
    } finally {
      await backend.close();
    }
  });

  it('a lock naming our own pid (a failed start in this process) is ours', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, 'study.json.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
    const backend = await createBackend(optionsFor(dir));
    try {
      expect(await backend.api['study.status']({})).toMatchObject({ state: 'ok', writable: true });
    } finally {
      await backend.close();
    }
    expect(existsSync(path.join(dir, 'study.json.lock'))).toBe(false);
  });

  it('startBackend falls back to the bundled hub only when the hub failed', async () => {
    const dir = await dataDir();
    const forgotten: StartupError[] = [];
    const backend = await startBackend(optionsFor(dir, { hubRoot: path.join(dir, 'no-such-hub') }), (e) => forgotten.push(e));
    try {
      expect(forgotten.map((e) => e.stage)).toEqual(['hub']);
      expect((await backend.api['hub.overview']({})).bundled).toBe(true);
    } finally {
      await backend.close();
    }

    // A database failure with a good hub: not retried, the hub is not forgotten.
    const broken = await dataDir();
    await mkdir(path.join(broken, 'study.json'));
    const calls: StartupError[] = [];
    const error = await startBackend(optionsFor(broken, { hubRoot: oddities }), (e) => calls.push(e)).catch((e: unknown) => e);
    expect(error).toMatchObject({ stage: 'database' });
    expect(calls).toEqual([]);
    expect(existsSync(path.join(broken, 'study.json.lock'))).toBe(false);
  });

  it('close() reports nothing unsaved after a clean session, and can be called twice', async () => {
    const dir = await dataDir();
    const backend = await createBackend(optionsFor(dir));
    await backend.api['notes.save']({ topicId: null, title: 't', body: 'b', tags: [] });
    expect(await backend.close()).toEqual({ unsaved: null });
    expect(await backend.close()).toEqual({ unsaved: null });
    expect(existsSync(path.join(dir, 'study.json.lock'))).toBe(false);
  });
});
