import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventSource } from '../../../src/core/api/events';
import type { Note } from '../../../src/core/api/studyApi';
import type { Topic } from '../../../src/core/hub/types';
import { NotesPane } from '../../../src/renderer/src/components/study/NotesPane';
import { fakeApi } from '../fakeApi';
import { fakeEvents, syncResult } from '../sync/syncFakes';

const topic: Topic = { id: 'docs/a.md#setup', docPath: 'docs/a.md', slug: 'setup', title: 'Setup', depth: 2, parentId: null, line: 3 };
const at = '2025-03-01T10:00:00.000Z';
const note = (id: string, title: string): Note => ({
  id,
  topicId: topic.id,
  topicTitle: 'Setup',
  title,
  body: `${title} body`,
  tags: [],
  createdAt: at,
  updatedAt: at,
});

/** A notes store the "sync" writes into behind the pane's back. */
function store(initial: Note[]) {
  const notes = [...initial];
  const api = fakeApi({
    'notes.list': ({ topicId }) => ({
      notes: notes.filter((x) => x.topicId === topicId).map((x) => ({ ...x, orphaned: false })),
      tags: [],
    }),
  });
  return { notes, api };
}

afterEach(cleanup);

describe('NotesPane after a sync', () => {
  it('shows a note a sync brought down, without the topic changing', async () => {
    const { notes, api } = store([]);
    const events = fakeEvents();
    render(<NotesPane api={api} events={events} topic={topic} onClose={() => undefined} />);
    await screen.findByText(/No notes on this topic yet/);
    notes.push(note('remote', 'From the laptop'));
    // Another event does not reload the list.
    act(() => events.emit({ type: 'index.progress', done: 1, total: 1, phase: 'ready' }));
    await Promise.resolve();
    expect(api.calls.filter(([m]) => m === 'notes.list')).toHaveLength(1);
    act(() => events.emit({ type: 'sync.finished', result: syncResult() }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('From the laptop'));
    expect(screen.queryByText(/No notes on this topic yet/)).toBeNull();
  });

  it('adds pulled notes to the list and drops a note the sync deleted', async () => {
    const { notes, api } = store([note('a', 'Mine'), note('b', 'Gone soon')]);
    const events = fakeEvents();
    render(<NotesPane api={api} events={events} topic={topic} onClose={() => undefined} />);
    await screen.findByRole('button', { name: /Gone soon/ });
    notes.splice(1, 1, note('c', 'Pulled'));
    act(() => events.emit({ type: 'sync.finished', result: syncResult() }));
    await screen.findByRole('button', { name: /Pulled/ });
    expect(screen.queryByRole('button', { name: /Gone soon/ })).toBeNull();
    // The open note keeps its editor.
    expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('Mine');
  });

  it('unsubscribes when the pane closes', async () => {
    const { api } = store([]);
    const events = fakeEvents();
    let live = 0;
    const counting: EventSource = {
      subscribe: (l) => {
        live += 1;
        const off = events.subscribe(l);
        return () => {
          live -= 1;
          off();
        };
      },
    };
    const { unmount } = render(<NotesPane api={api} events={counting} topic={topic} onClose={() => undefined} />);
    await screen.findByText(/No notes on this topic yet/);
    expect(live).toBe(1);
    unmount();
    expect(live).toBe(0);
  });
});
