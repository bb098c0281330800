import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { StudyStore } from '../../../src/backend/store/studyStore';
import { dispatch } from '../../../src/core/api/dispatch';

const root = path.resolve(import.meta.dirname, '../../..');
const bundledHub = path.join(root, 'resources/hub');
const TOPICS = 1200;
const ids = Array.from({ length: TOPICS }, (_, i) => `docs/big.md#topic-${i + 1}`);
let tmp: string;
let backend: Backend | null = null;

/** A hub with one doc of 1,200 topics (the folder that took 24 s to mark one topic at a time). */
async function start(): Promise<Backend> {
  const hubRoot = path.join(tmp, 'hub');
  await mkdir(path.join(hubRoot, 'docs'), { recursive: true });
  await writeFile(path.join(hubRoot, 'docs/big.md'), `# Big\n\n${ids.map((_, i) => `## Topic ${i + 1}\n\nText ${i + 1}.\n`).join('\n')}`);
  backend = await createBackend({ bundledHub, hubRoot, dataDir: path.join(tmp, 'data'), host: 'web', version: 't', logger: silentLogger, openExternal: null });
  await backend.context.hub().whenSettled();
  return backend;
}

const dbFile = (): string => path.join(tmp, 'data/study.json');

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nexus-setmany-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await backend?.close();
  backend = null;
  await rm(tmp, { recursive: true, force: true });
});

describe('progress.setMany', () => {
  it('sets 1,200 topics in one durable write, and its undo puts each back as it was (a done topic keeps its date)', async () => {
    const { api } = await start();
    const first = await api['progress.set']({ topicId: ids[0] ?? '', state: 'done' });
    await api['progress.set']({ topicId: ids[1] ?? '', state: 'in-progress' });
    const updates = vi.spyOn(StudyStore.prototype, 'update');

    const res = await api['progress.setMany']({ changes: ids.map((topicId) => ({ topicId, state: 'skipped' })) });
    expect(updates).toHaveBeenCalledTimes(1);
    expect(Object.keys(res.entries)).toHaveLength(TOPICS);
    const saved = JSON.parse(await readFile(dbFile(), 'utf8')) as { progress: Record<string, { state: string }> };
    expect(ids.every((id) => saved.progress[id]?.state === 'skipped')).toBe(true);
    expect((await api['study.dashboard']({})).overall.skipped).toBe(TOPICS);

    // The undo names each topic's previous state.
    expect(res.undo[0]).toEqual({ topicId: ids[0], state: 'done', doneAt: first.doneAt });
    expect(res.undo[1]).toMatchObject({ topicId: ids[1], state: 'in-progress' });
    expect(res.undo[2]).toMatchObject({ topicId: ids[2], state: 'not-started' });

    updates.mockClear();
    await api['progress.setMany']({ changes: res.undo });
    expect(updates).toHaveBeenCalledTimes(1);
    const { progress } = await api['progress.get']({});
    expect(progress[ids[0] ?? '']).toMatchObject({ state: 'done', doneAt: first.doneAt });
    expect(progress[ids[1] ?? '']?.state).toBe('in-progress');
    expect(ids.slice(2).every((id) => progress[id]?.state === 'not-started')).toBe(true);
  });

  it('refuses unknown or repeated topic ids with a clear error and writes nothing', async () => {
    const { api } = await start();
    await api['progress.set']({ topicId: ids[5] ?? '', state: 'done' });
    const before = await readFile(dbFile(), 'utf8');
    const updates = vi.spyOn(StudyStore.prototype, 'update');

    const unknown = await dispatch(api, 'progress.setMany', { changes: [{ topicId: ids[0], state: 'done' }, { topicId: 'docs/big.md#no-such-topic', state: 'done' }] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(unknown.ok ? '' : unknown.error.message).toBe('Nothing was marked: this is not a topic of the open hub: docs/big.md#no-such-topic.');
    const twice = await dispatch(api, 'progress.setMany', { changes: [{ topicId: ids[0], state: 'done' }, { topicId: ids[0], state: 'skipped' }] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(twice.ok ? '' : twice.error.message).toBe('Nothing was marked: a topic is given more than once: docs/big.md#topic-1.');
    const misdated = await dispatch(api, 'progress.setMany', { changes: [{ topicId: ids[0], state: 'skipped', doneAt: '2026-01-01T00:00:00.000Z' }] });
    expect(misdated).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const empty = await dispatch(api, 'progress.setMany', { changes: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    expect(updates).not.toHaveBeenCalled();
    expect(await readFile(dbFile(), 'utf8')).toBe(before);
    const { progress } = await api['progress.get']({});
    expect(progress[ids[0] ?? '']).toBeUndefined();
    expect(progress[ids[5] ?? '']?.state).toBe('done');
  });
});
