import { describe, expect, it } from 'vitest';
import { currentStreak, heatmap, isStudyDay, touchRecent } from '../../../src/core/study/activity';
import { progressExport } from '../../../src/core/study/exportStudy';
import { cleanTags, queryNotes } from '../../../src/core/study/notes';
import { AUTO_IN_PROGRESS_SECONDS, applyReading, applyState, progressStats } from '../../../src/core/study/progress';
import { buildCatalog } from '../../../src/core/study/topicCatalog';
import type { Note, ProgressEntry } from '../../../src/core/db/schema';
import { backupsToPrune, backupDue } from '../../../src/core/db/backupPolicy';

const topic = (docPath: string, slug: string) => ({ id: `${docPath}#${slug}`, docPath, slug, title: slug, depth: 2 as const, parentId: null, line: 1 });
const catalog = buildCatalog(
  [
    { path: 'docs/a.md', title: 'A', topics: [topic('docs/a.md', 'one'), topic('docs/a.md', 'two'), topic('docs/a.md', 'three'), topic('docs/a.md', 'four')] },
    { path: 'docs/deep/b.md', title: 'B', topics: [topic('docs/deep/b.md', 'x')] },
    { path: 'README.md', title: 'Readme', topics: [topic('README.md', 'r')] },
  ],
  [],
);
const entry = (state: ProgressEntry['state']): ProgressEntry => ({ state, updatedAt: '2024-01-01T00:00:00.000Z', doneAt: null, readSeconds: 0 });

describe('progress', () => {
  it('leaves skipped topics out of percentages, per doc, folder and overall', () => {
    const stats = progressStats(catalog, { 'docs/a.md#one': entry('done'), 'docs/a.md#two': entry('skipped'), 'docs/a.md#three': entry('in-progress'), 'gone.md#old': entry('done') });
    const a = stats.docs.find((d) => d.path === 'docs/a.md');
    expect(a).toMatchObject({ done: 1, skipped: 1, counted: 3, percent: 33 });
    expect(stats.folders.find((f) => f.path === 'docs')).toMatchObject({ done: 1, counted: 4, percent: 25 });
    expect(stats.folders.find((f) => f.path === 'docs/deep')).toMatchObject({ done: 0, percent: 0 });
    // The topic no longer in the hub does not count.
    expect(stats.overall).toMatchObject({ done: 1, total: 6, counted: 5, percent: 20 });
  });

  it('keeps the first doneAt and clears it when undone', () => {
    const done = applyState(undefined, 'done', '2024-01-01T00:00:00.000Z');
    expect(applyState(done, 'done', '2024-02-01T00:00:00.000Z').doneAt).toBe('2024-01-01T00:00:00.000Z');
    expect(applyState(done, 'in-progress', '2024-02-01T00:00:00.000Z').doneAt).toBeNull();
  });

  it('marks a not-started topic in progress after a while reading, never a done one', () => {
    const now = '2024-01-01T00:00:00.000Z';
    const short = applyReading(undefined, AUTO_IN_PROGRESS_SECONDS - 1, now);
    expect(short.state).toBe('not-started');
    expect(applyReading(short, 1, now).state).toBe('in-progress');
    expect(applyReading(applyState(undefined, 'done', now), 999, now).state).toBe('done');
  });
});

describe('activity', () => {
  it('counts a day after a few minutes of reading or a state change, and streaks over consecutive days', () => {
    expect(isStudyDay({ readSeconds: 60, stateChanges: 0 })).toBe(false);
    expect(isStudyDay({ readSeconds: 0, stateChanges: 1 })).toBe(true);
    const days = { '2024-03-08': { readSeconds: 0, stateChanges: 2 }, '2024-03-09': { readSeconds: 400, stateChanges: 0 }, '2024-03-10': { readSeconds: 10, stateChanges: 0 } };
    // Today (the 10th) has too little yet: the streak still counts up to yesterday.
    expect(currentStreak(days, '2024-03-10')).toBe(2);
    expect(currentStreak(days, '2024-03-12')).toBe(0);
    const cells = heatmap(days, '2024-03-10', 1);
    expect(cells.map((c) => c.day)).toEqual(['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10']);
    expect(cells.filter((c) => c.studied).map((c) => c.day)).toEqual(['2024-03-08', '2024-03-09']);
  });

  it('moves a re-read topic to the front of the recent list', () => {
    const r = touchRecent([{ topicId: 'a', title: 'A', at: '1' }, { topicId: 'b', title: 'B', at: '0' }], { topicId: 'b', title: 'B', at: '2' });
    expect(r.map((x) => x.topicId)).toEqual(['b', 'a']);
  });
});

describe('notes model', () => {
  const note = (id: string, patch: Partial<Note>): Note => ({ id, topicId: null, topicTitle: null, title: id, body: '', tags: [], createdAt: '2024-01-01', updatedAt: '2024-01-01', ...patch });
  const notes = [
    note('n1', { topicId: 'docs/a.md#one', title: 'Caching', body: 'redis TTL', tags: ['perf'], updatedAt: '2024-01-03' }),
    note('n2', { topicId: 'docs/a.md#gone', topicTitle: 'Old heading', title: 'Queues', body: 'celery', updatedAt: '2024-01-02' }),
    note('n3', { title: 'Free', body: 'anything', tags: ['perf', 'misc'], updatedAt: '2024-01-04' }),
  ];
  const ids = new Set(catalog.topics.keys());

  it('lists orphaned notes with their old heading and never drops them', () => {
    const all = queryNotes(notes, ids);
    expect(all.map((n) => n.id)).toEqual(['n3', 'n1', 'n2']);
    expect(all.find((n) => n.id === 'n2')).toMatchObject({ orphaned: true, topicTitle: 'Old heading' });
    expect(all.find((n) => n.id === 'n3')?.orphaned).toBe(false);
  });

  it('searches, filters by tag and topic, sorts by title', () => {
    expect(queryNotes(notes, ids, { text: 'REDIS ttl' }).map((n) => n.id)).toEqual(['n1']);
    expect(queryNotes(notes, ids, { text: 'old heading' }).map((n) => n.id)).toEqual(['n2']);
    expect(queryNotes(notes, ids, { tag: 'perf', sort: 'title' }).map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(queryNotes(notes, ids, { topicId: null }).map((n) => n.id)).toEqual(['n3']);
    expect(queryNotes(notes, ids, { orphanedOnly: true }).map((n) => n.id)).toEqual(['n2']);
  });

  it('cleans tags', () => {
    expect(cleanTags([' #Perf ', 'perf', '', 'SQL'])).toEqual(['perf', 'sql']);
  });

  it('exports progress as CSV with formula cells neutralised', () => {
    const files = progressExport({ 'docs/a.md#one': { ...entry('done'), doneAt: '2024-01-02' } }, new Map([['docs/a.md#one', { id: 'docs/a.md#one', title: '=HYPERLINK("x")', docPath: 'docs/a.md', docTitle: 'A' }]]));
    const csv = files.find((f) => f.path === 'progress.csv')?.text ?? '';
    expect(csv.split('\r\n')[1]).toBe('"docs/a.md#one","\'=HYPERLINK(""x"")","docs/a.md","done","2024-01-01T00:00:00.000Z","2024-01-02","0"');
  });
});

describe('backup policy', () => {
  const min = 60_000;
  it('takes at most one backup per 10 minutes', () => {
    expect(backupDue([], 0)).toBe(true);
    expect(backupDue([{ name: 'a', takenAt: 0 }], 9 * min)).toBe(false);
    expect(backupDue([{ name: 'a', takenAt: 0 }], 10 * min)).toBe(true);
  });
  it('keeps the last 10 plus the newest of each of the last 7 days', () => {
    const day = 24 * 60 * min;
    const now = 20 * day;
    const recent = Array.from({ length: 15 }, (_, i) => ({ name: `r${i}`, takenAt: now - i * 11 * min }));
    const daily = Array.from({ length: 10 }, (_, i) => ({ name: `d${i}`, takenAt: now - (i + 1) * day - 3 * 60 * min }));
    const pruned = backupsToPrune([...recent, ...daily], now).map((b) => b.name);
    expect(pruned).toEqual(expect.arrayContaining(['r10', 'r11', 'r12', 'r13', 'r14', 'd7', 'd8', 'd9']));
    expect(pruned).not.toContain('d0');
    expect(pruned).not.toContain('r9');
    expect(pruned).not.toContain('d5');
  });
});
