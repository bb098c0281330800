/**
 * Review state through the sync repo: a JSON-serialisable export and the merge of two sides.
 * Schedules merge per card by their last change (a grade, a reset or an undo); history is the union
 * of both sides, an undone grading staying undone; user cards, card states (accepted, dismissed,
 * edited, suspended, leech), snapshots and settings merge by their update time. The undo steps
 * are this machine's own and do not travel. No conflicts are possible.
 */
import { z } from 'zod';
import {
  type CardSchedule,
  type ReviewLogEntry,
  type ReviewState,
  cardScheduleSchema,
  cardStateSchema,
  emptyReviewState,
  reviewLogEntrySchema,
  reviewSettingsSchema,
  topicSnapshotSchema,
  userCardSchema,
} from './reviewSchema';
import { usableSchedule } from './schedule';

/** Most history entries kept (the oldest are dropped first). */
export const MAX_LOG = 20_000;

/** The shape of `review.json` in the sync repo (older files lack `cardStates` and `settings`). */
export type ReviewExport = { version: 1 } & Omit<ReviewState, 'undo'>;

const exportSchema = z.object({
  version: z.literal(1),
  cards: z.record(z.string(), z.unknown()),
  log: z.array(z.unknown()),
  userCards: z.array(z.unknown()),
  snapshots: z.record(z.string(), z.unknown()),
  cardStates: z.record(z.string(), z.unknown()).optional(),
  settings: z.unknown().optional(),
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
    cardStates: sortedRecord(state.cardStates),
    settings: state.settings,
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
  const state: ReviewState = emptyReviewState();
  for (const [id, v] of Object.entries(file.data.cards)) {
    const c = cardScheduleSchema.safeParse(v);
    if (c.success && usableSchedule(c.data)) {
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
  for (const [id, v] of Object.entries(file.data.cardStates ?? {})) {
    const c = cardStateSchema.safeParse(v);
    if (c.success) {
      state.cardStates[id] = c.data;
    }
  }
  const settings = reviewSettingsSchema.safeParse(file.data.settings ?? {});
  if (settings.success) {
    state.settings = settings.data;
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

/** When a schedule last changed: its last grading, or a later reset or undo. */
const changed = (s: CardSchedule): string => [s.lastReview ?? '', s.changedAt ?? ''].sort().at(-1) ?? '';

/**
 * Merges two review states. Per card the schedule changed last wins (ties keep `local`); the
 * history is the union (deduplicated by card and time, undone on either side stays undone); user
 * cards and card states by `updatedAt`; snapshots by the time the topic was marked done; settings
 * by their change time. `undo` stays local. Symmetric apart from ties.
 */
export function mergeReview(local: ReviewState, remote: ReviewState): ReviewState {
  const cards = { ...local.cards };
  for (const [id, r] of Object.entries(remote.cards)) {
    const l = cards[id];
    if (l === undefined || newer(changed(r), changed(l))) {
      cards[id] = r;
    }
  }
  const seen = new Map<string, ReviewLogEntry>();
  for (const e of [...local.log, ...remote.log]) {
    const prev = seen.get(logKey(e));
    if (prev === undefined) {
      seen.set(logKey(e), e);
    } else if (e.undone && !prev.undone) {
      seen.set(logKey(e), { ...prev, undone: true });
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
  const cardStates = { ...local.cardStates };
  for (const [id, r] of Object.entries(remote.cardStates)) {
    const l = cardStates[id];
    if (l === undefined || r.updatedAt > l.updatedAt) {
      cardStates[id] = r;
    }
  }
  const settings = remote.settings.updatedAt > local.settings.updatedAt ? remote.settings : local.settings;
  return { cards, log, userCards: [...users.values()], snapshots, cardStates, settings, undo: local.undo };
}
