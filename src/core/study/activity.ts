/** Study days (heatmap), streaks and recently read topics. */
import type { DayActivity, RecentTopic } from '../db/schema';

/** Reading seconds on one day after which the day counts as a study day. */
export const STUDY_DAY_SECONDS = 180;
/** How many recent topics are kept. */
export const RECENT_LIMIT = 20;

/** The local calendar day (YYYY-MM-DD) of a date. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True when a day counts: a few minutes of reading or any state change. */
export function isStudyDay(a: DayActivity | undefined): boolean {
  return a !== undefined && (a.readSeconds >= STUDY_DAY_SECONDS || a.stateChanges > 0);
}

/** The local calendar day `by` days after `day` (YYYY-MM-DD; negative goes back). */
export function shiftDay(day: string, by: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDay(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + by));
}

/**
 * Consecutive study days ending today, or ending yesterday when today has no study yet
 * (a streak is not lost before the day is over).
 */
export function currentStreak(days: Readonly<Record<string, DayActivity>>, today: string): number {
  let day = isStudyDay(days[today]) ? today : shiftDay(today, -1);
  let streak = 0;
  while (isStudyDay(days[day])) {
    streak++;
    day = shiftDay(day, -1);
  }
  return streak;
}

/** One cell of the heatmap. */
export type HeatCell = { day: string; readSeconds: number; stateChanges: number; studied: boolean };

/** The last `weeks` weeks of days, oldest first, ending today. */
export function heatmap(days: Readonly<Record<string, DayActivity>>, today: string, weeks = 26): HeatCell[] {
  const cells: HeatCell[] = [];
  for (let i = weeks * 7 - 1; i >= 0; i--) {
    const day = shiftDay(today, -i);
    const a = days[day];
    cells.push({ day, readSeconds: a?.readSeconds ?? 0, stateChanges: a?.stateChanges ?? 0, studied: isStudyDay(a) });
  }
  return cells;
}

/** Adds reading time or a state change to a day. */
export function addActivity(days: Record<string, DayActivity>, day: string, readSeconds: number, stateChanges: number): void {
  const prev = days[day] ?? { readSeconds: 0, stateChanges: 0 };
  days[day] = { readSeconds: prev.readSeconds + readSeconds, stateChanges: prev.stateChanges + stateChanges };
}

/** The recent list with `topic` moved to the front, capped. */
export function touchRecent(recent: readonly RecentTopic[], topic: RecentTopic): RecentTopic[] {
  return [topic, ...recent.filter((r) => r.topicId !== topic.topicId)].slice(0, RECENT_LIMIT);
}
