/** The study database: its zod schema (current version), types and defaults. */
import { z } from 'zod';
import { emptyReviewState, reviewStateSchema } from '../review/reviewSchema';

/** The schema version this build reads and writes. */
export const CURRENT_SCHEMA_VERSION = 4;

/** Where a learner is with a topic. */
export const progressStateSchema = z.enum(['not-started', 'in-progress', 'done', 'skipped']);
/** Where a learner is with a topic. */
export type ProgressState = z.infer<typeof progressStateSchema>;

const isoDate = z.string().min(10).max(40);

/** Progress of one topic. */
export const progressEntrySchema = z.object({
  state: progressStateSchema,
  updatedAt: isoDate,
  doneAt: isoDate.nullable(),
  /** Seconds spent reading this topic (drives the automatic "in progress"). */
  readSeconds: z.number().nonnegative(),
});
/** Progress of one topic. */
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

/** A personal note. */
export const noteSchema = z.object({
  id: z.string().min(1).max(100),
  /** The topic it belongs to, or null for a free note. */
  topicId: z.string().max(4096).nullable(),
  /** The heading of the topic when the note was last saved (kept for orphaned notes). */
  topicTitle: z.string().max(1000).nullable(),
  title: z.string().max(500),
  body: z.string().max(1_000_000),
  tags: z.array(z.string().max(100)).max(100),
  createdAt: isoDate,
  updatedAt: isoDate,
});
/** A personal note. */
export type Note = z.infer<typeof noteSchema>;

/** A deleted note's mark: its id stays deleted everywhere while a copy of exactly this version (hash) is seen. */
export const tombstoneSchema = z.object({ deletedAt: isoDate, hash: z.string().min(1).max(64) });
/** A deleted note's mark (docs/spec/sync.md, "Tombstones"). */
export type Tombstone = z.infer<typeof tombstoneSchema>;

/** A note in the Trash: restorable until 30 days after `deletedAt`. */
export const trashItemSchema = z.object({ note: noteSchema, deletedAt: isoDate, reason: z.enum(['deleted', 'sync']) });
/** A note in the Trash. */
export type TrashEntry = z.infer<typeof trashItemSchema>;

/**
 * What this database last synced with one repo: the sync base of the 3-way note merge. `key` names
 * the repo (handle and remote URL); `notes` maps each note id of the synced commit to its hash.
 */
export const syncBaseSchema = z.object({ key: z.string().max(5000), commit: z.string().max(64).nullable(), at: isoDate, notes: z.record(z.string(), z.string().max(64)) });
/** What this database last synced with one repo. */
export type SyncBase = z.infer<typeof syncBaseSchema>;

/** A recently read topic. */
export const recentTopicSchema = z.object({ topicId: z.string().max(4096), title: z.string().max(1000), at: isoDate });
/** A recently read topic. */
export type RecentTopic = z.infer<typeof recentTopicSchema>;

/** Study activity of one local day (YYYY-MM-DD). */
export const dayActivitySchema = z.object({ readSeconds: z.number().nonnegative(), stateChanges: z.number().int().nonnegative() });
/** Study activity of one local day. */
export type DayActivity = z.infer<typeof dayActivitySchema>;

/** The whole database, current version. */
export const studyDbSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    progress: z.record(z.string(), progressEntrySchema),
    notes: z.array(noteSchema),
    /** Per local day: reading time and state changes (the heatmap and streak). */
    days: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), dayActivitySchema),
    /** Most recent first. */
    recent: z.array(recentTopicSchema),
    /** The progress as it was before the last reset, for undo. */
    resetUndo: z.object({ at: isoDate, progress: z.record(z.string(), progressEntrySchema) }).nullable(),
    /** Review mode: card schedules, history, user cards, done-time snapshots (src/core/review). */
    review: reviewStateSchema,
    /** Deleted notes, restorable for 30 days. */
    trash: z.array(trashItemSchema),
    /** Deleted note ids and the version deleted: the deletion syncs, and only that version is deleted elsewhere. */
    tombstones: z.record(z.string(), tombstoneSchema),
    /** What this database last synced with each repo (by key; none: never, or reset). */
    syncBases: z.record(z.string(), syncBaseSchema),
  })
  .strict();
/** The whole database, current version. */
export type StudyDb = z.infer<typeof studyDbSchema>;

/** An empty database of the current version. */
export function defaultStudyDb(): StudyDb {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, progress: {}, notes: [], days: {}, recent: [], resetUndo: null, review: emptyReviewState(), trash: [], tombstones: {}, syncBases: {} };
}
