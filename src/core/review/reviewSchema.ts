/** The review part of the study database: card schedules, review history, user cards, done-time snapshots. */
import { z } from 'zod';

const isoDate = z.string().min(10).max(40);
/**
 * As long as any card id may be (`<topic id>::<hash>`, 5000): a hub heading thousands of characters
 * long makes such a topic id, and a tighter bound here made the whole database unreadable after
 * one of its cards was graded.
 */
const topicId = z.string().max(5000);

/** FSRS memory state of one card (ts-fsrs `Card`, dates as ISO strings) plus what keeps it readable when orphaned. */
export const cardScheduleSchema = z.object({
  topicId,
  /** The question when last reviewed: an orphaned card (topic renamed or removed) still shows it. */
  question: z.string().max(10_000),
  due: isoDate,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
  state: z.number().int().min(0).max(3),
  lastReview: isoDate.nullable(),
  /** When the schedule was last set other than by a grade (reset, undo): sync merges by the later of this and `lastReview`. */
  changedAt: isoDate.nullable().default(null),
});
/** FSRS memory state of one card. */
export type CardSchedule = z.infer<typeof cardScheduleSchema>;

/** One grading: the history the dashboard's retention, streak and weak topics come from. */
export const reviewLogEntrySchema = z.object({
  cardId: z.string().max(5000),
  topicId,
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: z.number().int().min(1).max(4),
  at: isoDate,
  /** The card's state before this grading (0 new ... 3 relearning). */
  state: z.number().int().min(0).max(3),
  /** Taken back with undo: kept so a sync does not bring the grading back, left out of every figure. */
  undone: z.boolean().default(false),
});
/** One grading. */
export type ReviewLogEntry = z.infer<typeof reviewLogEntrySchema>;

/** A card the learner made from a note or a selected passage. */
export const userCardSchema = z.object({
  id: z.string().min(1).max(100),
  topicId: topicId.nullable(),
  question: z.string().min(1).max(10_000),
  answer: z.string().max(100_000),
  /** `cloze`: the question is a passage with words blanked out, the answer those words. */
  source: z.enum(['note', 'passage', 'manual', 'cloze']),
  noteId: z.string().max(100).nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  /** Deleted cards stay as tombstones so a sync does not bring them back. */
  deleted: z.boolean(),
});
/** A card the learner made. */
export type UserCard = z.infer<typeof userCardSchema>;

/** A topic's text when it was marked done: stale detection and the diff view compare with it. */
export const topicSnapshotSchema = z.object({
  hash: z.string().max(64),
  title: z.string().max(1000),
  text: z.string().max(200_000),
  at: isoDate,
  /** The hub text's hash when the change was noticed and its cards were brought back (null: not flagged). */
  flaggedHash: z.string().max(64).nullable(),
});
/** A topic's text when it was marked done. */
export type TopicSnapshot = z.infer<typeof topicSnapshotSchema>;

/**
 * What the learner decided about one card: a found card accepted or dismissed, its edited text,
 * suspended, flagged as a leech. Merged by `updatedAt` (the later decision wins).
 */
export const cardStateSchema = z.object({
  /** suggested: found, no decision yet; accepted: in review even before its topic is done; dismissed: never offered. */
  status: z.enum(['suggested', 'accepted', 'dismissed']).default('suggested'),
  /** The learner's text for a found card (null: the hub's text). The hub's files are never changed. */
  question: z.string().max(10_000).nullable().default(null),
  answer: z.string().max(100_000).nullable().default(null),
  suspended: z.boolean().default(false),
  /** Forgotten `LEECH_LAPSES` times: suspended and shown on its topic. */
  leech: z.boolean().default(false),
  updatedAt: isoDate,
});
/** What the learner decided about one card. */
export type CardState = z.infer<typeof cardStateSchema>;

/** Default pace: Anki's 20 new cards and 200 reviews a day, 90% desired retention. */
export const DEFAULT_REVIEW_SETTINGS = { newPerDay: 20, reviewsPerDay: 200, retention: 0.9, updatedAt: '' } as const;

/** Daily limits and the desired retention. */
export const reviewSettingsSchema = z.object({
  newPerDay: z.number().int().min(0).max(9999).default(DEFAULT_REVIEW_SETTINGS.newPerDay),
  reviewsPerDay: z.number().int().min(0).max(99_999).default(DEFAULT_REVIEW_SETTINGS.reviewsPerDay),
  /** The recall probability FSRS schedules for (0.7-0.99). */
  retention: z.number().min(0.7).max(0.99).default(DEFAULT_REVIEW_SETTINGS.retention),
  /** When they were last changed ('' never): sync keeps the later settings. */
  updatedAt: z.string().max(40).default(''),
});
/** Daily limits and the desired retention. */
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

/** One step that undo takes back: what the card's schedule, state and user card were before it. */
export const undoEntrySchema = z.object({
  label: z.string().max(200),
  at: isoDate,
  cardId: z.string().max(5000),
  schedule: cardScheduleSchema.nullable(),
  cardState: cardStateSchema.nullable(),
  userCard: userCardSchema.nullable(),
  /** The time of the grading this step added to the history, if it was an answer. */
  logAt: isoDate.nullable(),
});
/** One step that undo takes back. */
export type UndoEntry = z.infer<typeof undoEntrySchema>;

/** Most undo steps kept. */
export const MAX_UNDO = 30;

/** All review state kept in the database. Fields added after version 3 default, so older files parse. */
export const reviewStateSchema = z.object({
  cards: z.record(z.string(), cardScheduleSchema),
  log: z.array(reviewLogEntrySchema),
  userCards: z.array(userCardSchema),
  snapshots: z.record(z.string(), topicSnapshotSchema),
  cardStates: z.record(z.string(), cardStateSchema).default({}),
  settings: reviewSettingsSchema.default({ ...DEFAULT_REVIEW_SETTINGS }),
  /** This machine's undo steps, newest last (not synced). */
  undo: z.array(undoEntrySchema).default([]),
});
/** All review state kept in the database. */
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** Review state of a database that has none yet. */
export function emptyReviewState(): ReviewState {
  return { cards: {}, log: [], userCards: [], snapshots: {}, cardStates: {}, settings: { ...DEFAULT_REVIEW_SETTINGS }, undo: [] };
}
