/** StudyApi domain `review.*`: spaced-repetition cards, grading, review stats and stale topics. */
import type { Root as HastRoot } from 'hast';
import { z } from 'zod';
import type { UserCard } from '../review/reviewSchema';
import type { DiffPart, StaleTopic } from '../review/stale';
import type { RetentionDay, WeakTopic } from '../review/stats';
import type { CardKind, SkippedBlock } from '../review/types';

const topicId = z.string().min(1).max(4096);
const cardIdArg = z.string().min(1).max(5000);

/** Argument schemas of the review domain. */
export const reviewSchemas = {
  /** The cards due now (from topics marked done, and the learner's own cards), first ones rendered. */
  'review.due': z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
  /** Grades a card: 1 Again, 2 Hard, 3 Good, 4 Easy. Resolves once saved. */
  'review.grade': z.object({ cardId: cardIdArg, grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
  /** The cards of one topic with their schedule, and the "Check yourself" blocks that were skipped. */
  'review.cards': z.object({ topicId }).strict(),
  /** Makes a card from a note or a selected passage (or typed by hand). */
  'review.createCard': z
    .object({
      topicId: topicId.nullable(),
      question: z.string().trim().min(1).max(10_000),
      answer: z.string().max(100_000),
      source: z.enum(['note', 'passage', 'manual']),
      noteId: z.string().max(100).nullable().optional(),
    })
    .strict(),
  /** Deletes one of the learner's cards (its history stays). */
  'review.deleteCard': z.object({ id: z.string().min(1).max(100) }).strict(),
  /** What the dashboard shows of review: due today, streak, 30-day retention, weak topics. */
  'review.stats': z.object({}).strict(),
  /** Done topics that changed since they were finished, and done topics no longer in the hub. */
  'review.stale': z.object({}).strict(),
  /** The word diff of a stale topic: its text when finished against its text now. */
  'review.diff': z.object({ topicId }).strict(),
  /** "I have re-read it": the topic's current text becomes its new done-time text. */
  'review.acceptChange': z.object({ topicId }).strict(),
} as const;

/** A card ready to show: question and answer as sanitised hast (rendered like the hub). */
export type DueCard = {
  id: string;
  kind: CardKind;
  topicId: string | null;
  topicTitle: string | null;
  docPath: string | null;
  questionHast: HastRoot;
  answerHast: HastRoot;
  /** The card's topic changed since it was finished. */
  stale: boolean;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  /** The due time each grade (1-4) would give. */
  preview: Record<'1' | '2' | '3' | '4', string>;
};

/** A card of a topic, as the reader lists it. */
export type TopicCard = { id: string; kind: CardKind; question: string; due: string | null; reps: number; lapses: number; userCardId: string | null };

/** A stale topic with where it lives. */
export type StaleTopicView = StaleTopic & { docPath: string };

/** What the dashboard shows of review. */
export type ReviewStats = {
  dueToday: number;
  /** Due cards never reviewed. */
  newCards: number;
  totalCards: number;
  streak: number;
  retention: RetentionDay[];
  weakTopics: Array<WeakTopic & { title: string; docPath: string; exists: boolean }>;
  staleCount: number;
  today: string;
};

/** Results of the review domain. */
export type ReviewResults = {
  'review.due': { cards: DueCard[]; total: number; nextDue: string | null };
  'review.grade': { cardId: string; due: string; scheduledDays: number; remaining: number };
  'review.cards': { cards: TopicCard[]; skipped: SkippedBlock[] };
  'review.createCard': UserCard;
  'review.deleteCard': { deleted: boolean };
  'review.stats': ReviewStats;
  'review.stale': { topics: StaleTopicView[] };
  'review.diff': { topicId: string; title: string; doneAt: string; status: 'changed' | 'orphaned'; parts: DiffPart[] };
  'review.acceptChange': { topicId: string; hash: string };
};

export type { DiffPart, RetentionDay, SkippedBlock, UserCard, WeakTopic };
