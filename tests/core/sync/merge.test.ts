import { describe, expect, it } from 'vitest';
import { noteSchema } from '../../../src/core/db/schema';
import { CONFLICT_TAG, conflictCopy, conflictCopyId, mergeProgress, progressNewer } from '../../../src/core/sync/merge';
import { commitMessage, handleFromName, isValidHandle, syncSummary } from '../../../src/core/sync/summary';
import type { SyncNote, SyncProgressEntry } from '../../../src/core/sync/types';

const n = (id: string, body: string, updatedAt = '2025-01-01T00:00:00Z'): SyncNote => ({ id, topicId: 'a.md#x', topicTitle: null, title: `T ${id}`, body, tags: [], createdAt: '2025-01-01T00:00:00Z', updatedAt });
const origin = { machine: 'laptop-b', time: '2025-02-01 10:00' };

describe('conflictCopy', () => {
  it('is the remote note under a stable id, tagged and titled with where it came from', () => {
    const remote = { ...n('1', 'remote'), tags: ['redis'] };
    const copy = conflictCopy(remote, origin);
    expect(copy).toEqual({
      ...remote,
      id: conflictCopyId(remote),
      title: 'Conflict copy from laptop-b 2025-02-01 10:00: T 1',
      tags: ['redis', CONFLICT_TAG],
    });
    expect(conflictCopy(remote, { machine: 'x', time: 'y' }).id).toBe(copy.id);
    expect(conflictCopyId({ ...remote, body: 'other' })).not.toBe(copy.id);
    expect(remote.tags).toEqual(['redis']);
  });

  it('stays a valid note at every limit (long id, long title, 100 tags, already tagged)', () => {
    const big = { ...n('i'.repeat(100), 'x'), title: 't'.repeat(500), tags: Array.from({ length: 100 }, (_, i) => `tag${i}`) };
    const copy = conflictCopy(big, origin);
    expect(noteSchema.safeParse(copy).success).toBe(true);
    expect(copy.id.length).toBeLessThanOrEqual(100);
    expect(copy.title.startsWith('Conflict copy from laptop-b')).toBe(true);
    expect(copy.tags).toHaveLength(100);
    expect(copy.tags.at(-1)).toBe(CONFLICT_TAG);
    const tagged = conflictCopy({ ...n('2', 'y'), tags: [CONFLICT_TAG, 'a'] }, origin);
    expect(tagged.tags).toEqual([CONFLICT_TAG, 'a']);
    // A copy of a copy is a valid note too.
    expect(noteSchema.safeParse(conflictCopy(copy, origin)).success).toBe(true);
  });
});

const p = (state: SyncProgressEntry['state'], updatedAt: string, doneAt: string | null = null): SyncProgressEntry => ({
  state,
  updatedAt,
  doneAt,
});
const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-01-02T00:00:00.000Z';
const STATES = ['not-started', 'in-progress', 'done', 'skipped'] as const;

describe('progressNewer', () => {
  it('prefers the later updatedAt whatever the states', () => {
    for (const a of STATES) {
      for (const b of STATES) {
        expect(progressNewer(p(a, T2), p(b, T1)), `${a} vs ${b}`).toBe(true);
        expect(progressNewer(p(a, T1), p(b, T2)), `${a} vs ${b}`).toBe(false);
      }
    }
  });

  it('breaks a tie of updatedAt the same way from both sides: the greater state, then the later doneAt', () => {
    for (const a of STATES) {
      for (const b of STATES) {
        const ab = progressNewer(p(a, T1), p(b, T1));
        const ba = progressNewer(p(b, T1), p(a, T1));
        // Exactly one wins unless they are the same entry.
        expect(ab !== ba, `${a} vs ${b}`).toBe(a !== b);
        expect(ab, `${a} vs ${b}`).toBe(a > b);
      }
    }
    expect(progressNewer(p('done', T1, T2), p('done', T1, T1))).toBe(true);
    expect(progressNewer(p('done', T1, T1), p('done', T1, T2))).toBe(false);
    expect(progressNewer(p('done', T1, T1), p('done', T1, null))).toBe(true);
    expect(progressNewer(p('done', T1, null), p('done', T1, T1))).toBe(false);
    expect(progressNewer(p('done', T1, T1), p('done', T1, T1))).toBe(false);
  });
});

describe('mergeProgress', () => {
  it('takes the later updatedAt per topic, breaks ties by progressNewer, and never conflicts', () => {
    const l = { a: p('done', T1, T1), b: p('in-progress', '2025-01-05T00:00:00Z'), c: p('skipped', T1), e: p('done', T1, T1) };
    const r = {
      a: p('in-progress', T2),
      b: p('done', '2025-01-04T00:00:00Z', '2025-01-04T00:00:00Z'),
      c: p('done', T1),
      d: p('done', T1),
      e: p('skipped', T1),
    };
    const m = mergeProgress(l, r);
    expect(m.progress).toEqual({ a: r.a, b: l.b, c: l.c, d: r.d, e: r.e });
    expect(m.merged).toBe(5);
    expect(m.down.sort()).toEqual(['a', 'd', 'e']);
  });

  it('gives both machines the same result, ties included', () => {
    const l = { a: p('done', T1, T1), b: p('not-started', T1), c: p('in-progress', T2), d: p('done', T1, T2) };
    const r = { a: p('in-progress', T1), b: p('done', T1, T1), c: p('done', T1, T1), d: p('done', T1, T1), e: p('skipped', T1) };
    expect(mergeProgress(l, r).progress).toEqual(mergeProgress(r, l).progress);
  });

  it('counts nothing when both sides agree, and copies only the synced fields', () => {
    const same = { a: p('done', T1, T1) };
    expect(mergeProgress(same, { a: p('done', T1, T1) })).toEqual({ progress: same, merged: 0, down: [] });
    const withExtra = { a: { ...p('done', T1, T1), readSeconds: 5 } as SyncProgressEntry };
    expect(mergeProgress(withExtra, {}).progress).toEqual({ a: p('done', T1, T1) });
  });

  it('ignores inherited keys', () => {
    const proto = Object.create({ inherited: p('done', T1) }) as Record<string, SyncProgressEntry>;
    expect(mergeProgress(proto, {}).progress).toEqual({});
  });
});

describe('summary and names', () => {
  it('says what moved', () => {
    expect(syncSummary({ notesUp: 3, notesDown: 1, topicsMerged: 12, conflicts: 0, skipped: 0 })).toBe('3 notes up, 1 down, 12 topics merged');
    expect(syncSummary({ notesUp: 1, notesDown: 0, topicsMerged: 1, conflicts: 1, skipped: 2 })).toBe('1 note up, 0 down, 1 topic merged, 1 conflict copy, 2 files skipped');
    expect(syncSummary({ notesUp: 0, notesDown: 0, topicsMerged: 0, conflicts: 0, skipped: 0 })).toBe('Already up to date');
  });
  it('writes a commit message naming the notes', () => {
    const msg = commitMessage('ada', 'laptop', { added: ['Caching'], changed: [], deleted: ['Old'], topics: 2 });
    expect(msg.split('\n')[0]).toBe('nexus(ada): sync from laptop — 2 notes changed, 2 topics of progress');
    expect(msg).toContain('Added:\n- Caching');
    expect(msg).toContain('Deleted:\n- Old');
  });
  it('derives handles from user names', () => {
    expect(handleFromName('Ada Lovelace')).toBe('ada-lovelace');
    expect(handleFromName('Zoë O’Brien')).toBe('zoe-o-brien');
    expect(handleFromName('...')).toBe('me');
    expect(isValidHandle('ada-lovelace')).toBe(true);
    expect(isValidHandle('../x')).toBe(false);
  });
});
