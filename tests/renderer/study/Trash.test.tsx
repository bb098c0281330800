import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note, TrashItem } from '../../../src/core/api/studyApi';
import type { Topic } from '../../../src/core/hub/types';
import { NotesPane } from '../../../src/renderer/src/components/study/NotesPane';
import { NotesView } from '../../../src/renderer/src/components/study/NotesView';
import { notesStore } from './notesFakes';

afterEach(cleanup);

const at = '2025-03-01T10:00:00.000Z';
const note = (id: string, title: string, topicId: string | null = null): Note => ({
  id,
  topicId,
  topicTitle: null,
  title,
  body: `${title} body`,
  tags: [],
  createdAt: at,
  updatedAt: at,
});
const trashItem = (id: string, title: string, reason: TrashItem['reason']): TrashItem => ({
  id,
  title,
  topicId: null,
  deletedAt: '2025-03-02T09:30:00.000Z',
  purgeAt: '2025-04-01T09:30:00.000Z',
  reason,
});

describe('Trash in All notes', () => {
  it('lists the Trash with when and where each note was deleted and its purge date, and restores one', async () => {
    const { api, notes } = notesStore([note('a', 'Kept')], {
      trash: [trashItem('t1', 'Mine', 'deleted'), trashItem('t2', 'Theirs', 'sync')],
    });
    const onNavigate = vi.fn();
    render(<NotesView api={api} noteId={null} onNavigate={onNavigate} />);
    await screen.findByText('Kept');
    const toggle = screen.getByRole('button', { name: 'Trash' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    const list = await screen.findByRole('list', { name: 'Notes in the Trash' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.note-item-title')?.textContent)).toEqual(['Mine', 'Theirs']);
    expect(rows[0]?.textContent).toContain('Deleted ');
    expect(rows[0]?.textContent).not.toContain('another machine');
    expect(rows[1]?.textContent).toContain('Deleted on another machine');
    expect(rows[1]?.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-02T09:30:00.000Z');
    expect(rows[1]?.textContent).toContain(`Removed for good on ${new Date('2025-04-01T09:30:00.000Z').toLocaleDateString()}`);
    // The live notes are hidden while the Trash is shown.
    expect(document.querySelector<HTMLUListElement>('ul[aria-label="Notes"]')?.hidden).toBe(true);

    fireEvent.click(within(list).getByRole('button', { name: 'Restore “Theirs”' }));
    await waitFor(() => expect(notes.map((n) => n.id)).toEqual(['a', 't2']));
    expect(api.calls.filter(([m]) => m === 'notes.restore')).toEqual([['notes.restore', { id: 't2' }]]);
    // Restoring leaves the Trash and opens the note.
    expect(onNavigate).toHaveBeenLastCalledWith({ view: 'notes', path: null, slug: null, noteId: 't2' });
    expect(screen.queryByRole('list', { name: 'Notes in the Trash' })).toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('says when the Trash is empty', async () => {
    const { api } = notesStore([]);
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    expect(await screen.findByText('The Trash is empty.')).toBeTruthy();
  });

  it('moving a note to the Trash says so, and Undo (focused for the keyboard) brings it back', async () => {
    const { api, notes, trash } = notesStore([note('a', 'Alpha'), note('b', 'Beta')]);
    const onNavigate = vi.fn();
    const { rerender } = render(<NotesView api={api} noteId="a" onNavigate={onNavigate} />);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('Alpha'));
    fireEvent.click(screen.getByRole('button', { name: 'Move to Trash' }));
    const notice = await screen.findByText(/Moved “Alpha” to Trash/);
    expect(notice.textContent).toContain('30 days');
    expect(notes.map((n) => n.id)).toEqual(['b']);
    expect(trash.map((t) => t.item.id)).toEqual(['a']);
    rerender(<NotesView api={api} noteId={null} onNavigate={onNavigate} />);
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    await waitFor(() => expect(notes.map((n) => n.id).sort()).toEqual(['a', 'b']));
    expect(trash).toHaveLength(0);
    expect(onNavigate).toHaveBeenLastCalledWith({ view: 'notes', path: null, slug: null, noteId: 'a' });
    await waitFor(() => expect(screen.queryByText(/Moved “Alpha” to Trash/)).toBeNull());
  });
});

describe('Trash from the notes pane', () => {
  const topic: Topic = { id: 'docs/a.md#setup', docPath: 'docs/a.md', slug: 'setup', title: 'Setup', depth: 2, parentId: null, line: 3 };

  it('Move to Trash then Undo restores the topic’s note and opens it again', async () => {
    const { api, notes } = notesStore([note('n1', 'Env vars', topic.id)]);
    render(<NotesPane api={api} topic={topic} onClose={() => undefined} />);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('Env vars'));
    fireEvent.click(screen.getByRole('button', { name: 'Move to Trash' }));
    await screen.findByText(/Moved “Env vars” to Trash/);
    expect(screen.queryByLabelText('Note title')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('Env vars'));
    expect(notes.map((n) => n.id)).toEqual(['n1']);
  });
});
