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
    expect(parseReviewText(serialiseReview(s))).toEqual({ ...state, undo: [] });
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

  it('reads a review.json written before card states and settings existed, with their defaults', () => {
    const old = { version: 1, cards: {}, log: [{ cardId: 'a', topicId: 't#a', rating: 3, at: t0.toISOString(), state: 0 }], userCards: [], snapshots: {} };
    const back = parseReview(old);
    expect(back?.cardStates).toEqual({});
    expect(back?.settings).toEqual({ newPerDay: 20, reviewsPerDay: 200, retention: 0.9, updatedAt: '' });
    expect(back?.log[0]?.undone).toBe(false);
  });

  it('merges card states (accepted, dismissed, edited, suspended) and settings by update time, from either side', () => {
    const st = (status: 'accepted' | 'dismissed' | 'suggested', at: Date, extra: object = {}) => ({ status, question: null, answer: null, suspended: false, leech: false, updatedAt: at.toISOString(), ...extra });
    const here: ReviewState = { ...emptyReviewState(), cardStates: { a: st('dismissed', t1), b: st('accepted', t0), c: st('accepted', t0, { question: 'edited here' }) }, settings: { newPerDay: 5, reviewsPerDay: 50, retention: 0.85, updatedAt: t0.toISOString() } };
    const there: ReviewState = { ...emptyReviewState(), cardStates: { a: st('accepted', t0), b: st('accepted', t1, { suspended: true }), d: st('dismissed', t0) }, settings: { newPerDay: 10, reviewsPerDay: 100, retention: 0.95, updatedAt: t1.toISOString() } };
    for (const m of [mergeReview(here, there), mergeReview(there, here)]) {
      expect(m.cardStates['a']?.status).toBe('dismissed');
      expect(m.cardStates['b']?.suspended).toBe(true);
      expect(m.cardStates['c']?.question).toBe('edited here');
      expect(m.cardStates['d']?.status).toBe('dismissed');
      expect(m.settings.newPerDay).toBe(10);
    }
    const round = parseReviewText(serialiseReview(mergeReview(here, there)));
    expect(round?.cardStates['b']?.suspended).toBe(true);
    expect(round?.settings.retention).toBe(0.95);
  });

  it('carries an undo: an undone grading stays undone and the restored schedule wins by its change time', () => {
    const graded = reviewed([['a', 3, t0], ['a', 1, t1]]);
    const undoneHere = reviewed([['a', 3, t0], ['a', 1, t1]]);
    const restored = reviewed([['a', 3, t0]]).cards['a'];
    if (restored === undefined || undoneHere.log[1] === undefined) {
      throw new Error('no schedule');
    }
    undoneHere.cards['a'] = { ...restored, changedAt: new Date(t1.getTime() + 60_000).toISOString() };
    undoneHere.log[1] = { ...undoneHere.log[1], undone: true };
    for (const m of [mergeReview(graded, undoneHere), mergeReview(undoneHere, graded)]) {
      expect(m.cards['a']?.lapses).toBe(0);
      expect(m.cards['a']?.reps).toBe(1);
      expect(m.log.map((e) => e.undone)).toEqual([false, true]);
    }
  });
});
