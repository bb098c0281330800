/**
 * The review queue as Anki paces it: cards seen before that are due (most overdue first, up to the
 * reviews left today), then new cards in hub order (up to the new cards left today).
 */
import { localDay } from '../study/activity';
import type { CardSchedule, ReviewLogEntry, ReviewSettings } from './reviewSchema';

/** How many reviews and new cards today's history already used. */
export type TodayCounts = { reviewed: number; introduced: number };

/** Gradings made on the local day of `now` (new cards introduced, reviews of cards seen before). */
export function todayCounts(log: readonly ReviewLogEntry[], now: Date): TodayCounts {
  const today = localDay(now);
  let reviewed = 0;
  let introduced = 0;
  const seenNew = new Set<string>();
  for (const e of log) {
    if (e.undone || localDay(new Date(e.at)) !== today) {
      continue;
    }
    if (e.state === 0 && !seenNew.has(e.cardId)) {
      seenNew.add(e.cardId);
      introduced++;
    } else if (e.state !== 0) {
      reviewed++;
    }
  }
  return { reviewed, introduced };
}

/** The due queue of `ids` (in hub order) under `settings`; `limited` counts what the limits held back. */
export function buildQueue(
  ids: readonly string[],
  schedules: Readonly<Record<string, CardSchedule>>,
  settings: Pick<ReviewSettings, 'newPerDay' | 'reviewsPerDay'>,
  log: readonly ReviewLogEntry[],
  now: Date,
): { queue: string[]; newCount: number; reviewCount: number; limited: number } {
  const t = now.getTime();
  const seen: string[] = [];
  const fresh: string[] = [];
  for (const id of ids) {
    const s = schedules[id];
    if (s === undefined || s.state === 0) {
      if (s === undefined || new Date(s.due).getTime() <= t) {
        fresh.push(id);
      }
    } else if (new Date(s.due).getTime() <= t) {
      seen.push(id);
    }
  }
  seen.sort((a, b) => ((schedules[a]?.due ?? '') < (schedules[b]?.due ?? '') ? -1 : 1));
  const used = todayCounts(log, now);
  const reviews = seen.slice(0, Math.max(0, settings.reviewsPerDay - used.reviewed));
  const news = fresh.slice(0, Math.max(0, settings.newPerDay - used.introduced));
  return { queue: [...reviews, ...news], newCount: news.length, reviewCount: reviews.length, limited: seen.length + fresh.length - reviews.length - news.length };
}

/** Cards falling due on each of the next `days` local days (today includes everything overdue). */
export function dueForecast(schedules: readonly CardSchedule[], now: Date, days = 14): Array<{ day: string; count: number }> {
  const out: Array<{ day: string; count: number }> = [];
  const index = new Map<string, number>();
  for (let i = 0; i < days; i++) {
    const day = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + i));
    index.set(day, i);
    out.push({ day, count: 0 });
  }
  const today = out[0]?.day ?? '';
  for (const s of schedules) {
    if (s.state === 0) {
      continue;
    }
    const day = localDay(new Date(s.due));
    const i = day < today ? 0 : index.get(day);
    const slot = i === undefined ? undefined : out[i];
    if (slot !== undefined) {
      slot.count++;
    }
  }
  return out;
}
