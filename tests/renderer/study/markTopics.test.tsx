import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEntry } from '../../../src/core/api/studyApi';
import { buildHubTree } from '../../../src/core/hub/hubTree';
import type { DocSummary, Topic } from '../../../src/core/hub/types';
import { markTopics, type TopicChange } from '../../../src/renderer/src/components/BulkMark';
import { HubTree } from '../../../src/renderer/src/components/HubTree';
import { FakeFailure, fakeApi } from '../fakeApi';

const TOPICS = 1200;
const topics: Topic[] = Array.from({ length: TOPICS }, (_, i) => ({
  id: `big/doc.md#t${i}`,
  docPath: 'big/doc.md',
  slug: `t${i}`,
  title: `T${i}`,
  depth: 2,
  parentId: null,
  line: i + 1,
}));
const docs: DocSummary[] = [{ path: 'big/doc.md', title: 'Big doc', topics, encoding: 'utf-8' }];
const at = '2026-01-01T00:00:00.000Z';
const entry = (state: ProgressEntry['state'], doneAt: string | null = null): ProgressEntry => ({ state, updatedAt: at, doneAt, readSeconds: 0 });

afterEach(cleanup);

describe('bulk mark of a huge folder (one progress.setMany)', () => {
  it('marks 1,200 topics with one call, and Undo is one call putting each back with its done date', async () => {
    const api = fakeApi({
      'progress.setMany': ({ changes }) => ({ entries: Object.fromEntries(changes.map((c) => [c.topicId, entry(c.state)])), undo: [] }),
    });
    const progress = { progress: { 'big/doc.md#t0': entry('done', '2025-12-24T10:00:00.000Z'), 'big/doc.md#t1': entry('in-progress') }, docPercent: {} };
    render(<HubTree tree={buildHubTree(docs)} currentPath={null} currentSlug={null} onOpen={() => undefined} progress={progress} onMarkMany={(c) => markTopics(api, c)} />);
    fireEvent.keyDown(screen.getByRole('treeitem', { name: /big/ }), { key: 's' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: `Mark ${TOPICS} topics` }));
      await Promise.resolve();
    });
    expect(api.calls.map(([m]) => m)).toEqual(['progress.setMany']);
    const [, sent] = api.calls[0] as [string, { changes: TopicChange[] }];
    expect(sent.changes).toHaveLength(TOPICS);
    expect(sent.changes.every((c) => c.state === 'skipped' && c.doneAt === undefined)).toBe(true);
    expect(screen.getByText(`Marked ${TOPICS} topics of the folder “big” as Skipped.`)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      await Promise.resolve();
    });
    expect(api.calls.map(([m]) => m)).toEqual(['progress.setMany', 'progress.setMany']);
    const [, undo] = api.calls[1] as [string, { changes: TopicChange[] }];
    expect(undo.changes).toHaveLength(TOPICS);
    expect(undo.changes[0]).toEqual({ topicId: 'big/doc.md#t0', state: 'done', doneAt: '2025-12-24T10:00:00.000Z' });
    expect(undo.changes[1]).toEqual({ topicId: 'big/doc.md#t1', state: 'in-progress', doneAt: null });
    expect(undo.changes[2]).toEqual({ topicId: 'big/doc.md#t2', state: 'not-started', doneAt: null });
    expect(screen.getByText(/Undone: 1200 topics/)).toBeTruthy();
  });

  it('returns the back end’s refusal to show, after one call', async () => {
    const api = fakeApi({
      'progress.setMany': () => {
        throw new FakeFailure('io', 'Your change could not be saved: the disk is full.');
      },
    });
    expect(await markTopics(api, [{ topicId: 'big/doc.md#t0', state: 'done' }])).toBe('Your change could not be saved: the disk is full.');
    expect(api.calls).toHaveLength(1);
  });
});
