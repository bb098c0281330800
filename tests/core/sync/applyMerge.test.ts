import { describe, expect, it } from 'vitest';
import type { Note, ProgressEntry, SyncBase, TrashEntry } from '../../../src/core/db/schema';
import { type SyncExport, type SyncImport, applyMerge } from '../../../src/core/sync/applyMerge';
import { conflictCopy } from '../../../src/core/sync/merge';
import { noteHash, reconcileNotes } from '../../../src/core/sync/reconcile';
import type { SyncProgress, Tombstones } from '../../../src/core/sync/types';

const NOW = '2025-03-01T12:00:00.000Z';
const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-01-02T00:00:00.000Z';

/** Version `k` of note `id` (each version its own body and time). */
const v = (id: string, k: number): Note => ({
  id,
  topicId: 'docs/a.md#x',
  topicTitle: null,
  title: `T ${id}`,
  body: `body ${id} v${k}`,
  tags: [],
  createdAt: T1,
  updatedAt: `2025-01-${String(k + 1).padStart(2, '0')}T00:00:00.000Z`,
});
const hashes = (...notes: Note[]): Record<string, string> => Object.fromEntries(notes.map((n) => [n.id, noteHash(n)]));
const stone = (n: Note, deletedAt = '2025-02-01T00:00:00.000Z'): Tombstones[string] => ({ deletedAt, hash: noteHash(n) });
const entry = (state: ProgressEntry['state'], updatedAt: string, readSeconds = 0): ProgressEntry => ({
  state,
  updatedAt,
  doneAt: state === 'done' ? updatedAt : null,
  readSeconds,
});
const base = (notes: Record<string, string>): SyncBase => ({ key: 'ada|git@example.com:ada/nexus.git', commit: 'c0ffee', at: NOW, notes });

type Db = { notes: Note[]; progress: Record<string, ProgressEntry>; tombstones: Tombstones; trash: TrashEntry[] };
const db = (over: Partial<Db> = {}): Db => ({ notes: [], progress: {}, tombstones: {}, trash: [], ...over });
const exp = (notes: Note[], tombstones: Tombstones = {}): SyncExport => ({ notes, tombstones });
const imp = (notes: Note[], over: Partial<SyncImport> = {}): SyncImport => ({
  notes,
  tombstones: {},
  progress: {},
  deleted: [],
  base: base(hashes(...notes)),
  ...over,
});
const byId = (notes: readonly Note[]): Record<string, string> => Object.fromEntries(notes.map((n) => [n.id, n.body]));

describe('applyMerge: notes', () => {
  it('takes the merged notes when nothing changed here during the sync, and records the sync base', () => {
    const cur = db({ notes: [v('a', 0), v('b', 0)] });
    const merged = imp([v('a', 1), v('b', 0), v('c', 0)]);
    const out = applyMerge(cur, exp([v('a', 0), v('b', 0)]), merged, NOW);
    expect(byId(out.notes)).toEqual({ a: 'body a v1', b: 'body b v0', c: 'body c v0' });
    expect(out.syncBase).toEqual(merged.base);
    // The input database is not changed.
    expect(cur.notes).toEqual([v('a', 0), v('b', 0)]);
  });

  it('keeps an edit made during the sync, with the exported version as its base', () => {
    const exported = v('a', 0);
    const edited = v('a', 5);
    const merged = imp([v('a', 1)]);
    const out = applyMerge(db({ notes: [edited] }), exp([exported]), merged, NOW);
    expect(out.notes).toEqual([edited]);
    expect(out.syncBase.notes).toEqual({ a: noteHash(exported) });
    expect(out.syncBase.notes['a']).not.toBe(merged.base.notes['a']);
  });

  it('so the next sync sees the repo change made meanwhile as a conflict, not as the base', () => {
    const out = applyMerge(db({ notes: [v('a', 5)] }), exp([v('a', 0)]), imp([v('a', 1)]), NOW);
    const next = reconcileNotes(
      { notes: out.notes, tombstones: out.tombstones },
      { notes: [v('a', 1)], tombstones: {} },
      out.syncBase.notes,
      { machine: 'm', time: 't' },
    );
    expect(next.notes).toEqual([v('a', 5), conflictCopy(v('a', 1), { machine: 'm', time: 't' })]);
  });

  it('and when the merge only sent this note up, the edit goes up next time without a conflict', () => {
    // The sync exported v1 (changed here), the repo took it; the learner then wrote v2.
    const out = applyMerge(db({ notes: [v('a', 2)] }), exp([v('a', 1)]), imp([v('a', 1)]), NOW);
    const next = reconcileNotes(
      { notes: out.notes, tombstones: out.tombstones },
      { notes: [v('a', 1)], tombstones: {} },
      out.syncBase.notes,
      { machine: 'm', time: 't' },
    );
    expect(next.notes).toEqual([v('a', 2)]);
    expect(next.up).toEqual(['a']);
    expect(next.conflicts).toEqual([]);
  });

  it('keeps a note created during the sync, without a base entry', () => {
    const out = applyMerge(db({ notes: [v('a', 0), v('new', 0)] }), exp([v('a', 0)]), imp([v('a', 0)]), NOW);
    expect(byId(out.notes)).toEqual({ a: 'body a v0', new: 'body new v0' });
    expect(Object.keys(out.syncBase.notes)).toEqual(['a']);
  });

  it('keeps a note deleted during the sync deleted, with its tombstone, even if the merge changed it', () => {
    const exported = v('a', 0);
    const t = stone(exported, '2025-03-01T11:59:00.000Z');
    const trash: TrashEntry[] = [{ note: exported, deletedAt: t.deletedAt, reason: 'deleted' }];
    for (const mergedA of [v('a', 0), v('a', 1)]) {
      const out = applyMerge(
        db({ notes: [v('b', 0)], tombstones: { a: t }, trash }),
        exp([exported, v('b', 0)]),
        imp([mergedA, v('b', 0)]),
        NOW,
      );
      expect(out.notes).toEqual([v('b', 0)]);
      expect(out.tombstones).toEqual({ a: t });
      expect(out.trash).toEqual(trash);
      // Its base is the version the sync read: a repo edit made meanwhile comes back next time.
      expect(out.syncBase.notes).toEqual(hashes(exported, v('b', 0)));
    }
  });

  it('a repo edit made meanwhile outlives that deletion at the next sync; an untouched one is deleted from the repo', () => {
    const exported = v('a', 0);
    const cur = db({ tombstones: { a: stone(exported) } });
    for (const [repoA, survives] of [
      [v('a', 1), true],
      [v('a', 0), false],
    ] as const) {
      const out = applyMerge(cur, exp([exported]), imp([repoA]), NOW);
      const next = reconcileNotes(
        { notes: out.notes, tombstones: out.tombstones },
        { notes: [repoA], tombstones: {} },
        out.syncBase.notes,
        { machine: 'm', time: 't' },
      );
      expect(next.notes).toEqual(survives ? [repoA] : []);
      expect(next.deletedRemotely).toEqual(survives ? [] : [repoA]);
    }
  });

  it('moves the notes the repo deleted to the Trash (reason sync), keeping the merged tombstones', () => {
    const gone = v('a', 0);
    const t = stone(gone);
    const out = applyMerge(
      db({ notes: [gone, v('b', 0)] }),
      exp([gone, v('b', 0)]),
      imp([v('b', 0)], { deleted: [gone], tombstones: { a: t } }),
      NOW,
    );
    expect(out.notes).toEqual([v('b', 0)]);
    expect(out.trash).toEqual([{ note: gone, deletedAt: NOW, reason: 'sync' }]);
    expect(out.tombstones).toEqual({ a: t });
    expect(out.syncBase.notes).toEqual(hashes(v('b', 0)));
  });

  // Found by the sync fuzzer (seed 499150180): machine B's edit of a note conflicted with A's and
  // became a conflict copy; A then deleted the note, and B's sync moved its version to the Trash
  // although the copy holds the same text: restoring it gave B that text twice.
  it('does not put in the Trash a version whose text lives on in a conflict copy of that note', () => {
    const gone = v('a', 3);
    const copy = conflictCopy(gone, { machine: 'laptop-a', time: '2025-01-05 10:00' });
    const out = applyMerge(
      db({ notes: [gone, v('b', 0)] }),
      exp([gone, v('b', 0)]),
      imp([v('b', 0), copy], { deleted: [gone], tombstones: { a: stone(v('a', 4)) } }),
      NOW,
    );
    expect(out.notes.map((n) => n.id).sort()).toEqual([copy.id, 'b']);
    expect(out.trash).toEqual([]);
    // Another text of that note still goes to the Trash.
    const other = applyMerge(db({ notes: [v('a', 5)] }), exp([v('a', 5)]), imp([copy], { deleted: [v('a', 5)] }), NOW);
    expect(other.trash.map((t) => t.note.body)).toEqual([v('a', 5).body]);
  });

  it('keeps a note the repo deleted if the learner edited it during the sync (no Trash, no tombstone)', () => {
    const out = applyMerge(
      db({ notes: [v('a', 3)] }),
      exp([v('a', 0)]),
      imp([], { deleted: [v('a', 0)], tombstones: { a: stone(v('a', 0)) } }),
      NOW,
    );
    expect(out.notes).toEqual([v('a', 3)]);
    expect(out.trash).toEqual([]);
    expect(out.tombstones).toEqual({});
    expect(out.syncBase.notes).toEqual(hashes(v('a', 0)));
  });

  it('does not put a note in the Trash twice', () => {
    const gone = v('a', 0);
    const already: TrashEntry = { note: gone, deletedAt: T2, reason: 'deleted' };
    // Deleted here during the sync, and by the repo too.
    const out = applyMerge(
      db({ tombstones: { a: stone(gone) }, trash: [already] }),
      exp([gone]),
      imp([], { deleted: [gone], tombstones: { a: stone(gone) } }),
      NOW,
    );
    expect(out.trash).toEqual([already]);
    // A note listed twice as deleted by the repo gets one entry.
    const twice = applyMerge(db({ notes: [gone] }), exp([gone]), imp([], { deleted: [gone, gone], tombstones: { a: stone(gone) } }), NOW);
    expect(twice.trash).toEqual([{ note: gone, deletedAt: NOW, reason: 'sync' }]);
  });

  it('gives no base entry to a note restored here during the sync that the merge also brought back', () => {
    // The repo's edit came back in the merge while the learner restored the old version from the Trash:
    // neither is the other's base, so the next sync keeps both (a conflict copy) instead of overwriting the repo's.
    const restored = v('a', 4);
    const out = applyMerge(db({ notes: [restored] }), exp([], { a: stone(v('a', 0)) }), imp([v('a', 1)]), NOW);
    expect(out.notes).toEqual([restored]);
    expect(out.syncBase.notes).toEqual({});
    const next = reconcileNotes(
      { notes: out.notes, tombstones: out.tombstones },
      { notes: [v('a', 1)], tombstones: {} },
      out.syncBase.notes,
      { machine: 'm', time: 't' },
    );
    expect(next.notes.map((n) => n.body)).toEqual(['body a v4', 'body a v1']);
  });

  it('takes out of the Trash a note the merge brought back (a repo edit outlived the deletion)', () => {
    const deleted = v('a', 0);
    const cur = db({
      tombstones: { a: stone(deleted) },
      trash: [
        { note: deleted, deletedAt: T2, reason: 'deleted' },
        { note: v('z', 0), deletedAt: T2, reason: 'deleted' },
      ],
    });
    const out = applyMerge(cur, exp([], { a: stone(deleted) }), imp([v('a', 1)]), NOW);
    expect(out.notes).toEqual([v('a', 1)]);
    expect(out.trash.map((t) => t.note.id)).toEqual(['z']);
    expect(out.tombstones).toEqual({});
  });

  it('keeps tombstones made during the sync beside the merged ones, except for live ids', () => {
    const merged = { m: stone(v('m', 0)), live: stone(v('live', 0)) };
    const during = stone(v('d', 0), '2025-03-01T11:59:00.000Z');
    const cur = db({ notes: [v('live', 1)], tombstones: { old: stone(v('old', 0)), d: during } });
    const out = applyMerge(
      cur,
      exp([v('live', 1), v('d', 0)], { old: stone(v('old', 0)) }),
      imp([v('live', 1), v('d', 0)], { tombstones: merged }),
      NOW,
    );
    // `old` was exported and the merge dropped it (the repo held an edit): it stays dropped.
    expect(out.tombstones).toEqual({ m: merged.m, d: during });
    expect(out.notes).toEqual([v('live', 1)]);
  });
});

describe('applyMerge: progress', () => {
  const run = (current: Record<string, ProgressEntry>, merged: SyncProgress): Record<string, ProgressEntry> =>
    applyMerge(db({ progress: current }), exp([]), imp([], { progress: merged }), NOW).progress;

  it("takes the merged entry where it is newer, keeping this machine's reading time", () => {
    const out = run({ a: entry('in-progress', T1, 300) }, { a: { state: 'done', updatedAt: T2, doneAt: T2 } });
    expect(out).toEqual({ a: { state: 'done', updatedAt: T2, doneAt: T2, readSeconds: 300 } });
  });

  it('keeps an entry changed here during the sync (newer than the merged one)', () => {
    const mine = entry('skipped', '2025-03-01T11:59:00.000Z', 10);
    expect(run({ a: mine }, { a: { state: 'done', updatedAt: T2, doneAt: T2 } })).toEqual({ a: mine });
  });

  it('adds topics only the merge knows, with no reading time, and keeps topics only this machine knows', () => {
    const mine = entry('done', T1, 7);
    expect(run({ mine }, { theirs: { state: 'in-progress', updatedAt: T1, doneAt: null } })).toEqual({
      mine,
      theirs: { state: 'in-progress', updatedAt: T1, doneAt: null, readSeconds: 0 },
    });
  });

  it('breaks a tie of updatedAt like mergeProgress does, so both machines end with the same state', () => {
    // 'in-progress' > 'done': the greater state wins whichever side holds it.
    expect(run({ a: entry('done', T1, 5) }, { a: { state: 'in-progress', updatedAt: T1, doneAt: null } })['a']).toEqual({
      state: 'in-progress',
      updatedAt: T1,
      doneAt: null,
      readSeconds: 5,
    });
    expect(run({ a: entry('in-progress', T1, 5) }, { a: { state: 'done', updatedAt: T1, doneAt: T1 } })['a']).toEqual(
      entry('in-progress', T1, 5),
    );
  });
});
