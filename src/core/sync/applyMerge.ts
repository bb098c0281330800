/** Applies a sync's merged notes and progress to the database without losing edits made meanwhile. */
import type { Note, ProgressEntry, SyncBase, TrashEntry } from '../db/schema';
import { serialiseNote } from './noteFile';
import { progressNewer } from './merge';
import { copiesIn, mergeTombstones, noteHash } from './reconcile';
import type { SyncProgress, Tombstones } from './types';

/** What a sync read from the database before it merged. */
export type SyncExport = { notes: readonly Note[]; tombstones: Readonly<Tombstones> };

/** What a sync brings back to the database. */
export type SyncImport = {
  notes: readonly Note[];
  tombstones: Readonly<Tombstones>;
  progress: SyncProgress;
  /** Local notes the repo deleted (they go to the Trash). */
  deleted: readonly Note[];
  /** The new sync base: the merged notes' hashes, at the synced commit. */
  base: SyncBase;
};

/** The database fields a sync changes. */
export type SyncApplied = { notes: Note[]; progress: Record<string, ProgressEntry>; tombstones: Tombstones; trash: TrashEntry[]; syncBase: SyncBase };

type DbPart = { notes: readonly Note[]; progress: Readonly<Record<string, ProgressEntry>>; tombstones: Readonly<Tombstones>; trash: readonly TrashEntry[] };

/**
 * The database after a sync. `exported` is what the sync read; a note that changed (or appeared,
 * or was deleted) since then keeps the newer local state, which the next sync sends up, and its
 * base entry says so. Notes the repo deleted go to the Trash. Progress takes the merged entry
 * where it is newer; reading time stays.
 */
export function applyMerge(current: DbPart, exported: SyncExport, merged: SyncImport, now: string): SyncApplied {
  const exp = new Map(exported.notes.map((n) => [n.id, serialiseNote(n)]));
  const expNotes = new Map(exported.notes.map((n) => [n.id, n]));
  const cur = new Map(current.notes.map((n) => [n.id, n]));
  const mer = new Map(merged.notes.map((n) => [n.id, n]));
  const notes: Note[] = [];
  const baseNotes: Record<string, string> = { ...merged.base.notes };
  for (const id of new Set([...cur.keys(), ...mer.keys()])) {
    const c = cur.get(id);
    const untouched = (c === undefined ? undefined : serialiseNote(c)) === exp.get(id);
    const chosen = untouched ? mer.get(id) : c;
    if (chosen !== undefined) {
      notes.push(chosen);
    }
    if (!untouched) {
      // Changed or deleted here during the sync: its base is the version the sync read, so the
      // next sync sees a remote change made meanwhile as a change (a conflict copy, or an edit
      // that outlives this deletion) instead of taking the merged version for the base.
      const e = expNotes.get(id);
      if (e !== undefined) {
        baseNotes[id] = noteHash(e);
      } else {
        delete baseNotes[id];
      }
    }
  }
  const alive = new Set(notes.map((n) => n.id));
  // Tombstones made here during the sync are kept beside the merged ones.
  const madeMeanwhile: Tombstones = Object.fromEntries(Object.entries(current.tombstones).filter(([id]) => !Object.hasOwn(exported.tombstones, id)));
  const tombstones = mergeTombstones(merged.tombstones, madeMeanwhile, alive);
  const trash: TrashEntry[] = [...current.trash.filter((t) => !alive.has(t.note.id))];
  const kept = new Map(notes.map((n) => [n.id, n]));
  // A version whose text lives on in a conflict copy of its note is not lost: restoring it from
  // the Trash would only give the learner that text twice.
  const livesOn = (c: Note): boolean => copiesIn(kept, c.id).some((k) => k.body === c.body && k.topicId === c.topicId);
  for (const n of merged.deleted) {
    const c = cur.get(n.id);
    if (c !== undefined && !alive.has(n.id) && !trash.some((t) => t.note.id === n.id) && !livesOn(c)) {
      trash.push({ note: c, deletedAt: now, reason: 'sync' });
    }
  }
  const progress: Record<string, ProgressEntry> = { ...current.progress };
  for (const [id, m] of Object.entries(merged.progress)) {
    const c = current.progress[id];
    if (c === undefined || progressNewer(m, c)) {
      progress[id] = { state: m.state, updatedAt: m.updatedAt, doneAt: m.doneAt, readSeconds: c?.readSeconds ?? 0 };
    }
  }
  return { notes, progress, tombstones, trash, syncBase: { ...merged.base, notes: baseNotes } };
}
