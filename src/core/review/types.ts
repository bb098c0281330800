/** Shapes of review mode: cards as the hub and the learner define them. */

/** Where a card comes from. */
export type CardKind = 'check' | 'api' | 'user';

/** A question/answer card, before any scheduling. Question and answer are markdown. */
export type ReviewCard = {
  /** `<topic id>::<hash of the question>` (user cards: `user:<id>`): stable across unrelated edits. */
  id: string;
  topicId: string | null;
  kind: CardKind;
  question: string;
  answer: string;
};

/** Why a "Check yourself" block did not become a card. */
export type SkippedBlock = { topicId: string; line: number; reason: 'no-summary' | 'empty-question' | 'unclosed' | 'empty-answer' };

/** Cards of one doc (or spec) and the blocks that were skipped. */
export type ExtractedCards = { cards: ReviewCard[]; skipped: SkippedBlock[] };
