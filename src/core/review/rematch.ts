/**
 * Card identity across hub edits. A found card's id is its topic plus its question, so a schedule
 * whose id no longer exists lost its card: the question was edited or its section moved or was
 * renamed. Such a schedule moves to the unscheduled card that matches it closely; a loose match
 * is put to the learner, and no schedule is ever dropped without asking.
 */
import type { ReviewCard } from './types';

/** A schedule whose card is gone from the hub. */
export type Orphan = { id: string; topicId: string; question: string };

/** What to do with the orphans: moves made without asking, and the questions for the learner. */
export type Rematch = { moves: Array<{ from: string; to: string }>; ask: Array<{ orphan: Orphan; candidate: ReviewCard | null; score: number }> };

/** At or above this similarity the schedule moves by itself. */
export const SURE_MATCH = 0.75;
/** At or above this the learner is offered the match. */
export const LOOSE_MATCH = 0.4;

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const docOf = (topicId: string): string => topicId.slice(0, Math.max(0, topicId.indexOf('#')));

/** Dice similarity of the word bags of two questions (0..1); CJK text by characters. */
export function similarity(a: string, b: string): number {
  const bag = (s: string): string[] => words(s).flatMap((w) => (/[\u3400-\u9fff]/.test(w) ? [...w] : [w]));
  const x = bag(a);
  const y = bag(b);
  if (x.length === 0 || y.length === 0) {
    return 0;
  }
  const count = new Map<string, number>();
  for (const w of x) {
    count.set(w, (count.get(w) ?? 0) + 1);
  }
  let common = 0;
  for (const w of y) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      common++;
      count.set(w, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** How well `card` continues `orphan`: its question's similarity, a little more in the same topic or doc. */
function score(orphan: Orphan, card: ReviewCard): number {
  const base = similarity(orphan.question, card.question);
  const place = card.topicId === orphan.topicId ? 0.1 : card.topicId !== null && docOf(card.topicId) === docOf(orphan.topicId) ? 0.05 : 0;
  return Math.min(1, base + place);
}

/**
 * Matches `orphans` to `unscheduled` found cards (each card taken once, best pairs first): a pair
 * scoring at least `SURE_MATCH` is a move; an orphan whose best is at least `LOOSE_MATCH` (or has
 * none) is asked about.
 */
export function rematch(orphans: readonly Orphan[], unscheduled: readonly ReviewCard[]): Rematch {
  const pairs: Array<{ o: Orphan; c: ReviewCard; s: number }> = [];
  for (const o of orphans) {
    for (const c of unscheduled) {
      const s = score(o, c);
      if (s >= LOOSE_MATCH) {
        pairs.push({ o, c, s });
      }
    }
  }
  pairs.sort((a, b) => b.s - a.s);
  const usedO = new Set<string>();
  const usedC = new Set<string>();
  const out: Rematch = { moves: [], ask: [] };
  for (const p of pairs) {
    if (usedO.has(p.o.id) || usedC.has(p.c.id)) {
      continue;
    }
    usedO.add(p.o.id);
    usedC.add(p.c.id);
    if (p.s >= SURE_MATCH) {
      out.moves.push({ from: p.o.id, to: p.c.id });
    } else {
      out.ask.push({ orphan: p.o, candidate: p.c, score: p.s });
    }
  }
  for (const o of orphans) {
    if (!usedO.has(o.id)) {
      out.ask.push({ orphan: o, candidate: null, score: 0 });
    }
  }
  return out;
}
