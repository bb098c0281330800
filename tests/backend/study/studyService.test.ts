import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteChange } from '../../../src/backend/context';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { dispatch } from '../../../src/core/api/dispatch';
import { parseNote } from '../../../src/core/sync/noteFile';

const root = path.resolve(import.meta.dirname, '../../..');
const oddities = path.join(root, 'tests/fixtures/hubs/oddities');
const bundledHub = path.join(root, 'resources/hub');
let dataDir: string;
let backend: Backend | null = null;

async function start(hubRoot = oddities): Promise<Backend> {
  backend = await createBackend({ bundledHub, hubRoot, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
  return backend;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-study-'));
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  await rm(dataDir, { recursive: true, force: true });
});

describe('study service', () => {
  it('tracks progress per doc with skipped topics left out, and answers other domains', async () => {
    const { api, context } = await start();
    await api['progress.set']({ topicId: 'docs/guide.md#setup', state: 'done' });
    await api['progress.set']({ topicId: 'docs/guide.md#setup-1', state: 'skipped' });
    const dash = await api['study.dashboard']({});
    const guide = dash.docs.find((d) => d.path === 'docs/guide.md');
    expect(guide).toMatchObject({ done: 1, skipped: 1 });
    expect(guide?.percent).toBe(Math.round((1 / ((guide?.total ?? 0) - 1)) * 100));
    expect(dash.streak).toBe(1);
    expect(context.study?.progressOf('docs/guide.md#setup')).toBe('done');
    expect(context.study?.progressOf('docs/guide.md#nope')).toBe('not-started');
  });

  it('saves notes durably, publishes changes for search, and keeps orphans with their heading', async () => {
    const first = await start();
    const changes: NoteChange[] = [];
    first.context.onNotesChanged((c) => changes.push(c));
    const note = await first.api['notes.save']({ topicId: 'docs/guide.md#setup', title: 'Pip', body: 'pip install', tags: ['#Django', 'django'] });
    expect(note).toMatchObject({ topicTitle: 'Setup', tags: ['django'] });
    expect(changes.map((c) => (c.kind === 'saved' ? [c.kind, c.note.id, c.note.title] : [c.kind]))).toEqual([['saved', note.id, 'Pip']]);
    expect(first.context.study?.hasNotes('docs/guide.md#setup')).toBe(true);
    const free = await first.api['notes.save']({ topicId: null, title: 'Free', body: 'x', tags: [] });
    await first.api['notes.delete']({ id: free.id });
    expect(changes.at(-1)).toEqual({ kind: 'deleted', id: free.id });
    await first.close();

    // Reopen on another hub: the note's topic is gone; it is kept and listed as orphaned.
    const second = await start(bundledHub);
    const list = await second.api['notes.list']({});
    expect(list.notes).toHaveLength(1);
    expect(list.notes[0]).toMatchObject({ id: note.id, orphaned: true, topicTitle: 'Setup', body: 'pip install' });
    expect((await second.api['notes.list']({ orphanedOnly: true })).notes).toHaveLength(1);
  });

  it('resets progress and undoes the reset', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: 'docs/guide.md#setup', state: 'done' });
    expect(await api['progress.reset']({})).toEqual({ cleared: 1 });
    // The entry stays as "not started" with a new time, so the reset syncs instead of being undone by the repo.
    expect((await api['progress.get']({})).progress['docs/guide.md#setup']).toMatchObject({ state: 'not-started', doneAt: null });
    expect(await api['progress.undoReset']({})).toEqual({ restored: 1 });
    expect((await api['progress.get']({})).progress['docs/guide.md#setup']?.state).toBe('done');
    const again = await dispatch(api, 'progress.undoReset', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('records reading: recent topics, continue where you left off, automatic in progress', async () => {
    const { api } = await start();
    await api['progress.read']({ topicId: 'docs/guide.md#setup', seconds: 0 });
    expect((await api['progress.read']({ topicId: 'docs/guide.md#setup', seconds: 30 })).state).toBe('in-progress');
    const dash = await api['study.dashboard']({});
    expect(dash.recent[0]).toMatchObject({ topicId: 'docs/guide.md#setup', title: 'Setup', exists: true });
    expect(dash.continueAt).toMatchObject({ topicId: 'docs/guide.md#setup', docPath: 'docs/guide.md', slug: 'setup' });
    await api['progress.set']({ topicId: 'docs/guide.md#setup', state: 'done' });
    expect((await api['study.dashboard']({})).continueAt?.topicId).not.toBe('docs/guide.md#setup');
  });

  it('exports notes as markdown with front matter and progress as JSON and CSV, never over existing files', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: 'docs/guide.md#setup', state: 'done' });
    await api['notes.save']({ topicId: 'docs/guide.md#setup', title: 'Pip: "quotes"', body: '# Body\n', tags: ['a'] });
    const out = path.join(dataDir, 'exports', 'out');
    const res = await api['study.export']({ folder: 'out' });
    expect(res).toMatchObject({ folder: out, notes: 1, files: 4 });
    const [noteFile] = await readdir(path.join(out, 'notes'));
    const md = await readFile(path.join(out, 'notes', noteFile ?? ''), 'utf8');
    expect(md).toMatch(/^---\nid: .+\ntopic: docs\/guide\.md#setup\ntopicTitle: Setup\ntitle: 'Pip: "quotes"'\ntags:\n {2}- a\n/);
    expect(md).toContain('---\n# Body\n');
    // The sync's own format: an exported note reads back.
    expect(parseNote(md)).toMatchObject({ ok: true, note: { title: 'Pip: "quotes"', topicId: 'docs/guide.md#setup', tags: ['a'] } });
    const progressJson = JSON.parse(await readFile(path.join(out, 'progress.json'), 'utf8')) as { progress: Record<string, { state: string }> };
    expect(progressJson.progress['docs/guide.md#setup']?.state).toBe('done');
    expect(await readFile(path.join(out, 'progress.csv'), 'utf8')).toContain('"docs/guide.md#setup","Setup","docs/guide.md","done"');
    const twice = await dispatch(api, 'study.export', { folder: 'out' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('exports only under the data folder’s exports/: a folder the caller names is a plain name, never a path', async () => {
    const { api } = await start();
    const outside = path.join(os.tmpdir(), `nexus-export-outside-${process.pid}`);
    for (const folder of [outside, '../escaped', 'a/b', 'a\\b', '..', '.', '.git', 'name.', 'trailing ', `${'x'.repeat(101)}`]) {
      expect(await dispatch(api, 'study.export', { folder }), folder).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(dataDir, 'escaped'))).toBe(false);
    const dated = await api['study.export']({});
    expect(path.dirname(dated.folder)).toBe(path.join(dataDir, 'exports'));
    expect(path.basename(dated.folder)).toMatch(/^nexus-export-/);
  });
});
