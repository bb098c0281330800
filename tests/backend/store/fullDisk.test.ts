/**
 * A full disk, for real where this machine lets us mount a 200 KB tmpfs (root, Linux), else through
 * the store's `writeText` fault-injection seam. Each test says which one ran (console and title).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StartupError, createBackend } from '../../../src/backend/createBackend';
import { fileParseCache } from '../../../src/backend/hub/parseCache';
import { silentLogger } from '../../../src/backend/logger';
import { errorCode, writeFileDurable } from '../../../src/backend/store/durableWrite';
import { SaveFailedError, StudyStore } from '../../../src/backend/store/studyStore';
import { loadDb } from '../../../src/core/db/loadDb';
import type { Note } from '../../../src/core/db/schema';
import { oddities } from '../hub/tempHub';

const note = (id: string): Note => ({
  id,
  topicId: null,
  topicTitle: null,
  title: id,
  body: `body of ${id}`,
  tags: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

/** Mounted at load time, so `skipIf` knows which tests can run. */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nexus-full-'));
const mountPoint: string | null = (() => {
  const dir = path.join(scratch, 'tmpfs');
  mkdirSync(dir);
  const res =
    process.platform === 'linux' ? spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', dir], { encoding: 'utf8' }) : null;
  if (res?.status === 0) {
    console.info(`full-disk tests: a real 200 KB tmpfs at ${dir}`);
    return dir;
  }
  console.info(
    `full-disk tests: mount is not permitted here (${res?.stderr.trim() ?? process.platform}); using the writeText fault injection, and skipping the tests that need a real full disk`,
  );
  return null;
})();

afterAll(async () => {
  if (mountPoint !== null) {
    spawnSync('umount', [mountPoint]);
  }
  await rm(scratch, { recursive: true, force: true });
});

/** A fresh folder on the small disk, emptied (and the disk freed) after each test. */
let caseDir = '';
async function freshDir(): Promise<string> {
  caseDir = path.join(mountPoint ?? scratch, `case-${Math.random().toString(36).slice(2)}`);
  await mkdir(caseDir);
  return caseDir;
}
afterEach(async () => {
  if (caseDir !== '') {
    await rm(caseDir, { recursive: true, force: true });
  }
});

/** Fills the disk under `dir` to the last byte. */
async function fillDisk(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin');
  const e = await writeFile(filler, Buffer.alloc(1024 * 1024, 1)).catch((err: unknown) => err);
  expect(errorCode(e)).toBe('ENOSPC');
  // Whatever pages are left: small files until nothing fits.
  for (let i = 0; ; i++) {
    const more = await writeFile(path.join(dir, `filler-${i}.bin`), Buffer.alloc(4096, 1)).catch((err: unknown) => err);
    if (more !== undefined) {
      break;
    }
  }
  return filler;
}

async function freeDisk(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith('filler')) {
      await rm(path.join(dir, name));
    }
  }
}

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
    }
  }
  return out.sort();
}

const realDisk = (): boolean => mountPoint !== null;

describe('starting on a full disk', () => {
  it.skipIf(!realDisk())('(real tmpfs) fails with a clear message, leaves no partial file or lock, and the next start works', async () => {
    const dataDir = await freshDir();
    const options = { bundledHub: oddities, dataDir, host: 'web' as const, version: 't', logger: silentLogger, openExternal: null };
    const first = await createBackend(options);
    const saved = await first.api['notes.save']({ topicId: null, title: 'kept', body: 'written before the disk filled', tags: [] });
    await first.close();
    const before = await readFile(path.join(dataDir, 'study.json'), 'utf8');
    // The cache and search index must be written again at the next start.
    await rm(path.join(dataDir, 'cache'), { recursive: true, force: true });
    await rm(path.join(dataDir, 'search'), { recursive: true, force: true });
    await fillDisk(dataDir);

    const error = await createBackend(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).stage).toBe('database');
    expect((error as StartupError).message).toMatch(/disk is full/);
    expect((error as StartupError).message).toMatch(/Free some space/);
    const left = (await tree(dataDir)).filter((f) => !f.startsWith('filler'));
    expect(left.filter((f) => f.endsWith('.tmp') || f.includes('.lock') || f.startsWith('cache/'))).toEqual([]);
    expect(await readFile(path.join(dataDir, 'study.json'), 'utf8')).toBe(before);

    await freeDisk(dataDir);
    const again = await createBackend(options);
    try {
      expect(await again.api['study.status']({})).toMatchObject({ state: 'ok', writable: true });
      expect((await again.api['notes.get']({ id: saved.id })).title).toBe('kept');
    } finally {
      await again.close();
    }
  });

  it.skipIf(!realDisk())('(real tmpfs) the parse cache is written whole or not at all', async () => {
    const dir = await freshDir();
    const cacheDir = path.join(dir, 'cache');
    await mkdir(cacheDir);
    await fillDisk(dir);
    const cache = fileParseCache(cacheDir, silentLogger);
    const entries = new Map(
      Array.from({ length: 200 }, (_, i) => [
        `doc-${i}.md`,
        {
          hash: `h${i}`,
          problem: { path: `doc-${i}.md`, code: 'too-large' as const, message: 'x'.repeat(500), severity: 'error' as const },
        },
      ]),
    );
    await cache.save('/some/hub', entries);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('saving on a full disk', () => {
  it(`rolls the change back, leaves the file whole and no temp file, and saves again once there is room (${mountPoint !== null ? 'real tmpfs' : 'fault injection'})`, async () => {
    const dir = await freshDir();
    const file = path.join(dir, 'study.json');
    let injected = false;
    const store = await StudyStore.open({
      file,
      logger: silentLogger,
      // Without a real small disk, the seam plays the full disk.
      writeText: (f, text) =>
        injected
          ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
          : writeFileDurable(f, text),
    });
    console.info(`saving on a full disk: ${realDisk() ? 'a real full tmpfs' : 'the writeText fault injection'}`);
    try {
      await store.update((db) => db.notes.push(note('before')));
      if (realDisk()) {
        await fillDisk(dir);
      } else {
        injected = true;
      }
      const big = { ...note('too-big'), body: 'x'.repeat(50_000) };
      const err = await store.update((db) => db.notes.push(big)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SaveFailedError);
      expect((err as SaveFailedError).message).toMatch(/could not be saved \(the disk is full\)/);
      expect(store.data.notes.map((n) => n.id)).toEqual(['before']);
      const onDisk = loadDb(await readFile(file, 'utf8'));
      expect(onDisk.kind === 'ok' && onDisk.db.notes.map((n) => n.id)).toEqual(['before']);
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      if (realDisk()) {
        await freeDisk(dir);
      } else {
        injected = false;
      }
      await store.update((db) => db.notes.push(note('after')));
      expect(store.status().saveError).toBeNull();
    } finally {
      await store.close();
    }
    const reopened = await StudyStore.open({ file, logger: silentLogger });
    expect(reopened.data.notes.map((n) => n.id)).toEqual(['before', 'after']);
    await reopened.close();
  });
});

describe('temp files of interrupted writes', () => {
  it('are swept at open when their process is gone; a live process keeps its own', async () => {
    const dir = await freshDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await mkdir(path.join(dir, 'backups'));
      await mkdir(path.join(dir, 'cache'));
      const deadTemps = [
        `.study.json.${dead.pid}.0123456789ab.tmp`,
        `backups/.study-20240101T000000000Z.json.${dead.pid}.0123456789ab.tmp`,
        `.study.json.lock.${dead.pid}.0123456789ab.tmp`,
        `cache/.parsed-0123456789abcdef.json.${dead.pid}.0123456789ab.tmp`,
        `cache/parsed-0123456789abcdef.json.${dead.pid}.tmp`,
      ];
      const liveTemps = [`.study.json.${live.pid}.0123456789ab.tmp`, `cache/.parsed-0123456789abcdef.json.${live.pid}.0123456789ab.tmp`];
      for (const f of [...deadTemps, ...liveTemps]) {
        await writeFile(path.join(dir, f), 'partial');
      }
      const store = await StudyStore.open({ file: path.join(dir, 'study.json'), logger: silentLogger });
      await fileParseCache(path.join(dir, 'cache'), silentLogger).load('/any/hub');
      await store.close();
      const left = await tree(dir);
      for (const f of deadTemps) {
        expect(left).not.toContain(f);
      }
      for (const f of liveTemps) {
        expect(left).toContain(f);
      }
    } finally {
      live.kill('SIGKILL');
    }
  });
});
