import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventSource } from '../../../src/core/api/events';
import type { Note, TrashItem } from '../../../src/core/api/studyApi';
import { NotesView } from '../../../src/renderer/src/components/study/NotesView';
import { fakeEvents, syncResult } from '../sync/syncFakes';
import { notesStore } from './notesFakes';

afterEach(cleanup);

const at = '2025-03-01T10:00:00.000Z';
const note = (id: string, title: string): Note => ({
  id,
  topicId: null,
  topicTitle: null,
  title,
  body: `${title} body`,
  tags: [],
  createdAt: at,
  updatedAt: at,
});
const trashItem = (id: string, title: string): TrashItem => ({
  id,
  title,
  topicId: null,
  deletedAt: '2025-03-02T09:30:00.000Z',
  purgeAt: '2025-04-01T09:30:00.000Z',
  reason: 'sync',
});
const listCalls = (api: { calls: Array<[string, unknown]> }, method: string): number => api.calls.filter(([m]) => m === method).length;

describe('All notes after a sync', () => {
  it('reads the list again when a sync finishes: a pulled note appears, a note the sync deleted goes; other events do not reload', async () => {
    const { api, notes } = notesStore([note('a', 'Mine'), note('b', 'Gone soon')]);
    const events = fakeEvents();
    render(<NotesView api={api} events={events} noteId={null} onNavigate={() => undefined} />);
    const list = screen.getByRole('list', { name: 'Notes' });
    await within(list).findByText('Gone soon');
    // The sync writes into the store behind the view's back.
    notes.splice(1, 1, note('c', 'From the laptop'));
    act(() => events.emit({ type: 'index.progress', done: 1, total: 1, phase: 'ready' }));
    await Promise.resolve();
    expect(listCalls(api, 'notes.list')).toBe(1);
    act(() => events.emit({ type: 'sync.finished', result: syncResult() }));
    await within(list).findByText('From the laptop');
    expect(within(list).queryByText('Gone soon')).toBeNull();
    expect(within(list).getByText('Mine')).toBeTruthy();
  });

  it('keeps the open note’s editor (and what is typed in it) through the reload', async () => {
    const { api, notes } = notesStore([note('a', 'Mine')]);
    const events = fakeEvents();
    render(<NotesView api={api} events={events} noteId="a" onNavigate={() => undefined} delayMs={60_000} />);
    const title = await screen.findByLabelText<HTMLInputElement>('Note title');
    fireEvent.change(title, { target: { value: 'Mine, being edited' } });
    notes.push(note('c', 'Pulled'));
    act(() => events.emit({ type: 'sync.finished', result: syncResult() }));
    await within(screen.getByRole('list', { name: 'Notes' })).findByText('Pulled');
    expect(screen.getByLabelText<HTMLInputElement>('Note title')).toBe(title);
    expect(title.value).toBe('Mine, being edited');
  });

  it('reads the Trash again when a sync finishes: a note deleted on another machine shows up there', async () => {
    const { api, trash, notes } = notesStore([note('a', 'Kept')], { trash: [trashItem('t1', 'Old one')] });
    const events = fakeEvents();
    render(<NotesView api={api} events={events} noteId={null} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    const binList = await screen.findByRole('list', { name: 'Notes in the Trash' });
    expect(within(binList).getAllByRole('listitem')).toHaveLength(1);
    // Another machine deleted "Kept"; this sync brought the deletion down (to the Trash, not gone).
    const [kept] = notes.splice(0, 1);
    trash.unshift({ note: kept ?? note('a', 'Kept'), item: trashItem('a', 'Kept') });
    act(() => events.emit({ type: 'sync.finished', result: syncResult() }));
    await within(binList).findByText('Kept');
    expect(within(binList).getAllByRole('listitem')).toHaveLength(2);
    expect(within(binList).getAllByText('Deleted on another machine')).toHaveLength(2);
    // And the notes list behind it no longer has the note.
    const notesList = document.querySelector<HTMLElement>('ul[aria-label="Notes"]');
    expect(notesList?.hidden).toBe(true);
    await waitFor(() => expect(within(notesList ?? document.body).queryByText('Kept')).toBeNull());
  });

  it('an empty Trash fills in place when a sync finishes', async () => {
    const { api, trash } = notesStore([]);
    const events = fakeEvents();
    render(<NotesView api={api} events={events} noteId={null} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    await screen.findByText('The Trash is empty.');
    trash.push({ note: note('x', 'Theirs'), item: trashItem('x', 'Theirs') });
    act(() => events.emit({ type: 'sync.finished', result: syncResult() }));
    await screen.findByRole('button', { name: 'Restore “Theirs”' });
    expect(screen.queryByText('The Trash is empty.')).toBeNull();
  });

  it('unsubscribes when the view goes away', async () => {
    const { api } = notesStore([note('a', 'Kept')], { trash: [trashItem('t1', 'Old one')] });
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
    const { unmount } = render(<NotesView api={api} events={counting} noteId={null} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    await screen.findByRole('list', { name: 'Notes in the Trash' });
    // The list and the Trash each listen.
    expect(live).toBe(2);
    unmount();
    expect(live).toBe(0);
  });
});
