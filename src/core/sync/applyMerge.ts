/** Applies a sync's merged notes and progress to the database without losing edits made meanwhile. */
import type { Note, ProgressEntry } from '../db/schema';
import { serialiseNote } from './noteFile';
import type { SyncProgress } from './types';

/**
 * The notes and progress after a sync. `exported` is what the sync read from the database; a
 * note that changed (or appeared, or was deleted) since then keeps the newer local state, which
 * the next sync sends up. Progress takes the merged entry where it is newer; reading time stays.
 */
export function applyMerge(
  current: { notes: readonly Note[]; progress: Readonly<Record<string, ProgressEntry>> },
  exported: readonly Note[],
  merged: { notes: readonly Note[]; progress: SyncProgress },
): { notes: Note[]; progress: Record<string, ProgressEntry> } {
  const exp = new Map(exported.map((n) => [n.id, serialiseNote(n)]));
  const cur = new Map(current.notes.map((n) => [n.id, n]));
  const mer = new Map(merged.notes.map((n) => [n.id, n]));
  const notes: Note[] = [];
  for (const id of new Set([...cur.keys(), ...mer.keys()])) {
    const c = cur.get(id);
    const untouched = (c === undefined ? undefined : serialiseNote(c)) === exp.get(id);
    const chosen = untouched ? mer.get(id) : c;
    if (chosen !== undefined) {
      notes.push(chosen);
    }
  }
  const progress: Record<string, ProgressEntry> = { ...current.progress };
  for (const [id, m] of Object.entries(merged.progress)) {
    const c = current.progress[id];
    if (c === undefined || m.updatedAt > c.updatedAt) {
      progress[id] = { state: m.state, updatedAt: m.updatedAt, doneAt: m.doneAt, readSeconds: c?.readSeconds ?? 0 };
    }
  }
  return { notes, progress };
}
