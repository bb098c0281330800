import { describe, expect, it } from 'vitest';
import { notePaths, parseNote, serialiseNote } from '../../../src/core/sync/noteFile';
import { exportFiles, readSide } from '../../../src/core/sync/repoFiles';
import { parseProgress, serialiseProgress } from '../../../src/core/sync/progressFile';
import type { SyncNote } from '../../../src/core/sync/types';

const note = (over: Partial<SyncNote> = {}): SyncNote => ({
  id: 'abcdef12-3456',
  topicId: 'docs/concepts.md#caching',
  topicTitle: 'Caching',
  title: 'My: "tricky" title\n---',
  body: '---\nnot front matter\n---\n# Body\n\n```yaml\na: 1\n```\n',
  tags: ['redis', 'ttl'],
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T08:00:00.000Z',
  ...over,
});

describe('note files', () => {
  it('round-trips a note with awkward title and body exactly', () => {
    const n = note();
    const text = serialiseNote(n);
    expect(text.startsWith('---\nid: abcdef12-3456\n')).toBe(true);
    const back = parseNote(text);
    expect(back).toEqual({ ok: true, note: n });
  });

  it('round-trips free notes and empty bodies', () => {
    const n = note({ topicId: null, topicTitle: null, body: '', tags: [] });
    expect(parseNote(serialiseNote(n))).toEqual({ ok: true, note: n });
  });

  it('refuses files without front matter, custom tags, alias bombs and wrong shapes', () => {
    expect(parseNote('# just markdown').ok).toBe(false);
    expect(parseNote('---\nid: x\n').ok).toBe(false);
    expect(parseNote('---\nid: !!js/function "x"\ntopic: null\ntitle: t\ntags: []\ncreated: 2025-01-01T00:00:00Z\nupdated: 2025-01-01T00:00:00Z\n---\n').ok).toBe(false);
    const bomb = `---\na: &a [x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 30 }, (_, i) => `b${i}: [*a,*a,*a,*a,*a,*a,*a,*a]`).join('\n')}\n---\n`;
    expect(parseNote(bomb).ok).toBe(false);
    expect(parseNote('---\nid: 5\ntopic: null\ntitle: t\ntags: []\ncreated: 2025-01-01T00:00:00Z\nupdated: 2025-01-01T00:00:00Z\n---\n').ok).toBe(false);
  });

  it('does not let a __proto__ key pollute anything', () => {
    const r = parseNote('---\n__proto__: { polluted: true }\nid: a\ntopic: null\ntitle: t\ntags: []\ncreated: 2025-01-01T00:00:00Z\nupdated: 2025-01-01T00:00:00Z\n---\nbody');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives each note a safe, unique path under notes/', () => {
    const a = note({ id: 'aaaaaaaa-1', createdAt: '2025-01-01T00:00:00Z' });
    const b = note({ id: 'bbbbbbbb-2', createdAt: '2025-01-02T00:00:00Z' });
    const free = note({ id: 'cccccccc-3', topicId: null, title: 'Ideas / plans' });
    const evil = note({ id: '../../x', topicId: '../../../etc/passwd#..', title: 'e' });
    const paths = notePaths([b, a, free, evil]);
    expect(paths.get(a.id)).toBe('notes/docs/concepts.md/caching.md');
    expect(paths.get(b.id)).toBe('notes/docs/concepts.md/caching--bbbbbbbb.md');
    expect(paths.get(free.id)).toBe('notes/_free/ideas-plans--cccccccc.md');
    const e = paths.get(evil.id) ?? '';
    expect(e.split('/').some((s) => s === '..' || s.startsWith('.'))).toBe(false);
    expect(new Set(paths.values()).size).toBe(4);
  });
});

describe('progress file and sides', () => {
  it('serialises sorted and parses back, dropping bad entries', () => {
    const text = serialiseProgress({ 'b#x': { state: 'done', updatedAt: '2025-01-02T00:00:00Z', doneAt: '2025-01-02T00:00:00Z' }, 'a#y': { state: 'in-progress', updatedAt: '2025-01-01T00:00:00Z', doneAt: null } });
    expect(text.indexOf('a#y')).toBeLessThan(text.indexOf('b#x'));
    expect(parseProgress(text)?.progress['b#x']?.state).toBe('done');
    const bad = parseProgress(JSON.stringify({ version: 1, topics: { ok: { state: 'done', updatedAt: '2025-01-01T00:00:00Z', doneAt: null }, bad: { state: 'eaten' } } }));
    expect(bad?.dropped).toBe(1);
    expect(Object.keys(bad?.progress ?? {})).toEqual(['ok']);
    expect(parseProgress('{')).toBeNull();
  });

  it('exports and reads back the same notes and progress, listing unreadable files', () => {
    const notes = [note(), note({ id: 'free-1', topicId: null, title: 'Free' })];
    const progress = { 'docs/concepts.md#caching': { state: 'done' as const, updatedAt: '2025-01-02T00:00:00Z', doneAt: '2025-01-02T00:00:00Z' } };
    const files = exportFiles(notes, progress);
    const side = readSide([...files, { path: 'notes/broken.md', text: 'nope' }]);
    expect(side.notes.sort((x, y) => x.id.localeCompare(y.id))).toEqual([...notes].sort((x, y) => x.id.localeCompare(y.id)));
    expect(side.progress).toEqual(progress);
    expect(side.skipped).toEqual(['notes/broken.md']);
  });
});
