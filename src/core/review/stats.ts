/** What the dashboard and the review queue derive from the review state. */
import { localDay, shiftDay } from '../study/activity';
import type { CardSchedule, ReviewLogEntry } from './reviewSchema';

/** One day of the retention chart. */
export type RetentionDay = { day: string; reviews: number; recalled: number };

/** A topic whose cards were forgotten most. */
export type WeakTopic = { topicId: string; lapses: number; again: number };

/** Review log entries per local day. */
function byDay(log: readonly ReviewLogEntry[]): Map<string, ReviewLogEntry[]> {
  const out = new Map<string, ReviewLogEntry[]>();
  for (const e of log) {
    if (e.undone) {
      continue;
    }
    const day = localDay(new Date(e.at));
    out.set(day, [...(out.get(day) ?? []), e]);
  }
  return out;
}

/**
 * Consecutive days with at least one review, ending today, or ending yesterday when nothing was
 * reviewed yet today (the streak is not lost before the day is over).
 */
export function reviewStreak(log: readonly ReviewLogEntry[], today: string): number {
  const days = byDay(log);
  let day = days.has(today) ? today : shiftDay(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = shiftDay(day, -1);
  }
  return streak;
}

/**
 * The last `span` days, oldest first: reviews made and how many were recalled (graded Hard, Good
 * or Easy rather than Again). Retention of a day is `recalled / reviews`.
 */
export function retentionDays(log: readonly ReviewLogEntry[], today: string, span = 30): RetentionDay[] {
  const days = byDay(log);
  const out: RetentionDay[] = [];
  for (let i = span - 1; i >= 0; i--) {
    const day = shiftDay(today, -i);
    const entries = days.get(day) ?? [];
    out.push({ day, reviews: entries.length, recalled: entries.filter((e) => e.rating > 1).length });
  }
  return out;
}

/** Topics with the most lapses (cards forgotten after being learnt), then the most Again grades. */
export function weakTopics(cards: Readonly<Record<string, CardSchedule>>, log: readonly ReviewLogEntry[], limit = 5): WeakTopic[] {
  const by = new Map<string, WeakTopic>();
  const get = (topicId: string): WeakTopic => {
    const w = by.get(topicId) ?? { topicId, lapses: 0, again: 0 };
    by.set(topicId, w);
    return w;
  };
  for (const c of Object.values(cards)) {
    if (c.lapses > 0) {
      get(c.topicId).lapses += c.lapses;
    }
  }
  for (const e of log) {
    if (e.rating === 1 && !e.undone) {
      get(e.topicId).again++;
    }
  }
  return [...by.values()]
    .filter((w) => w.lapses + w.again > 0)
    .sort((a, b) => b.lapses - a.lapses || b.again - a.again || (a.topicId < b.topicId ? -1 : 1))
    .slice(0, limit);
}

/** True when a card is due at `now`: never reviewed, or its due time has come. */
export function isDue(schedule: CardSchedule | undefined, now: Date): boolean {
  return schedule === undefined || new Date(schedule.due).getTime() <= now.getTime();
}
