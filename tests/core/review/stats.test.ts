import { describe, expect, it } from 'vitest';
import type { ReviewLogEntry } from '../../../src/core/review/reviewSchema';
import { isDue, retentionDays, reviewStreak, weakTopics } from '../../../src/core/review/stats';
import { newSchedule } from '../../../src/core/review/schedule';

// Noon local time keeps every entry on its local day whatever the machine's time zone.
const on = (day: string, rating: number, topicId = 't#a'): ReviewLogEntry => ({ cardId: `${topicId}::${day}${rating}`, topicId, rating, at: new Date(`${day}T12:00:00`).toISOString(), state: 2, undone: false });

describe('review stats', () => {
  it('counts consecutive review days ending today or yesterday', () => {
    const log = [on('2024-05-08', 3), on('2024-05-09', 1), on('2024-05-10', 3)];
    expect(reviewStreak(log, '2024-05-10')).toBe(3);
    expect(reviewStreak(log, '2024-05-11')).toBe(3);
    expect(reviewStreak(log, '2024-05-12')).toBe(0);
    expect(reviewStreak([on('2024-05-06', 3), ...log], '2024-05-10')).toBe(3);
  });

  it('gives 30 days of reviews and recalls, oldest first', () => {
    const days = retentionDays([on('2024-05-10', 1), on('2024-05-10', 3), on('2024-05-10', 4), on('2024-04-01', 3)], '2024-05-10');
    expect(days).toHaveLength(30);
    expect(days[0]?.day).toBe('2024-04-11');
    expect(days[29]).toEqual({ day: '2024-05-10', reviews: 3, recalled: 2 });
    expect(days.slice(0, 29).every((d) => d.reviews === 0)).toBe(true);
  });

  it('ranks weak topics by lapses, then Again grades', () => {
    const lapsed = { ...newSchedule('t#b', 'Q', new Date()), lapses: 2 };
    const weak = weakTopics({ x: lapsed }, [on('2024-05-10', 1, 't#a'), on('2024-05-10', 1, 't#a'), on('2024-05-11', 1, 't#a'), on('2024-05-10', 3, 't#c')]);
    expect(weak).toEqual([
      { topicId: 't#b', lapses: 2, again: 0 },
      { topicId: 't#a', lapses: 0, again: 3 },
    ]);
  });

  it('treats never-reviewed cards as due and others by their due time', () => {
    const now = new Date('2024-05-10T12:00:00.000Z');
    expect(isDue(undefined, now)).toBe(true);
    expect(isDue({ ...newSchedule('t', 'Q', now), due: '2024-05-11T00:00:00.000Z' }, now)).toBe(false);
    expect(isDue({ ...newSchedule('t', 'Q', now), due: '2024-05-10T11:00:00.000Z' }, now)).toBe(true);
  });
});
