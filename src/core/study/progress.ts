/** Progress rules: state changes, automatic "in progress", and percentages (skipped left out). */
import type { ProgressEntry, ProgressState } from '../db/schema';
import type { TopicCatalog } from './topicCatalog';

/** Seconds of reading after which a not-started topic becomes "in progress". */
export const AUTO_IN_PROGRESS_SECONDS = 20;

/** The entry after the learner sets `state` at `now` (ISO). `doneAt` keeps the first completion. */
export function applyState(prev: ProgressEntry | undefined, state: ProgressState, now: string): ProgressEntry {
  const doneAt = state === 'done' ? (prev?.state === 'done' ? prev.doneAt : now) : null;
  return { state, updatedAt: now, doneAt, readSeconds: prev?.readSeconds ?? 0 };
}

/** The entry after `seconds` more reading; a not-started topic turns in-progress past the threshold. */
export function applyReading(prev: ProgressEntry | undefined, seconds: number, now: string): ProgressEntry {
  const readSeconds = (prev?.readSeconds ?? 0) + seconds;
  const state = prev?.state ?? 'not-started';
  if (state === 'not-started' && readSeconds >= AUTO_IN_PROGRESS_SECONDS) {
    return { state: 'in-progress', updatedAt: now, doneAt: null, readSeconds };
  }
  return prev !== undefined ? { ...prev, readSeconds } : { state: 'not-started', updatedAt: now, doneAt: null, readSeconds };
}

/** Done / counted totals; `percent` is done over topics not skipped (0 when nothing counts). */
export type Completion = { done: number; inProgress: number; skipped: number; total: number; counted: number; percent: number };

/** Completion of a set of topic ids. */
export function completionOf(ids: readonly string[], progress: Readonly<Record<string, ProgressEntry>>): Completion {
  let done = 0;
  let inProgress = 0;
  let skipped = 0;
  for (const id of ids) {
    const s = progress[id]?.state;
    if (s === 'done') {
      done++;
    } else if (s === 'in-progress') {
      inProgress++;
    } else if (s === 'skipped') {
      skipped++;
    }
  }
  const counted = ids.length - skipped;
  return { done, inProgress, skipped, total: ids.length, counted, percent: counted === 0 ? 0 : Math.round((done / counted) * 100) };
}

/** Completion per doc, per folder (every ancestor folder) and overall. */
export type ProgressStats = {
  overall: Completion;
  docs: Array<{ path: string; title: string } & Completion>;
  folders: Array<{ path: string } & Completion>;
};

/** Stats over the hub's current topics; progress of topics no longer in the hub is ignored. */
export function progressStats(catalog: TopicCatalog, progress: Readonly<Record<string, ProgressEntry>>): ProgressStats {
  const folderIds = new Map<string, string[]>();
  const docs = catalog.docs.map((d) => {
    const parts = d.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      folderIds.set(folder, [...(folderIds.get(folder) ?? []), ...d.topicIds]);
    }
    return { path: d.path, title: d.title, ...completionOf(d.topicIds, progress) };
  });
  const folders = [...folderIds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, ids]) => ({ path, ...completionOf(ids, progress) }));
  return { overall: completionOf([...catalog.topics.keys()], progress), docs, folders };
}
