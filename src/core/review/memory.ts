/** Progress that reflects memory: done topics whose cards are mostly forgotten, and leeches. */
import type { CardSchedule, CardState } from './reviewSchema';
import { recallProbability } from './schedule';

/** A card forgotten this many times is a leech: suspended and shown on its topic. */
export const LEECH_LAPSES = 8;

/** A reviewed card whose recall probability fell under this counts as forgotten. */
export const FORGOTTEN_BELOW = 0.7;

/** How a topic's reviewed cards stand. */
export type TopicMemory = { topicId: string; cards: number; forgotten: number; leeches: number };

/**
 * Topics whose cards are mostly forgotten (recall now under `FORGOTTEN_BELOW`, or relearning) or that hold
 * a leech: they "need review". Only cards reviewed at least once count; `cardsOf` lists the ids
 * of each topic's active cards.
 */
export function needsReview(
  cardsOf: ReadonlyMap<string, readonly string[]>,
  schedules: Readonly<Record<string, CardSchedule>>,
  states: Readonly<Record<string, CardState>>,
  now: Date,
): TopicMemory[] {
  const out: TopicMemory[] = [];
  for (const [topicId, ids] of cardsOf) {
    let cards = 0;
    let forgotten = 0;
    let leeches = 0;
    for (const id of ids) {
      const s = schedules[id];
      if (states[id]?.leech === true) {
        leeches++;
      }
      if (s === undefined || s.reps === 0) {
        continue;
      }
      cards++;
      if (s.state === 3 || recallProbability(s, now) < FORGOTTEN_BELOW) {
        forgotten++;
      }
    }
    if (leeches > 0 || (cards > 0 && forgotten * 2 > cards)) {
      out.push({ topicId, cards, forgotten, leeches });
    }
  }
  return out.sort((a, b) => b.leeches - a.leeches || b.forgotten - a.forgotten || (a.topicId < b.topicId ? -1 : 1));
}
