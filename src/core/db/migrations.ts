/**
 * Ordered, named migrations of the study database. Each step takes the previous version's shape
 * (as plain JSON) and returns the next one. Never edit a released step: add a new one.
 */

/** One migration step from `from` to `from + 1`. */
export type Migration = { name: string; from: number; up: (old: Record<string, unknown>) => Record<string, unknown> };

const asRecord = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The steps, in order. Version 1 is the first shape (progress as `{ state, updatedAt, doneAt }`,
 * notes without `topicTitle`); version 2 adds reading time, study days, recent topics and reset undo;
 * version 3 adds the review state; version 4 adds the Trash, tombstones and the sync base.
 */
export const migrations: readonly Migration[] = [
  {
    name: '001-reading-activity-and-note-headings',
    from: 1,
    up: (old) => {
      const progress: Record<string, unknown> = {};
      for (const [id, entry] of Object.entries(asRecord(old['progress']))) {
        progress[id] = { readSeconds: 0, ...asRecord(entry) };
      }
      const notes = asArray(old['notes']).map((n) => ({ topicTitle: null, ...asRecord(n) }));
      return { ...old, schemaVersion: 2, progress, notes, days: {}, recent: [], resetUndo: null };
    },
  },
  {
    // Review mode: card schedules, review history, user cards and done-time topic snapshots.
    name: '002-review-state',
    from: 2,
    up: (old) => ({ ...old, schemaVersion: 3, review: { cards: {}, log: [], userCards: [], snapshots: {} } }),
  },
  {
    // Never lose a note: deleted notes go to a Trash and leave tombstones; the sync base records
    // what this database last synced. A database from before this step never synced as far as
    // the merge knows (no base), so its first sync merges the repo in and deletes nothing.
    name: '003-trash-tombstones-sync-base',
    from: 3,
    up: (old) => ({ ...old, schemaVersion: 4, trash: [], tombstones: {}, syncBases: {} }),
  },
];

/** The version a migration chain ends at. */
export function latestVersion(steps: readonly Migration[] = migrations): number {
  return steps.reduce((v, m) => Math.max(v, m.from + 1), 1);
}

/** The steps needed to bring `version` up to date, in order (empty when current). */
export function pendingMigrations(version: number, steps: readonly Migration[] = migrations): Migration[] {
  return steps.filter((m) => m.from >= version).sort((a, b) => a.from - b.from);
}
