/** The review part of the study database: card schedules, review history, user cards, done-time snapshots. */
import { z } from 'zod';

const isoDate = z.string().min(10).max(40);
const topicId = z.string().max(4096);

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
});
/** One grading. */
export type ReviewLogEntry = z.infer<typeof reviewLogEntrySchema>;

/** A card the learner made from a note or a selected passage. */
export const userCardSchema = z.object({
  id: z.string().min(1).max(100),
  topicId: topicId.nullable(),
  question: z.string().min(1).max(10_000),
  answer: z.string().max(100_000),
  source: z.enum(['note', 'passage', 'manual']),
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

/** All review state kept in the database. */
export const reviewStateSchema = z.object({
  cards: z.record(z.string(), cardScheduleSchema),
  log: z.array(reviewLogEntrySchema),
  userCards: z.array(userCardSchema),
  snapshots: z.record(z.string(), topicSnapshotSchema),
});
/** All review state kept in the database. */
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** Review state of a database that has none yet. */
export function emptyReviewState(): ReviewState {
  return { cards: {}, log: [], userCards: [], snapshots: {} };
}
