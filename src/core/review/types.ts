/** Shapes of review mode: cards as the hub and the learner define them. */

/**
 * Where a card comes from: the hub's "Check yourself" blocks, API operations, question
 * `<details>`, `Q:`/`A:` pairs, question headings, term | definition tables, or the learner.
 */
export type CardKind = 'check' | 'api' | 'details' | 'qa' | 'heading' | 'table' | 'user';

/** True for cards found in the hub (everything the learner did not write). */
export function isFound(kind: CardKind): boolean {
  return kind !== 'user';
}

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
