/** Conflict copies of notes (used by the note merge, reconcile.ts) and the per-topic merge of progress. */
import { contentHash } from '../search/contentHash';
import { serialiseNote } from './noteFile';
import type { ConflictOrigin, SyncNote, SyncProgress, SyncProgressEntry } from './types';

/** The tag every conflict copy carries. */
export const CONFLICT_TAG = 'conflict';

/** The id of the conflict copy of `remote` (stable: the same conflict always gives the same id). */
export function conflictCopyId(remote: SyncNote): string {
  return `${remote.id.slice(0, 80)}~c${contentHash([serialiseNote(remote)]).slice(0, 12)}`;
}

/** The remote version turned into a separate note flagged as a conflict copy. */
export function conflictCopy(remote: SyncNote, origin: ConflictOrigin): SyncNote {
  const prefix = `Conflict copy from ${origin.machine} ${origin.time}: `;
  return {
    ...remote,
    id: conflictCopyId(remote),
    title: `${prefix}${remote.title}`.slice(0, 500),
    tags: remote.tags.includes(CONFLICT_TAG) ? remote.tags : [...remote.tags, CONFLICT_TAG].slice(-100),
  };
}

/**
 * True when `a` wins over `b`: the later `updatedAt`; at the same time, the greater state (then
 * doneAt), so every machine picks the same winner and two machines never keep different states.
 */
export function progressNewer(a: SyncProgressEntry, b: SyncProgressEntry): boolean {
  if (a.updatedAt !== b.updatedAt) {
    return a.updatedAt > b.updatedAt;
  }
  return a.state !== b.state ? a.state > b.state : (a.doneAt ?? '') > (b.doneAt ?? '');
}

/** Outcome of merging progress. */
export type ProgressMerge = { progress: SyncProgress; merged: number; down: string[] };

/**
 * Merges progress per topic: the later `updatedAt` wins (ties: see progressNewer), so two
 * machines can never conflict. `merged` counts topics where the sides differed.
 */
export function mergeProgress(local: SyncProgress, remote: SyncProgress): ProgressMerge {
  const progress: SyncProgress = {};
  let merged = 0;
  const down: string[] = [];
  for (const id of [...new Set([...Object.keys(local), ...Object.keys(remote)])].sort()) {
    const l = Object.hasOwn(local, id) ? local[id] : undefined;
    const r = Object.hasOwn(remote, id) ? remote[id] : undefined;
    const winner = l === undefined ? r : r === undefined ? l : progressNewer(r, l) ? r : l;
    if (winner === undefined) {
      continue;
    }
    progress[id] = { state: winner.state, updatedAt: winner.updatedAt, doneAt: winner.doneAt };
    const differs = l === undefined || r === undefined || l.state !== r.state || l.updatedAt !== r.updatedAt || l.doneAt !== r.doneAt;
    if (differs) {
      merged++;
      if (winner === r) {
        down.push(id);
      }
    }
  }
  return { progress, merged, down };
}
