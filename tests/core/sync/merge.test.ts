import { describe, expect, it } from 'vitest';
import { CONFLICT_TAG, mergeNotes, mergeProgress } from '../../../src/core/sync/merge';
import { commitMessage, handleFromName, isValidHandle, syncSummary } from '../../../src/core/sync/summary';
import type { SyncNote } from '../../../src/core/sync/types';

const n = (id: string, body: string, updatedAt = '2025-01-01T00:00:00Z'): SyncNote => ({ id, topicId: 'a.md#x', topicTitle: null, title: `T ${id}`, body, tags: [], createdAt: '2025-01-01T00:00:00Z', updatedAt });
const origin = { machine: 'laptop-b', time: '2025-02-01 10:00' };

describe('mergeNotes', () => {
  it('takes the side that changed', () => {
    const base = [n('1', 'b'), n('2', 'b')];
    const m = mergeNotes(base, [n('1', 'local', '2025-01-03T00:00:00Z'), n('2', 'b')], [n('1', 'b'), n('2', 'remote', '2025-01-03T00:00:00Z')], origin);
    expect(m.notes.map((x) => [x.id, x.body])).toEqual([['1', 'local'], ['2', 'remote']]);
    expect(m.up).toEqual(['1']);
    expect(m.down).toEqual(['2']);
    expect(m.conflicts).toEqual([]);
  });

  it('keeps both versions when both changed, the remote one as a flagged copy', () => {
    const m = mergeNotes([n('1', 'b')], [n('1', 'local', '2025-01-03T00:00:00Z')], [n('1', 'remote', '2025-01-04T00:00:00Z')], origin);
    expect(m.notes).toHaveLength(2);
    const local = m.notes.find((x) => x.id === '1');
    const copy = m.notes.find((x) => x.id !== '1');
    expect(local?.body).toBe('local');
    expect(copy?.body).toBe('remote');
    expect(copy?.title).toBe('Conflict copy from laptop-b 2025-02-01 10:00: T 1');
    expect(copy?.tags).toContain(CONFLICT_TAG);
    expect(m.conflicts).toEqual([['1', copy?.id]]);
    expect(m.notes.some((x) => x.body.includes('<<<<<<<'))).toBe(false);
  });

  it('is idempotent: merging the merged result again changes nothing', () => {
    const m = mergeNotes([n('1', 'b')], [n('1', 'local')], [n('1', 'remote')], origin);
    const again = mergeNotes(m.notes, m.notes, m.notes, origin);
    expect(again.notes).toEqual(m.notes);
    expect(again.up.length + again.down.length).toBe(0);
  });

  it('lets an edit survive a delete on the other side, and deletes when only deleted', () => {
    const base = [n('1', 'b'), n('2', 'b'), n('3', 'b')];
    const m = mergeNotes(base, [n('1', 'edited'), n('3', 'b')], [n('2', 'edited too')], origin);
    expect(m.notes.map((x) => [x.id, x.body])).toEqual([['1', 'edited'], ['2', 'edited too']]);
  });

  it('adds notes created on either side (same topic, different ids)', () => {
    const m = mergeNotes([], [n('a', 'mine')], [n('b', 'theirs')], origin);
    expect(m.notes.map((x) => x.id)).toEqual(['a', 'b']);
    expect(m.up).toEqual(['a']);
    expect(m.down).toEqual(['b']);
  });

  it('sees identical changes on both sides as no conflict', () => {
    const m = mergeNotes([n('1', 'b')], [n('1', 'same', '2025-01-05T00:00:00Z')], [n('1', 'same', '2025-01-05T00:00:00Z')], origin);
    expect(m.notes).toHaveLength(1);
    expect(m.conflicts).toEqual([]);
  });
});

describe('mergeProgress', () => {
  it('takes the later updatedAt per topic, ties to local, and never conflicts', () => {
    const l = { a: { state: 'done' as const, updatedAt: '2025-01-02T00:00:00Z', doneAt: '2025-01-02T00:00:00Z' }, b: { state: 'in-progress' as const, updatedAt: '2025-01-05T00:00:00Z', doneAt: null }, c: { state: 'skipped' as const, updatedAt: '2025-01-01T00:00:00Z', doneAt: null } };
    const r = { a: { state: 'in-progress' as const, updatedAt: '2025-01-03T00:00:00Z', doneAt: null }, b: { state: 'done' as const, updatedAt: '2025-01-04T00:00:00Z', doneAt: '2025-01-04T00:00:00Z' }, c: { state: 'done' as const, updatedAt: '2025-01-01T00:00:00Z', doneAt: null }, d: { state: 'done' as const, updatedAt: '2025-01-01T00:00:00Z', doneAt: null } };
    const m = mergeProgress(l, r);
    expect(m.progress['a']?.state).toBe('in-progress');
    expect(m.progress['b']?.state).toBe('in-progress');
    expect(m.progress['c']?.state).toBe('skipped');
    expect(m.progress['d']?.state).toBe('done');
    expect(m.merged).toBe(4);
    expect(m.down.sort()).toEqual(['a', 'd']);
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
