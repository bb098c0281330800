/**
 * "A write the API calls failed never lands later; a write it calls done is on disk."
 * Real temp folders and files; faults come only through the store's `writeText` seam.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/backend/logger';
import { writeFileDurable } from '../../../src/backend/store/durableWrite';
import { SaveFailedError, StudyStore, type StoreOptions } from '../../../src/backend/store/studyStore';
import { loadDb } from '../../../src/core/db/loadDb';
import type { Note } from '../../../src/core/db/schema';
import type { DbStatus } from '../../../src/core/db/status';

let dir: string;
let file: string;
const open: StudyStore[] = [];

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
const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

async function openStore(extra: Partial<StoreOptions> = {}): Promise<StudyStore> {
  const store = await StudyStore.open({ file, logger: silentLogger, ...extra });
  open.push(store);
  return store;
}

async function idsOnDisk(): Promise<string[]> {
  const outcome = loadDb(await readFile(file, 'utf8'));
  if (outcome.kind !== 'ok') {
    throw new Error(`not a good database: ${outcome.kind}`);
  }
  return outcome.db.notes.map((n) => n.id);
}

/** A writeText that fails while `full` is true, like a disk that filled up. */
function flakyDisk() {
  const disk = {
    full: false,
    writes: 0,
    writeText: (f: string, text: string): Promise<void> => {
      disk.writes++;
      return disk.full ? Promise.reject(enospc()) : writeFileDurable(f, text);
    },
  };
  return disk;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-save-'));
  file = path.join(dir, 'study.json');
});
afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.close().catch(() => undefined);
  }
  await rm(dir, { recursive: true, force: true });
});

describe('a failed save', () => {
  it('is rolled back in memory, reported, and never written later (not by a retry, not by the next save)', async () => {
    const disk = flakyDisk();
    const store = await openStore({ writeText: disk.writeText });
    await store.update((db) => db.notes.push(note('kept')));
    disk.full = true;
    await expect(store.update((db) => db.notes.push(note('failed')))).rejects.toBeInstanceOf(SaveFailedError);
    expect(store.data.notes.map((n) => n.id)).toEqual(['kept']);
    disk.full = false;
    await sleep(200);
    expect(await idsOnDisk()).toEqual(['kept']);
    await store.update((db) => db.notes.push(note('later')));
    expect(store.data.notes.map((n) => n.id)).toEqual(['kept', 'later']);
    expect(await idsOnDisk()).toEqual(['kept', 'later']);
    await store.close();
    expect(await idsOnDisk()).toEqual(['kept', 'later']);
  });

  it('seven failed creates on a full disk land none of them when space returns (issue 12, item 3)', async () => {
    const disk = flakyDisk();
    const store = await openStore({ writeText: disk.writeText });
    disk.full = true;
    for (let i = 0; i < 7; i++) {
      // The autosave retries a create without an id: each try is a new note.
      await expect(store.update((db) => db.notes.push(note(`try-${i}`)))).rejects.toThrow(/could not be saved/);
    }
    disk.full = false;
    await store.update((db) => db.notes.push(note('try-7')));
    await sleep(100);
    await store.close();
    expect(await idsOnDisk()).toEqual(['try-7']);
  });

  it('under concurrent updates: exactly the updates that resolved are in memory and on disk', async () => {
    // Updates queue behind the write in flight and are written together: fail the first or the second write.
    for (const failOn of [1, 2]) {
      let calls = -1; // the first write creates the file on open
      const store = await openStore({
        writeText: (f, text) => (++calls === failOn ? Promise.reject(enospc()) : writeFileDurable(f, text)),
      });
      const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
      const outcomes = await Promise.allSettled(ids.map((id) => store.update((db) => db.notes.push(note(id)))));
      const resolved = ids.filter((_, i) => outcomes[i]?.status === 'fulfilled');
      expect(resolved.length).toBeGreaterThan(0);
      expect(resolved.length).toBeLessThan(ids.length);
      for (const o of outcomes) {
        if (o.status === 'rejected') {
          expect(o.reason).toBeInstanceOf(SaveFailedError);
        }
      }
      expect(store.data.notes.map((n) => n.id)).toEqual(resolved);
      expect(await idsOnDisk()).toEqual(resolved);
      await store.close();
      open.length = 0;
      const again = await openStore();
      expect(again.data.notes.map((n) => n.id)).toEqual(resolved);
      await again.close();
      open.length = 0;
      await rm(file);
    }
  });

  it('a change is visible only once it is on disk; a later update builds on the earlier one', async () => {
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = null;
    const store = await openStore({
      writeText: async (f, text) => {
        await gate;
        await writeFileDurable(f, text);
      },
    });
    gate = new Promise((resolve) => (release = resolve));
    const first = store.update((db) => db.notes.push(note('one')));
    const second = store.update((db) => {
      db.notes.push(note(`two-after-${db.notes.length}`));
    });
    await sleep(20);
    expect(store.data.notes).toEqual([]);
    expect(store.status().pendingChanges).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(store.data.notes.map((n) => n.id)).toEqual(['one', 'two-after-1']);
    expect(store.status().pendingChanges).toBe(false);
  });

  it('an update whose mutation throws halfway leaves nothing behind, and does not disturb the others', async () => {
    const store = await openStore();
    const bad = store.update((db) => {
      db.notes.push(note('half'));
      throw new Error('refused');
    });
    const good = store.update((db) => db.notes.push(note('whole')));
    await expect(bad).rejects.toThrow('refused');
    await good;
    await store.update((db) => db.notes.push(note('next')));
    expect(store.data.notes.map((n) => n.id)).toEqual(['whole', 'next']);
    expect(await idsOnDisk()).toEqual(['whole', 'next']);
  });

  it('reports the error in the status, stays usable, and the next good save clears it', async () => {
    const disk = flakyDisk();
    const seen: DbStatus[] = [];
    const store = await openStore({ writeText: disk.writeText, onStatus: (s) => seen.push(s) });
    disk.full = true;
    await expect(store.update((db) => db.notes.push(note('x')))).rejects.toThrow(/disk is full/);
    expect(store.status()).toMatchObject({ saveError: 'the disk is full', writable: true, pendingChanges: false, state: 'ok' });
    expect(store.status().message).toMatch(/could not be saved .*not kept/);
    disk.full = false;
    await store.update((db) => db.notes.push(note('y')));
    expect(store.status()).toMatchObject({ saveError: null, message: null, pendingChanges: false });
    expect(seen.map((s) => s.saveError)).toEqual(['the disk is full', null]);
    // No temp file of the failed write is left.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('closing', () => {
  it('writes the update in flight, releases the lock, and refuses updates after it', async () => {
    const store = await openStore({
      writeText: async (f, text) => {
        await sleep(50);
        await writeFileDurable(f, text);
      },
    });
    const pending = store.update((db) => db.notes.push(note('in-flight')));
    await store.close();
    await pending;
    expect(await idsOnDisk()).toEqual(['in-flight']);
    expect((await readdir(dir)).filter((f) => f.includes('.lock'))).toEqual([]);
    await expect(store.update((db) => db.notes.push(note('late')))).rejects.toBeInstanceOf(SaveFailedError);
    expect(await idsOnDisk()).toEqual(['in-flight']);
  });

  it('flushes every queued update even when one of them fails, and says so in the status', async () => {
    let calls = -1; // the first write creates the file on open
    const store = await openStore({
      writeText: async (f, text) => {
        await sleep(10);
        if (++calls === 2) {
          throw enospc();
        }
        await writeFileDurable(f, text);
      },
    });
    const ids = ['a', 'b', 'c'];
    const pending = ids.map((id) => store.update((db) => db.notes.push(note(id))));
    const closing = store.close();
    const settled = await Promise.allSettled(pending);
    await closing;
    const resolved = ids.filter((_, i) => settled[i]?.status === 'fulfilled');
    expect(resolved).toContain('a');
    expect(resolved).not.toContain('b');
    expect(await idsOnDisk()).toEqual(resolved);
    const lastFailed = settled[settled.length - 1]?.status === 'rejected';
    expect(store.status().saveError).toBe(lastFailed ? 'the disk is full' : null);
  });
});
