/** Every card a doc holds, from each finder, one card per question and topic. */
import type { Topic } from '../../hub/types';
import { extractCheckCards } from '../checkCards';
import type { CardKind, ExtractedCards, ReviewCard } from '../types';
import { findDetailsCards } from './detailsCards';
import { sourceLines } from './lines';
import { findQaPairs } from './qaPairs';
import { findQuestionHeadings } from './questionHeadings';
import { findTermTables } from './termTables';

/** The kinds of card the hub's own text yields, in the order a duplicate is kept. */
export const FINDER_KINDS = ['check', 'details', 'qa', 'heading', 'table'] as const satisfies readonly CardKind[];

/** A "question" longer than this is a runaway block (a `Q:` paragraph with no end), not a card. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * Runs every finder over one doc: "Check yourself" blocks, question `<details>`, `Q:`/`A:` pairs,
 * question headings and term | definition tables. When two finders see the same question in a
 * topic, the first in `FINDER_KINDS` keeps it.
 */
export function findDocCards(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[]): ExtractedCards {
  const lines = sourceLines(source);
  const check = extractCheckCards(source, topics);
  const all: ReviewCard[] = [
    ...check.cards,
    ...findDetailsCards(source, topics),
    ...findQaPairs(source, topics, lines),
    ...findQuestionHeadings(source, topics, lines),
    ...findTermTables(source, topics, lines),
  ];
  const seen = new Set<string>();
  const cards = all.filter((c) => c.question.length <= MAX_QUESTION_CHARS && !seen.has(c.id) && seen.add(c.id) !== undefined);
  return { cards, skipped: check.skipped };
}

/** How many cards of each kind `cards` hold. */
export function countByKind(cards: readonly ReviewCard[]): Record<CardKind, number> {
  const out: Record<CardKind, number> = { check: 0, api: 0, user: 0, details: 0, qa: 0, heading: 0, table: 0 };
  for (const c of cards) {
    out[c.kind]++;
  }
  return out;
}
