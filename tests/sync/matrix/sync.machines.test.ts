/**
 * The sync matrix, part 1: databases that never synced with this repo, were reset, restored from
 * an older backup, or opened read-only. The rule (docs/spec/sync.md): a note leaves the repo only
 * because this database deleted something it had itself synced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Machine, type World, bodies, duplicates, markerFiles, remoteBodies, resetDatabase, restoreBackup, saveBackup, world } from './machines';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

const write = (m: Machine, body: string, topicId: string | null = 'docs/guide.md#setup'): ReturnType<Machine['study']['saveNote']> => m.study.saveNote({ topicId, title: body, body, tags: [] });

function healthy(machines: readonly Machine[]): void {
  for (const m of machines) {
    expect(duplicates(m), `${m.name} holds duplicates`).toEqual([]);
  }
  expect(markerFiles(w, machines)).toEqual([]);
}

describe('sync matrix: databases that do not know the repo', () => {
  it('a new machine with an empty database merges the repo in and deletes nothing (issue 12, case 1)', async () => {
    const a = await w.machine('laptop-a');
    for (const b of ['one', 'two', 'three']) {
      await write(a, b);
    }
    expect((await a.sync.run()).ok).toBe(true);
    const b = await w.machine('laptop-b');
    const rb = await b.sync.run();
    expect(rb.error).toBeNull();
    expect(rb.counts.notesUp).toBe(0);
    expect(bodies(b)).toEqual(['one', 'three', 'two']);
    expect(remoteBodies(w).sort()).toEqual(['one', 'three', 'two']);
    await a.sync.run();
    expect(bodies(a)).toEqual(['one', 'three', 'two']);
    healthy([a, b]);
  });

  it('a database reset to empty gets every note back and pushes no deletion', async () => {
    let a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    await write(a, 'from a');
    await a.sync.run();
    await write(b, 'from b');
    await b.sync.run();
    await a.sync.run();
    a = await resetDatabase(w, a);
    expect(bodies(a)).toEqual([]);
    expect((await a.sync.run()).error).toBeNull();
    expect(bodies(a)).toEqual(['from a', 'from b']);
    expect(remoteBodies(w).sort()).toEqual(['from a', 'from b']);
    await b.sync.run();
    expect(bodies(b)).toEqual(['from a', 'from b']);
    healthy([a, b]);
  });

  it('a database restored from an older backup gets the notes written after it, and the deletions made after it hold', async () => {
    let a = await w.machine('laptop-a');
    const keep = await write(a, 'kept');
    const doomed = await write(a, 'deleted later');
    await a.sync.run();
    const copy = await saveBackup(a, 'old');
    await write(a, 'written after the backup');
    await a.study.deleteNote(doomed.id);
    await a.sync.run();
    a = await restoreBackup(w, a, copy);
    expect(bodies(a)).toEqual(['deleted later', 'kept']);
    expect((await a.sync.run()).error).toBeNull();
    // The note written after the backup comes back; the one deleted after it stays deleted.
    expect(bodies(a)).toEqual(['kept', 'written after the backup']);
    expect(remoteBodies(w).sort()).toEqual(['kept', 'written after the backup']);
    expect(a.study.getNote(keep.id).body).toBe('kept');
    healthy([a]);
  });

  it('a read-only copy (a second window on the same data folder) never syncs', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'mine');
    await a.sync.run();
    const before = remoteBodies(w);
    const second = await w.machine('laptop-a', { clone: false });
    expect(second.study.status().writable).toBe(false);
    const r = await second.sync.run();
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('read-only');
    expect(remoteBodies(w)).toEqual(before);
    await second.close();
  });

  it('a database from before tombstones (schema 3, never synced as far as it knows) deletes nothing on its first sync', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'old machine note');
    await a.sync.run();
    // The other laptop has the same notes but its database predates the sync base: it knows no base.
    const b = await w.machine('laptop-b');
    await b.sync.run();
    await b.study.store.update((db) => {
      db.syncBases = {};
      db.notes = [];
    });
    expect((await b.sync.run()).error).toBeNull();
    expect(bodies(b)).toEqual(['old machine note']);
    expect(remoteBodies(w)).toEqual(['old machine note']);
  });
});

describe('sync matrix: deletions and the Trash', () => {
  it('a deletion syncs as a tombstone: the other machine moves the note to its Trash; a stale machine cannot resurrect it', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const c = await w.machine('laptop-c');
    const n = await write(a, 'short-lived');
    await write(a, 'stays');
    await a.sync.run();
    await b.sync.run();
    await c.sync.run();
    await a.study.deleteNote(n.id);
    expect(a.study.trash().items.map((t) => t.id)).toEqual([n.id]);
    await a.sync.run();
    await b.sync.run();
    expect(bodies(b)).toEqual(['stays']);
    expect(b.study.trash().items).toMatchObject([{ id: n.id, reason: 'sync' }]);
    // C was offline the whole time and still holds the note unchanged: it is deleted, not pushed back.
    await c.sync.run();
    expect(bodies(c)).toEqual(['stays']);
    expect(remoteBodies(w)).toEqual(['stays']);
    healthy([a, b, c]);
  });

  it('a note restored from the Trash after its deletion synced comes back everywhere', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await write(a, 'second thoughts');
    await a.sync.run();
    await b.sync.run();
    await a.study.deleteNote(n.id);
    await a.sync.run();
    await b.sync.run();
    expect(bodies(b)).toEqual([]);
    await b.study.restoreNote(n.id);
    await b.sync.run();
    await a.sync.run();
    expect(bodies(a)).toEqual(['second thoughts']);
    expect(bodies(b)).toEqual(['second thoughts']);
    expect(remoteBodies(w)).toEqual(['second thoughts']);
    healthy([a, b]);
  });

  it('a sync that would delete most notes in the repo stops, lists them, and deletes exactly the confirmed ones', async () => {
    const a = await w.machine('laptop-a');
    const notes = [];
    for (const b of ['n1', 'n2', 'n3', 'n4', 'n5']) {
      notes.push(await write(a, b));
    }
    await a.sync.run();
    for (const n of notes.slice(0, 4)) {
      await a.study.deleteNote(n.id);
    }
    const r = await a.sync.run();
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('confirm-deletions');
    expect(r.pendingDeletions.map((p) => p.title).sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(remoteBodies(w).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    // Confirming only part of the list is not enough.
    expect((await a.sync.run(r.pendingDeletions.slice(0, 2).map((p) => p.id))).error?.code).toBe('confirm-deletions');
    const ok = await a.sync.run(r.pendingDeletions.map((p) => p.id));
    expect(ok.error).toBeNull();
    expect(remoteBodies(w)).toEqual(['n5']);
  });

  it('restores a snapshot (backup ref) from before a sync: missing notes come back, changed ones as copies', async () => {
    const a = await w.machine('laptop-a');
    const x = await write(a, 'x v1');
    const y = await write(a, 'y');
    await a.sync.run();
    await a.study.saveNote({ id: x.id, topicId: x.topicId, title: 'x', body: 'x v2', tags: [] });
    await a.study.deleteNote(y.id);
    await a.sync.run();
    const { snapshots } = await a.sync.snapshots();
    expect(snapshots.length).toBeGreaterThan(0);
    const snap = snapshots[0];
    expect(snap?.notes).toBe(2);
    const restored = await a.sync.restoreSnapshot(snap?.ref ?? '');
    expect(restored).toEqual({ restored: 1, copies: 1 });
    expect(bodies(a)).toEqual(['x v1', 'x v2', 'y']);
    await a.sync.run();
    expect(remoteBodies(w).sort()).toEqual(['x v1', 'x v2', 'y']);
    healthy([a]);
  });
});
