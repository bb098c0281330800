/** The 3-way merge of notes and the per-topic merge of progress. */
import { contentHash } from '../search/contentHash';
import { serialiseNote } from './noteFile';
import type { ConflictOrigin, SyncNote, SyncProgress, SyncProgressEntry } from './types';

/** Outcome of merging notes. */
export type NotesMerge = {
  notes: SyncNote[];
  /** Ids whose local version changed, was added or was deleted since the base. */
  up: string[];
  /** Ids the remote side brings here (added, changed, deleted, conflict copies). */
  down: string[];
  /** Pairs [local id, conflict copy id]. */
  conflicts: Array<[string, string]>;
};

/** The tag every conflict copy carries. */
export const CONFLICT_TAG = 'conflict';

const same = (a: SyncNote | undefined, b: SyncNote | undefined): boolean =>
  a === undefined || b === undefined ? a === b : serialiseNote(a) === serialiseNote(b);

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
 * Merges notes by id against the base (the last synced version). One side changed: it wins.
 * Both changed differently: the local note stays and the remote one arrives as a conflict copy.
 * Deleted on one side and edited on the other: the edit survives. Never loses an edit.
 */
export function mergeNotes(base: readonly SyncNote[], local: readonly SyncNote[], remote: readonly SyncNote[], origin: ConflictOrigin): NotesMerge {
  const b = new Map(base.map((n) => [n.id, n]));
  const l = new Map(local.map((n) => [n.id, n]));
  const r = new Map(remote.map((n) => [n.id, n]));
  const ids = [...new Set([...l.keys(), ...r.keys(), ...b.keys()])].sort();
  const out: SyncNote[] = [];
  const up: string[] = [];
  const down: string[] = [];
  const conflicts: Array<[string, string]> = [];
  for (const id of ids) {
    const bn = b.get(id);
    const ln = l.get(id);
    const rn = r.get(id);
    const localChanged = !same(bn, ln);
    const remoteChanged = !same(bn, rn);
    if (!remoteChanged) {
      if (ln !== undefined) {
        out.push(ln);
      }
      if (localChanged) {
        up.push(id);
      }
    } else if (!localChanged) {
      if (rn !== undefined) {
        out.push(rn);
      }
      down.push(id);
    } else if (same(ln, rn)) {
      // Both sides made the same change (or both deleted it).
      if (ln !== undefined) {
        out.push(ln);
      }
    } else if (ln === undefined || rn === undefined) {
      // Deleted on one side, edited on the other: the edit survives.
      const kept = (ln ?? rn) as SyncNote;
      out.push(kept);
      (ln !== undefined ? up : down).push(id);
    } else {
      out.push(ln);
      up.push(id);
      const copy = conflictCopy(rn, origin);
      if (!l.has(copy.id)) {
        out.push(copy);
        down.push(copy.id);
        conflicts.push([id, copy.id]);
      }
    }
  }
  // A conflict copy made earlier on another machine may already be in the list: keep one.
  const seen = new Set<string>();
  return { notes: out.filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true))), up, down, conflicts };
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
