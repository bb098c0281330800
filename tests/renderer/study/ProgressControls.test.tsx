import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressEntry, ProgressState } from '../../../src/core/api/studyApi';
import type { Topic } from '../../../src/core/hub/types';
import { ProgressControls } from '../../../src/renderer/src/components/study/ProgressControls';
import { TreeProgress } from '../../../src/renderer/src/components/study/TreeProgress';
import { useStudy } from '../../../src/renderer/src/components/study/useStudy';
import { fakeApi } from '../fakeApi';

const topic: Topic = { id: 'docs/a.md#setup', docPath: 'docs/a.md', slug: 'setup', title: 'Setup', depth: 2, parentId: null, line: 3 };

/** An in-memory progress store behind the typed API. */
function progressApi() {
  const progress: Record<string, ProgressEntry> = {};
  const entry = (state: ProgressState, readSeconds = 0): ProgressEntry => ({ state, updatedAt: '2024-01-01T00:00:00.000Z', doneAt: state === 'done' ? '2024-01-01T00:00:00.000Z' : null, readSeconds });
  return fakeApi({
    'progress.get': () => ({ progress: { ...progress }, canUndoReset: false }),
    'progress.set': ({ topicId, state }) => (progress[topicId] = entry(state, progress[topicId]?.readSeconds)),
    'progress.read': ({ topicId, seconds }) => {
      const read = (progress[topicId]?.readSeconds ?? 0) + seconds;
      const prev = progress[topicId]?.state ?? 'not-started';
      return (progress[topicId] = entry(prev === 'not-started' && read >= 20 ? 'in-progress' : prev, read));
    },
    'study.dashboard': () => {
      const done = progress[topic.id]?.state === 'done' ? 1 : 0;
      return { docs: [{ path: 'docs/a.md', title: 'A', done, inProgress: 0, skipped: 0, total: 2, counted: 2, percent: done * 50 }] } as never;
    },
  });
}

function Harness({ api, tick }: { api: ReturnType<typeof progressApi>; tick?: number }) {
  const study = useStudy(api);
  const [typing, setTyping] = useState('');
  return (
    <>
      <ProgressControls api={api} topic={topic} study={study} tickSeconds={tick} />
      <input aria-label="somewhere to type" value={typing} onChange={(e) => setTyping(e.target.value)} />
      <TreeProgress rowKey={`topic:${topic.id}`} progress={study} />
      <TreeProgress rowKey="doc:docs/a.md" progress={study} />
    </>
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ProgressControls', () => {
  it('sets the state with the buttons and shows it in the sidebar marks', async () => {
    const api = progressApi();
    render(<Harness api={api} />);
    const done = screen.getByRole('button', { name: /Done/ });
    expect(done.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(done);
    await waitFor(() => expect(done.getAttribute('aria-pressed')).toBe('true'));
    expect(api.calls).toContainEqual(['progress.set', { topicId: 'docs/a.md#setup', state: 'done' }]);
    await waitFor(() => expect(screen.getByLabelText('done').textContent).toBe('✓'));
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50'));
  });

  it('answers the keys D, S, I and N, but not while typing in a field', async () => {
    const api = progressApi();
    render(<Harness api={api} />);
    fireEvent.keyDown(document.body, { key: 's' });
    await waitFor(() => expect(screen.getByRole('button', { name: /Skipped/ }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.keyDown(document.body, { key: 'D' });
    await waitFor(() => expect(screen.getByRole('button', { name: /Done/ }).getAttribute('aria-pressed')).toBe('true'));
    const sets = () => api.calls.filter(([m]) => m === 'progress.set').length;
    const before = sets();
    fireEvent.keyDown(screen.getByLabelText('somewhere to type'), { key: 'n' });
    fireEvent.keyDown(document.body, { key: 'n', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(sets()).toBe(before);
    fireEvent.keyDown(document.body, { key: 'i' });
    await waitFor(() => expect(screen.getByRole('button', { name: /In progress/ }).getAttribute('aria-pressed')).toBe('true'));
  });

  it('reports reading time, so a topic read for a while turns in progress by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = progressApi();
    render(<Harness api={api} tick={10} />);
    await waitFor(() => expect(api.calls).toContainEqual(['progress.read', { topicId: topic.id, seconds: 0 }]));
    expect(screen.getByRole('button', { name: /In progress/ }).getAttribute('aria-pressed')).toBe('false');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000);
    });
    await waitFor(() => expect(screen.getByRole('button', { name: /In progress/ }).getAttribute('aria-pressed')).toBe('true'));
    expect(api.calls.filter(([m]) => m === 'progress.read')).toHaveLength(3);
  });
});

describe('sidebar keys', () => {
  it('set the focused topic row, not the topic being read', async () => {
    const api = progressApi();
    render(
      <>
        <Harness api={api} />
        <ul role="tree">
          <li role="treeitem" tabIndex={0} data-row-key="topic:docs/a.md#other" aria-selected={false}>
            Other
          </li>
        </ul>
      </>,
    );
    fireEvent.keyDown(screen.getByRole('treeitem'), { key: 'd' });
    await waitFor(() => expect(api.calls).toContainEqual(['progress.set', { topicId: 'docs/a.md#other', state: 'done' }]));
    expect(screen.getByRole('button', { name: /Done/ }).getAttribute('aria-pressed')).toBe('false');
  });
});
