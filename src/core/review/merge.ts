/**
 * Review state through the sync repo: a JSON-serialisable export and the merge of two sides.
 * Schedules merge per card by last review time; history is the union of both sides; user cards
 * and snapshots merge per id by their update time. No conflicts are possible.
 */
import { z } from 'zod';
import { type ReviewLogEntry, type ReviewState, cardScheduleSchema, reviewLogEntrySchema, topicSnapshotSchema, userCardSchema } from './reviewSchema';

/** Most history entries kept (the oldest are dropped first). */
export const MAX_LOG = 20_000;

/** The shape of `review.json` in the sync repo. */
export type ReviewExport = { version: 1 } & ReviewState;

const exportSchema = z.object({
  version: z.literal(1),
  cards: z.record(z.string(), z.unknown()),
  log: z.array(z.unknown()),
  userCards: z.array(z.unknown()),
  snapshots: z.record(z.string(), z.unknown()),
});

const sortedRecord = <T>(r: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k] as T]));

const logKey = (e: ReviewLogEntry): string => `${e.cardId}\u0000${e.at}`;

/** The review state as a stable JSON-serialisable value (keys sorted, history in time order). */
export function exportReview(state: ReviewState): ReviewExport {
  return {
    version: 1,
    cards: sortedRecord(state.cards),
    log: [...state.log].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : logKey(a) < logKey(b) ? -1 : 1)),
    userCards: [...state.userCards].sort((a, b) => (a.id < b.id ? -1 : 1)),
    snapshots: sortedRecord(state.snapshots),
  };
}

/** The text of `review.json`. */
export function serialiseReview(state: ReviewState): string {
  return `${JSON.stringify(exportReview(state), null, 2)}\n`;
}

/** Reads an exported value (or parsed `review.json`); bad entries are dropped, a bad file is null. */
export function parseReview(raw: unknown): ReviewState | null {
  const file = exportSchema.safeParse(raw);
  if (!file.success) {
    return null;
  }
  const state: ReviewState = { cards: {}, log: [], userCards: [], snapshots: {} };
  for (const [id, v] of Object.entries(file.data.cards)) {
    const c = cardScheduleSchema.safeParse(v);
    if (c.success) {
      state.cards[id] = c.data;
    }
  }
  for (const v of file.data.log) {
    const e = reviewLogEntrySchema.safeParse(v);
    if (e.success) {
      state.log.push(e.data);
    }
  }
  for (const v of file.data.userCards) {
    const u = userCardSchema.safeParse(v);
    if (u.success) {
      state.userCards.push(u.data);
    }
  }
  for (const [id, v] of Object.entries(file.data.snapshots)) {
    const s = topicSnapshotSchema.safeParse(v);
    if (s.success) {
      state.snapshots[id] = s.data;
    }
  }
  return state;
}

/** Reads `review.json` text; null when it is not a review export. */
export function parseReviewText(text: string): ReviewState | null {
  try {
    return parseReview(JSON.parse(text));
  } catch {
    return null;
  }
}

const newer = (a: string | null, b: string | null): boolean => (a ?? '') > (b ?? '');

/**
 * Merges two review states. Per card the schedule reviewed last wins (ties keep `local`); the
 * history is the union (deduplicated by card and time); user cards by `updatedAt`; snapshots by
 * the time the topic was marked done. Symmetric apart from ties.
 */
export function mergeReview(local: ReviewState, remote: ReviewState): ReviewState {
  const cards = { ...local.cards };
  for (const [id, r] of Object.entries(remote.cards)) {
    const l = cards[id];
    if (l === undefined || newer(r.lastReview, l.lastReview)) {
      cards[id] = r;
    }
  }
  const seen = new Map<string, ReviewLogEntry>();
  for (const e of [...local.log, ...remote.log]) {
    if (!seen.has(logKey(e))) {
      seen.set(logKey(e), e);
    }
  }
  const log = [...seen.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(-MAX_LOG);
  const users = new Map(local.userCards.map((u) => [u.id, u]));
  for (const r of remote.userCards) {
    const l = users.get(r.id);
    if (l === undefined || r.updatedAt > l.updatedAt) {
      users.set(r.id, r);
    }
  }
  const snapshots = { ...local.snapshots };
  for (const [id, r] of Object.entries(remote.snapshots)) {
    const l = snapshots[id];
    if (l === undefined || r.at > l.at) {
      snapshots[id] = r;
    }
  }
  return { cards, log, userCards: [...users.values()], snapshots };
}
