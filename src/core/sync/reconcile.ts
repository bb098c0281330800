/**
 * The note merge of a sync (docs/spec/sync.md, "Merging notes"): one side against another, with
 * the base being what the first side last synced and deletions carried by tombstones. A note
 * leaves a side only because a tombstone names exactly the version that side holds (or the
 * version it last synced and has not changed since); anything else missing is added, never deleted.
 */
import type { Tombstone } from '../db/schema';
import { contentHash } from '../search/contentHash';
import { CONFLICT_TAG, conflictCopy } from './merge';
import { serialiseNote } from './noteFile';
import type { ConflictOrigin, SyncNote, Tombstones } from './types';

/** The hash a base and a tombstone record for a note version. */
export function noteHash(note: SyncNote): string {
  return contentHash([serialiseNote(note)]);
}

/** True when two versions of a note say the same thing (times aside). */
function sameContent(a: SyncNote, b: SyncNote): boolean {
  return a.title === b.title && a.body === b.body && a.topicId === b.topicId && a.tags.join('\u0001') === b.tags.join('\u0001');
}

/** The conflict copies (`<id>~c...`) of note `id` held on one side. */
export function copiesIn(side: ReadonlyMap<string, SyncNote>, id: string): SyncNote[] {
  const out: SyncNote[] = [];
  for (const [k, n] of side) {
    if (k.startsWith(`${id.slice(0, 80)}~c`) && n.tags.includes(CONFLICT_TAG)) {
      out.push(n);
    }
  }
  return out;
}

/** One side of a merge: its notes and the deletions it knows of. */
export type NoteSide = { notes: readonly SyncNote[]; tombstones: Readonly<Tombstones> };

/** What the merge decided. */
export type Reconciled = {
  /** The notes both sides hold after the merge. */
  notes: SyncNote[];
  /** Every deletion either side knows of, minus ids that are alive in `notes`. */
  tombstones: Tombstones;
  /** Ids the local side brings (added, changed, or deleted by a local tombstone). */
  up: string[];
  /** Ids the other side brings (added, changed, deleted, conflict copies). */
  down: string[];
  /** Pairs [local id, conflict copy id]. */
  conflicts: Array<[string, string]>;
  /** Local notes removed because the other side deleted exactly this version. */
  deletedLocally: SyncNote[];
  /** The other side's notes removed because the local side deleted exactly that version. */
  deletedRemotely: SyncNote[];
};

/** A tombstone deletes a version it names, or a version untouched since the last sync. */
const deletes = (t: Tombstone | undefined, hash: string, base: string | undefined): boolean => t !== undefined && (t.hash === hash || hash === base);

/**
 * Merges `local` with `remote`. `base` maps note ids to the hash each had when the local side
 * last synced (empty: it never did, so nothing is deleted by absence and differing notes both
 * survive). Rules per id:
 * - both hold it: unchanged on one side since the base -> the other side's version; changed on
 *   both to different texts -> local stays and the remote version arrives as a conflict copy;
 * - one side holds it: the other side's tombstone deletes it only when the tombstone names this
 *   version, or the version is the base (untouched since the last sync); otherwise it is kept
 *   and the tombstone is dropped (an edit outlives a deletion);
 * - a tombstone alone stays a tombstone.
 */
export function reconcileNotes(local: NoteSide, remote: NoteSide, base: Readonly<Record<string, string>>, origin: ConflictOrigin): Reconciled {
  const l = new Map(local.notes.map((n) => [n.id, n]));
  const r = new Map(remote.notes.map((n) => [n.id, n]));
  const ids = [...new Set([...l.keys(), ...r.keys()])].sort();
  const out: SyncNote[] = [];
  const result: Reconciled = { notes: out, tombstones: {}, up: [], down: [], conflicts: [], deletedLocally: [], deletedRemotely: [] };
  const baseOf = (id: string): string | undefined => (Object.hasOwn(base, id) ? base[id] : undefined);
  const tomb = (t: Readonly<Tombstones>, id: string): Tombstone | undefined => (Object.hasOwn(t, id) ? t[id] : undefined);
  for (const id of ids) {
    const ln = l.get(id);
    const rn = r.get(id);
    const b = baseOf(id);
    if (ln !== undefined && rn !== undefined) {
      const lh = noteHash(ln);
      const rh = noteHash(rn);
      if (lh === rh) {
        out.push(ln);
      } else if (sameContent(ln, rn)) {
        // The same text reached on both sides (both restored it from the Trash, say): no conflict,
        // the later save wins so that both machines end with one identical note.
        const later = ln.updatedAt > rn.updatedAt || (ln.updatedAt === rn.updatedAt && lh > rh) ? ln : rn;
        out.push(later);
        (later === ln ? result.up : result.down).push(id);
      } else if (rh === b) {
        out.push(ln);
        result.up.push(id);
      } else if (lh === b || copiesIn(r, id).some((c) => c.body === ln.body && c.topicId === ln.topicId)) {
        // Unchanged here since the base, or this text is already in the repo as a conflict copy of
        // this note (an old version brought back by a restored backup): the repo's version wins.
        out.push(rn);
        result.down.push(id);
      } else if ([...copiesIn(l, id), ...copiesIn(r, id)].some((c) => c.body === rn.body && c.topicId === rn.topicId)) {
        // The repo's text is already kept as a copy on one side (the same text saved at another
        // time, e.g. restored from the Trash on two machines): local stays, the loop carries that copy.
        out.push(ln);
        result.up.push(id);
      } else {
        out.push(ln);
        result.up.push(id);
        let copy = conflictCopy(rn, origin);
        // A note already under the copy's id is that copy only if it holds the same text (another
        // machine made it); an unrelated note with that id (a crafted file) must not swallow it.
        const isCopy = (n: SyncNote | undefined): boolean => n === undefined || (n.body === rn.body && n.topicId === rn.topicId);
        for (let i = 2; !isCopy(l.get(copy.id)) || !isCopy(r.get(copy.id)); i++) {
          copy = { ...copy, id: `${conflictCopy(rn, origin).id}-${i}` };
        }
        if (!l.has(copy.id)) {
          // When the repo already holds this copy (made by another machine), the loop brings it.
          if (!r.has(copy.id)) {
            out.push(copy);
            result.down.push(copy.id);
          }
          result.conflicts.push([id, copy.id]);
        }
      }
    } else if (ln !== undefined) {
      if (deletes(tomb(remote.tombstones, id), noteHash(ln), b)) {
        result.deletedLocally.push(ln);
        result.down.push(id);
      } else {
        out.push(ln);
        result.up.push(id);
      }
    } else if (rn !== undefined) {
      if (deletes(tomb(local.tombstones, id), noteHash(rn), b)) {
        result.deletedRemotely.push(rn);
        result.up.push(id);
      } else {
        out.push(rn);
        result.down.push(id);
      }
    }
  }
  // A conflict copy made earlier on the other side may already be in the list: keep one.
  const seen = new Set<string>();
  result.notes = out.filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)));
  result.tombstones = mergeTombstones(local.tombstones, remote.tombstones, seen);
  return result;
}

/** The union of two tombstone sets (the later deletion of an id wins), without ids in `alive`. */
export function mergeTombstones(a: Readonly<Tombstones>, b: Readonly<Tombstones>, alive: ReadonlySet<string>): Tombstones {
  // No prototype: a note id "__proto__" is an ordinary key here.
  const out = Object.create(null) as Tombstones;
  for (const t of [a, b]) {
    for (const [id, stone] of Object.entries(t)) {
      const prev = out[id];
      if (!alive.has(id) && (prev === undefined || stone.deletedAt > prev.deletedAt)) {
        out[id] = { deletedAt: stone.deletedAt, hash: stone.hash };
      }
    }
  }
  return out;
}
