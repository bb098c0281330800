import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewService } from '../../../src/backend/review/reviewService';
import { parseReviewText } from '../../../src/core/review/merge';
import { type World, git, world } from './syncHarness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

const remoteText = (remote: string, file: string): string => git(remote, 'show', `main:${file}`);

describe('sync of review state (review.json)', () => {
  it('carries schedules and history both ways, merged per card by last review time', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const ra = new ReviewService(a.ctx, a.study);
    const rb = new ReviewService(b.ctx, b.study);
    const cardA = await ra.createCard({ topicId: 'docs/guide.md#setup', question: 'From A?', answer: 'a', source: 'manual' });
    await ra.grade(`user:${cardA.id}`, 3);
    const cardB = await rb.createCard({ topicId: null, question: 'From B?', answer: 'b', source: 'manual' });
    await rb.grade(`user:${cardB.id}`, 1);

    expect((await a.sync.run()).ok).toBe(true);
    const pushed = parseReviewText(remoteText(w.remote, '.nexus/ada/review.json'));
    expect(Object.keys(pushed?.cards ?? {})).toEqual([`user:${cardA.id}`]);
    expect((await b.sync.run()).error?.message ?? null).toBeNull();
    expect((await a.sync.run()).ok).toBe(true);

    for (const m of [a, b]) {
      const review = m.study.store.data.review;
      expect(Object.keys(review.cards).sort()).toEqual([`user:${cardA.id}`, `user:${cardB.id}`].sort());
      expect(review.log.map((e) => e.rating).sort()).toEqual([1, 3]);
      expect(review.userCards.map((u) => u.question).sort()).toEqual(['From A?', 'From B?']);
    }
    const aSchedule = a.study.store.data.review.cards[`user:${cardA.id}`];
    expect(b.study.store.data.review.cards[`user:${cardA.id}`]).toEqual(aSchedule);

    // B reviews A's card later: B's newer schedule wins on A after the next syncs.
    await new Promise((r) => setTimeout(r, 5));
    await rb.grade(`user:${cardA.id}`, 4);
    const newer = b.study.store.data.review.cards[`user:${cardA.id}`];
    expect(newer?.lastReview).not.toBe(aSchedule?.lastReview);
    expect((await b.sync.run()).ok).toBe(true);
    expect((await a.sync.run()).ok).toBe(true);
    expect(a.study.store.data.review.cards[`user:${cardA.id}`]).toEqual(newer);
    expect(a.study.store.data.review.log).toHaveLength(3);
  });
});
