import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/backend/logger';
import { Backups } from '../../../src/backend/store/backups';
import { SaveFailedError, StudyStore } from '../../../src/backend/store/studyStore';
import { loadDb, serializeDb } from '../../../src/core/db/loadDb';
import { defaultStudyDb, type Note } from '../../../src/core/db/schema';

const fixtures = path.join(import.meta.dirname, '../../fixtures/db');
let dir: string;
let file: string;
const open: StudyStore[] = [];

async function openStore(extra: Partial<Parameters<typeof StudyStore.open>[0]> = {}): Promise<StudyStore> {
  const store = await StudyStore.open({ file, logger: silentLogger, ...extra });
  open.push(store);
  return store;
}

const note = (id: string): Note => ({ id, topicId: null, topicTitle: null, title: id, body: `body of ${id}`, tags: [], createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-store-'));
  file = path.join(dir, 'study.json');
});
afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.close().catch(() => undefined);
  }
  await rm(dir, { recursive: true, force: true });
});

describe('StudyStore', () => {
  it('creates a new database, writes durably and reads it back after reopening', async () => {
    const store = await openStore();
    expect(store.status()).toMatchObject({ state: 'ok', writable: true, message: null });
    await store.update((db) => db.notes.push(note('a')));
    await store.close();
    open.length = 0;
    const again = await openStore();
    expect(again.data.notes.map((n) => n.id)).toEqual(['a']);
    // No temp files are left behind.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  describe.each([
    ['truncated', (good: string) => good.slice(0, good.length / 2)],
    ['empty', () => ''],
    ['NUL bytes', (good: string) => '\0'.repeat(good.length)],
    ['invalid JSON', () => '{"schemaVersion": 2, "progress": '],
    ['wrong shape', () => '{"schemaVersion":2,"progress":[],"notes":"x","days":{},"recent":[],"resetUndo":null}'],
    ['null', () => 'null'],
  ])('a %s file', (_name, corrupt) => {
    it('is moved aside, the newest good backup is restored, and the status says so', async () => {
      const backups = new Backups(path.join(dir, 'backups'));
      const older = { ...defaultStudyDb(), notes: [note('old')] };
      const newer = { ...defaultStudyDb(), notes: [note('old'), note('newer')] };
      await backups.write('study', serializeDb(older), Date.UTC(2024, 0, 1));
      await backups.write('study', serializeDb(newer), Date.UTC(2024, 0, 2));
      await backups.write('study', '{ broken', Date.UTC(2024, 0, 3));
      const bad = corrupt(serializeDb(newer));
      await writeFile(file, bad);

      const store = await openStore();
      const status = store.status();
      expect(status.state).toBe('restored');
      expect(status.corruptPath).toMatch(/study\.json\.corrupt-/);
      expect(status.restoredFrom).toMatch(/study-20240102/);
      expect(status.message).toContain(status.corruptPath);
      // The corrupt bytes are kept, untouched.
      expect(await readFile(status.corruptPath ?? '', 'utf8')).toBe(bad);
      expect(store.data.notes.map((n) => n.id)).toEqual(['old', 'newer']);
      expect(loadDb(await readFile(file, 'utf8')).kind).toBe('ok');
    });
  });

  it('starts empty but says so when a corrupt file has no good backup', async () => {
    await writeFile(file, 'null');
    const store = await openStore();
    expect(store.status()).toMatchObject({ state: 'reset-empty', writable: true });
    expect(store.status().message).toMatch(/no good backup/);
    expect((await readdir(dir)).some((f) => f.startsWith('study.json.corrupt-'))).toBe(true);
  });

  it('migrates an old file after keeping a pre-migration backup of it', async () => {
    await copyFile(path.join(fixtures, 'v1.json'), file);
    const original = await readFile(file, 'utf8');
    const store = await openStore();
    expect(store.status().migrated).toEqual(['001-reading-activity-and-note-headings', '002-review-state', '003-trash-tombstones-sync-base']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 4 });
    const backups = await new Backups(path.join(dir, 'backups')).list();
    const pre = backups.find((b) => b.kind === 'pre-migration');
    expect(pre?.name).toMatch(/001-reading-activity-and-note-headings/);
    expect(await readFile(pre?.file ?? '', 'utf8')).toBe(original);
  });

  it('refuses a newer version: the file is left byte for byte and nothing is written', async () => {
    await copyFile(path.join(fixtures, 'v99-newer.json'), file);
    const before = await readFile(file, 'utf8');
    const store = await openStore();
    expect(store.status()).toMatchObject({ state: 'newer', writable: false });
    await expect(store.update((db) => db.notes.push(note('x')))).rejects.toBeInstanceOf(SaveFailedError);
    await store.close();
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('lets only one store write: a second one opens read-only until the first closes', async () => {
    const first = await openStore();
    await first.update((db) => db.notes.push(note('a')));
    const second = await openStore();
    expect(second.status()).toMatchObject({ state: 'locked', writable: false });
    expect(second.data.notes.map((n) => n.id)).toEqual(['a']);
    await expect(second.update((db) => db.notes.push(note('b')))).rejects.toBeInstanceOf(SaveFailedError);
    await first.close();
    const third = await openStore();
    expect(third.status().state).toBe('ok');
  });

  it('takes over a stale lock left by a process that died', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(`${file}.lock`, JSON.stringify({ pid: child.pid, host: os.hostname(), startedAt: '' }));
    const store = await openStore();
    expect(store.status().state).toBe('ok');
  });

  it('on a full disk: tells the user, keeps what was saved, and the failed change never lands later (issue 12, item 3)', async () => {
    let failing = false;
    const { writeFileDurable } = await import('../../../src/backend/store/durableWrite');
    const statuses: Array<string | null> = [];
    const store = await openStore({
      writeText: (f, text) => (failing ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) : writeFileDurable(f, text)),
      onStatus: (s) => statuses.push(s.saveError),
    });
    await store.update((db) => db.notes.push(note('saved')));
    failing = true;
    await expect(store.update((db) => db.notes.push(note('failed')))).rejects.toThrow(/disk is full/);
    expect(store.status()).toMatchObject({ saveError: 'the disk is full' });
    // Rolled back in memory, and what was saved before is intact on disk.
    expect(store.data.notes.map((n) => n.id)).toEqual(['saved']);
    const onDisk = loadDb(await readFile(file, 'utf8'));
    expect(onDisk.kind === 'ok' && onDisk.db.notes.map((n) => n.id)).toEqual(['saved']);
    failing = false;
    await new Promise((r) => setTimeout(r, 100));
    await store.update((db) => db.notes.push(note('next')));
    const after = loadDb(await readFile(file, 'utf8'));
    expect(after.kind === 'ok' && after.db.notes.map((n) => n.id)).toEqual(['saved', 'next']);
    expect(statuses.at(-1)).toBeNull();
  });

  it('rotates backups: at most one per 10 minutes, old ones pruned', async () => {
    let now = Date.UTC(2024, 5, 1, 12);
    const store = await openStore({ now: () => now });
    for (let i = 0; i < 30; i++) {
      now += 11 * 60_000;
      await store.update((db) => db.notes.push(note(`n${i}`)));
      await store.update((db) => db.notes.push(note(`m${i}`)));
    }
    const list = (await new Backups(path.join(dir, 'backups')).list()).filter((b) => b.kind === 'study');
    // 10 recent ones; all are within a single day, so no extra daily ones.
    expect(list).toHaveLength(10);
    for (let i = 1; i < list.length; i++) {
      expect((list[i - 1]?.takenAt ?? 0) - (list[i]?.takenAt ?? 0)).toBeGreaterThanOrEqual(10 * 60_000);
    }
    // Each backup is a good database.
    for (const b of list) {
      expect(loadDb(await readFile(b.file, 'utf8')).kind).toBe('ok');
    }
  });
});
