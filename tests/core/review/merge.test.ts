import { describe, expect, it } from 'vitest';
import { type ReviewState, emptyReviewState } from '../../../src/core/review/reviewSchema';
import { exportReview, mergeReview, parseReview, parseReviewText, serialiseReview } from '../../../src/core/review/merge';
import { gradeCard, newSchedule } from '../../../src/core/review/schedule';

const t0 = new Date('2024-05-01T09:00:00.000Z');
const t1 = new Date('2024-05-04T09:00:00.000Z');

function reviewed(grades: Array<[string, 1 | 2 | 3 | 4, Date]>): ReviewState {
  const s = emptyReviewState();
  for (const [id, g, at] of grades) {
    const { schedule, log } = gradeCard(id, s.cards[id] ?? newSchedule('d.md#t', `Q ${id}`, at), g, at);
    s.cards[id] = schedule;
    s.log.push(log);
  }
  return s;
}

describe('review state merge', () => {
  it('keeps per card the schedule reviewed last, from either side', () => {
    const here = reviewed([['a', 3, t0], ['b', 3, t0], ['b', 1, t1]]);
    const there = reviewed([['a', 3, t0], ['a', 4, t1], ['b', 3, t0], ['c', 2, t0]]);
    const m = mergeReview(here, there);
    expect(m.cards['a']).toEqual(there.cards['a']);
    expect(m.cards['b']).toEqual(here.cards['b']);
    expect(m.cards['c']).toEqual(there.cards['c']);
    // The same merge from the other side agrees.
    expect(mergeReview(there, here).cards).toEqual(m.cards);
  });

  it('unions the history without duplicates, in time order', () => {
    const here = reviewed([['a', 3, t0], ['b', 1, t1]]);
    const there = reviewed([['a', 3, t0], ['c', 2, t1]]);
    const m = mergeReview(here, there);
    expect(m.log.map((e) => [e.cardId, e.at])).toEqual([['a', t0.toISOString()], ['b', t1.toISOString()], ['c', t1.toISOString()]]);
  });

  it('merges user cards by update time, deletions included, and snapshots by done time', () => {
    const base = { topicId: null, answer: 'A', source: 'manual' as const, noteId: null, createdAt: t0.toISOString(), deleted: false };
    const here: ReviewState = { ...emptyReviewState(), userCards: [{ ...base, id: 'u1', question: 'old', updatedAt: t0.toISOString() }], snapshots: { 'x#y': { hash: 'h2', title: 'Y', text: 'new', at: t1.toISOString(), flaggedHash: null } } };
    const there: ReviewState = { ...emptyReviewState(), userCards: [{ ...base, id: 'u1', question: 'old', deleted: true, updatedAt: t1.toISOString() }, { ...base, id: 'u2', question: 'Q2', updatedAt: t0.toISOString() }], snapshots: { 'x#y': { hash: 'h1', title: 'Y', text: 'old', at: t0.toISOString(), flaggedHash: null } } };
    const m = mergeReview(here, there);
    expect(m.userCards.map((u) => [u.id, u.deleted])).toEqual([['u1', true], ['u2', false]]);
    expect(m.snapshots['x#y']?.hash).toBe('h2');
  });

  it('round-trips through review.json and drops malformed entries', () => {
    const s = reviewed([['a', 3, t0], ['b', 1, t1]]);
    const { version, ...state } = exportReview(s);
    expect(version).toBe(1);
    expect(parseReviewText(serialiseReview(s))).toEqual(state);
    expect(state.cards).toEqual(s.cards);
    const raw = JSON.parse(serialiseReview(s)) as { cards: Record<string, unknown>; log: unknown[] };
    raw.cards['bad'] = { due: 'nope' };
    raw.log.push({ cardId: 'x' });
    const back = parseReview(raw);
    expect(Object.keys(back?.cards ?? {})).toEqual(['a', 'b']);
    expect(back?.log).toHaveLength(2);
    expect(parseReviewText('{"version":2}')).toBeNull();
    expect(parseReviewText('not json')).toBeNull();
  });
});
