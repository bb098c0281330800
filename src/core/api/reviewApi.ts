/** StudyApi domain `review.*`: spaced-repetition cards, grading, review stats and stale topics. */
import type { Root as HastRoot } from 'hast';
import { z } from 'zod';
import type { ReviewSettings, UserCard } from '../review/reviewSchema';
import type { DiffPart, StaleTopic } from '../review/stale';
import type { RetentionDay, WeakTopic } from '../review/stats';
import type { CardKind, SkippedBlock } from '../review/types';

const topicId = z.string().min(1).max(4096);
const cardIdArg = z.string().min(1).max(5000);

/** Argument schemas of the review domain. */
export const reviewSchemas = {
  /**
   * The cards due now under today's limits (from topics marked done, accepted suggestions and the
   * learner's own cards), first ones rendered. With `topicId`: that topic's cards that are due or
   * fading, without the daily limits (the "needs review" session).
   */
  'review.due': z.object({ limit: z.number().int().min(1).max(200).optional(), topicId: topicId.optional() }).strict(),
  /** Grades a card: 1 Again, 2 Hard, 3 Good, 4 Easy. Resolves once saved. */
  'review.grade': z.object({ cardId: cardIdArg, grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
  /** Takes back the last answer or card change made on this machine (answer, edit, suspend, reset, delete...). */
  'review.undo': z.object({}).strict(),
  /** The cards of one topic (suggestions, accepted, dismissed) with their schedule, and the "Check yourself" blocks that were skipped. */
  'review.cards': z.object({ topicId }).strict(),
  /** Accepts, dismisses, or returns to suggestion found cards (accept all: every id of a topic). Remembered and synced. */
  'review.decide': z.object({ cardIds: z.array(cardIdArg).min(1).max(5000), status: z.enum(['accepted', 'dismissed', 'suggested']) }).strict(),
  /** Edits a card's question and answer (a found card keeps the hub untouched: the edit is stored as the learner's text) and accepts it. */
  'review.editCard': z.object({ cardId: cardIdArg, question: z.string().trim().min(1).max(10_000), answer: z.string().max(100_000) }).strict(),
  /** Suspends a card (never offered until unsuspended) or brings it back; unsuspending clears a leech flag. */
  'review.suspend': z.object({ cardId: cardIdArg, suspended: z.boolean() }).strict(),
  /** Forgets a card's schedule: it is new again. */
  'review.resetCard': z.object({ cardId: cardIdArg }).strict(),
  /** Every card, for the card browser: search words, and filters by doc, state and origin. */
  'review.browse': z
    .object({
      query: z.string().max(500).optional(),
      docPath: z.string().max(4096).optional(),
      state: z.enum(['new', 'learning', 'due', 'review', 'suspended', 'dismissed']).optional(),
      origin: z.enum(['own', 'found']).optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    })
    .strict(),
  /** Daily limits and desired retention. */
  'review.settings': z.object({}).strict(),
  /** Changes daily limits or desired retention. */
  'review.setSettings': z
    .object({ newPerDay: z.number().int().min(0).max(9999).optional(), reviewsPerDay: z.number().int().min(0).max(99_999).optional(), retention: z.number().min(0.7).max(0.99).optional() })
    .strict(),
  /** Scheduled cards whose question could not be matched after a hub edit, with the closest card: the learner decides. */
  'review.orphans': z.object({}).strict(),
  /** Moves an orphaned schedule to `toId` (its card now), or with `toId: null` lets it go (the card starts fresh). */
  'review.relink': z.object({ fromId: cardIdArg, toId: cardIdArg.nullable() }).strict(),
  /** Makes a card from a note or a selected passage (or typed by hand). */
  'review.createCard': z
    .object({
      topicId: topicId.nullable(),
      question: z.string().trim().min(1).max(10_000),
      answer: z.string().max(100_000),
      source: z.enum(['note', 'passage', 'manual', 'cloze']),
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

/** What the learner decided about a card: own cards are always in. */
export type CardStatus = 'own' | 'suggested' | 'accepted' | 'dismissed';

/** A card of a topic, as the reader lists it. */
export type TopicCard = {
  id: string;
  kind: CardKind;
  /** The learner's text when edited. */
  question: string;
  answer: string;
  due: string | null;
  reps: number;
  lapses: number;
  userCardId: string | null;
  status: CardStatus;
  /** Offered in review (accepted, own, or its topic is done), unless suspended. */
  active: boolean;
  suspended: boolean;
  leech: boolean;
  edited: boolean;
};

/** Where a card is in its learning. */
export type CardPhase = 'new' | 'learning' | 'review' | 'suspended' | 'dismissed';

/** A row of the card browser. */
export type BrowsedCard = TopicCard & { origin: 'own' | 'found'; topicId: string | null; topicTitle: string | null; docPath: string | null; phase: CardPhase; isDue: boolean };

/** A schedule whose card is gone, and the closest card now. */
export type OrphanView = { id: string; question: string; topicId: string; candidate: { id: string; question: string; topicId: string | null } | null; score: number };

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
  /** Due cards held back by the daily limits. */
  limited: number;
  /** Reviews falling due on each of the next 14 days. */
  forecast: Array<{ day: string; count: number }>;
  /** Done topics whose cards are mostly forgotten or hold a leech. */
  needsReview: Array<{ topicId: string; title: string; docPath: string; cards: number; forgotten: number; leeches: number }>;
  settings: ReviewSettings;
};

/** Results of the review domain. */
export type ReviewResults = {
  'review.due': { cards: DueCard[]; total: number; nextDue: string | null; /** Due cards held back by the daily limits. */ limited: number };
  'review.grade': { cardId: string; due: string; scheduledDays: number; remaining: number; /** Forgotten too often: now suspended. */ leech: boolean };
  'review.undo': { undone: string | null; cardId: string | null };
  'review.cards': { cards: TopicCard[]; skipped: SkippedBlock[]; /** A done topic whose cards are mostly forgotten or hold a leech. */ needsReview: boolean };
  'review.decide': { changed: number };
  'review.editCard': TopicCard;
  'review.suspend': { cardId: string; suspended: boolean };
  'review.resetCard': { cardId: string };
  'review.browse': { cards: BrowsedCard[]; total: number; docs: string[] };
  'review.settings': ReviewSettings;
  'review.setSettings': ReviewSettings;
  'review.orphans': { orphans: OrphanView[] };
  'review.relink': { fromId: string; toId: string | null };
  'review.createCard': UserCard;
  'review.deleteCard': { deleted: boolean };
  'review.stats': ReviewStats;
  'review.stale': { topics: StaleTopicView[] };
  'review.diff': { topicId: string; title: string; doneAt: string; status: 'changed' | 'orphaned'; parts: DiffPart[] };
  'review.acceptChange': { topicId: string; hash: string };
};

export type { DiffPart, RetentionDay, ReviewSettings, SkippedBlock, UserCard, WeakTopic };
