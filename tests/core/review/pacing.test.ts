import { describe, expect, it } from 'vitest';
import { makeCloze } from '../../../src/core/review/cloze';
import { LEECH_LAPSES, needsReview } from '../../../src/core/review/memory';
import { buildQueue, dueForecast, todayCounts } from '../../../src/core/review/queue';
import { rematch, similarity } from '../../../src/core/review/rematch';
import type { CardSchedule, CardState, ReviewLogEntry } from '../../../src/core/review/reviewSchema';
import { gradeCard, newSchedule } from '../../../src/core/review/schedule';

const now = new Date(2024, 4, 10, 12);
const earlier = new Date(2024, 4, 10, 9);
const seen = (id: string, daysAgo: number): CardSchedule => {
  const at = new Date(now.getTime() - (daysAgo + 3) * 86_400_000);
  return { ...gradeCard(id, newSchedule('d.md#t', id, at), 3, at).schedule, due: new Date(now.getTime() - daysAgo * 86_400_000).toISOString() };
};
const log = (cardId: string, state: number, at = earlier): ReviewLogEntry => ({ cardId, topicId: 'd.md#t', rating: 3, at: at.toISOString(), state, undone: false });

describe('daily limits', () => {
  it('counts today’s new cards and reviews, undone gradings left out', () => {
    expect(todayCounts([log('a', 0), log('a', 1), log('b', 2), { ...log('c', 0), undone: true }, log('d', 0, new Date(2024, 4, 9))], now)).toEqual({ reviewed: 2, introduced: 1 });
  });

  it('puts due reviews first (most overdue first), then new cards, each up to what is left today', () => {
    const schedules = { r1: seen('r1', 1), r2: seen('r2', 5), r3: seen('r3', -2) };
    const ids = ['n1', 'r1', 'n2', 'r2', 'n3', 'r3'];
    expect(buildQueue(ids, schedules, { newPerDay: 20, reviewsPerDay: 200 }, [], now).queue).toEqual(['r2', 'r1', 'n1', 'n2', 'n3']);
    const limited = buildQueue(ids, schedules, { newPerDay: 2, reviewsPerDay: 1 }, [log('x', 0)], now);
    expect(limited).toEqual({ queue: ['r2', 'n1'], newCount: 1, reviewCount: 1, limited: 3 });
    expect(buildQueue(ids, schedules, { newPerDay: 0, reviewsPerDay: 0 }, [], now).queue).toEqual([]);
  });

  it('forecasts reviews per day, overdue ones today, new cards not at all', () => {
    const f = dueForecast([seen('a', 2), seen('b', -1), seen('c', -1), newSchedule('t', 'q', now)], now, 3);
    expect(f.map((d) => d.count)).toEqual([1, 2, 0]);
  });
});

describe('memory', () => {
  it('a topic whose reviewed cards are mostly forgotten, or that holds a leech, needs review', () => {
    const lapsed = (id: string): CardSchedule => {
      const at = new Date(2024, 3, 1);
      const first = gradeCard(id, newSchedule('d.md#t', id, at), 3, at).schedule;
      const later = new Date(2024, 3, 10);
      return gradeCard(id, first, 1, later).schedule;
    };
    const leech: CardState = { status: 'accepted', question: null, answer: null, suspended: true, leech: true, updatedAt: now.toISOString() };
    const fresh = { ...seen('ok', -5) };
    const topics = new Map([
      ['a#forgot', ['f1', 'f2', 'ok']],
      ['a#fine', ['ok']],
      ['a#leech', ['l1']],
    ]);
    const out = needsReview(topics, { f1: lapsed('f1'), f2: lapsed('f2'), ok: fresh }, { l1: leech }, now);
    expect(out.map((t) => t.topicId)).toEqual(['a#leech', 'a#forgot']);
    expect(LEECH_LAPSES).toBe(8);
  });
});

describe('cloze', () => {
  it('blanks the selected words of a passage and answers with them', () => {
    expect(makeCloze('Docker packages an app  into an image.', 'image')).toEqual({ question: 'Docker packages an app into an **[…]**.', answer: '**image**\n\nDocker packages an app into an **image**.' });
    expect(makeCloze('abc', '')).toBeNull();
    expect(makeCloze('abc', 'xyz')).toBeNull();
    expect(makeCloze('abc', 'abc')).toBeNull();
  });
});

describe('card identity across edits', () => {
  const card = (topicId: string, question: string) => ({ id: `${topicId}::${question}`, topicId, kind: 'heading' as const, question, answer: 'A' });

  it('moves a schedule to its card after a small edit or a renamed section, and asks when unsure', () => {
    expect(similarity('What is a B-tree index?', 'What is a B-tree index')).toBe(1);
    const out = rematch(
      [
        { id: 'old1', topicId: 'd.md#indexes', question: 'What is a B-tree index?' },
        { id: 'old2', topicId: 'd.md#caching', question: 'Why set a TTL on cache entries?' },
        { id: 'old3', topicId: 'd.md#caching', question: 'What does write-behind risk?' },
        { id: 'old4', topicId: 'd.md#gone', question: 'Completely unrelated words here' },
      ],
      [card('d.md#indexing', 'What is a B-tree index?'), card('d.md#caching', 'Why set a TTL on the cache entries?'), card('d.md#caching', 'What can write-behind lose on a crash?')],
    );
    expect(out.moves).toEqual([
      { from: 'old1', to: 'd.md#indexing::What is a B-tree index?' },
      { from: 'old2', to: 'd.md#caching::Why set a TTL on the cache entries?' },
    ]);
    expect(out.ask.map((a) => [a.orphan.id, a.candidate?.question ?? null])).toEqual([
      ['old3', 'What can write-behind lose on a crash?'],
      ['old4', null],
    ]);
  });
});
