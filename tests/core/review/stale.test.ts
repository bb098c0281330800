import { describe, expect, it } from 'vitest';
import type { ProgressEntry } from '../../../src/core/db/schema';
import { type TopicContent, findStale, snapshotOf, textDiff, topicHash } from '../../../src/core/review/stale';

const done = (at: string): ProgressEntry => ({ state: 'done', updatedAt: at, doneAt: at, readSeconds: 0 });
const content = (topicId: string, text: string, title = topicId): TopicContent => ({ topicId, title, text });
const at = '2024-05-01T10:00:00.000Z';

describe('stale progress', () => {
  const snapshots = {
    'a.md#one': snapshotOf(content('a.md#one', 'Caches keep hot data close.'), at),
    'a.md#two': snapshotOf(content('a.md#two', 'Queues decouple producers.'), at),
    'a.md#gone': snapshotOf(content('a.md#gone', 'Removed later.', 'Gone topic'), at),
    'a.md#undone': snapshotOf(content('a.md#undone', 'Old text.'), at),
  };
  const progress = { 'a.md#one': done(at), 'a.md#two': done(at), 'a.md#gone': done(at), 'a.md#undone': { ...done(at), state: 'in-progress' as const, doneAt: null } };

  it('flags a done topic whose text changed, and keeps removed topics as orphaned', () => {
    const current = new Map([
      ['a.md#one', content('a.md#one', 'Caches keep hot data close to the CPU.')],
      ['a.md#two', content('a.md#two', 'Queues   decouple\nproducers.')],
      ['a.md#undone', content('a.md#undone', 'New text.')],
    ]);
    expect(findStale(snapshots, progress, current)).toEqual([
      { topicId: 'a.md#gone', title: 'Gone topic', doneAt: at, status: 'orphaned' },
      { topicId: 'a.md#one', title: 'a.md#one', doneAt: at, status: 'changed' },
    ]);
  });

  it('does not flag unchanged text (whitespace aside)', () => {
    expect(topicHash('a  b\nc')).toBe(topicHash('a b c'));
    expect(topicHash('a b c')).not.toBe(topicHash('a b d'));
  });

  it('diffs by word: what was removed and what was added', () => {
    const parts = textDiff('Caches keep hot data close.', 'Caches keep warm data close.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['hot']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['warm']);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Caches keep warm data close.');
  });
});
