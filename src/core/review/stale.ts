/** Stale progress: a done topic whose hub text changed since it was finished. */
import { diffWords } from 'diff';
import type { ProgressEntry } from '../db/schema';
import { contentHash } from '../search/contentHash';
import type { TopicSnapshot } from './reviewSchema';

/** A topic's current content as review compares it. */
export type TopicContent = { topicId: string; title: string; text: string };

/** One piece of a word diff. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** A done topic and how it stands against its snapshot. */
export type StaleTopic = { topicId: string; title: string; doneAt: string; status: 'changed' | 'orphaned' };

/** Longest text kept in a snapshot (longer topics are compared by hash, diffed on the kept part). */
export const MAX_SNAPSHOT_CHARS = 100_000;

/** Longest title kept in a snapshot (the database schema's bound). */
const MAX_SNAPSHOT_TITLE = 1000;

/** The fingerprint of a topic's text (whitespace runs do not count). */
export function topicHash(text: string): string {
  return contentHash([text.replace(/\s+/g, ' ').trim()]);
}

/** The text kept when a topic is marked done. */
export function snapshotOf(content: TopicContent, at: string): TopicSnapshot {
  return { hash: topicHash(content.text), title: content.title.slice(0, MAX_SNAPSHOT_TITLE), text: content.text.slice(0, MAX_SNAPSHOT_CHARS), at, flaggedHash: null };
}

/**
 * Done topics whose text differs from their snapshot (`changed`), and done topics with a snapshot
 * that are no longer in the hub (`orphaned`: renamed or removed; their history is kept).
 */
export function findStale(
  snapshots: Readonly<Record<string, TopicSnapshot>>,
  progress: Readonly<Record<string, ProgressEntry>>,
  current: ReadonlyMap<string, TopicContent>,
): StaleTopic[] {
  const out: StaleTopic[] = [];
  for (const [topicId, snap] of Object.entries(snapshots)) {
    const p = progress[topicId];
    if (p?.state !== 'done') {
      continue;
    }
    const now = current.get(topicId);
    if (now === undefined) {
      out.push({ topicId, title: snap.title, doneAt: p.doneAt ?? snap.at, status: 'orphaned' });
    } else if (topicHash(now.text) !== snap.hash) {
      out.push({ topicId, title: now.title, doneAt: p.doneAt ?? snap.at, status: 'changed' });
    }
  }
  return out.sort((a, b) => (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0));
}

/** A word diff from the text when finished to the text now. */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}
