import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudyApi } from '../../../src/core/api/contract';
import type { Note } from '../../../src/core/api/studyApi';
import { NotesView } from '../../../src/renderer/src/components/study/NotesView';
import { FakeFailure, fakeApi } from '../fakeApi';
import { notesStore } from './notesFakes';

afterEach(cleanup);

const saveArgs = (api: { calls: Array<[string, unknown]> }): Array<{ id?: string; create?: boolean; title: string }> =>
  api.calls.filter(([m]) => m === 'notes.save').map(([, a]) => a as { id?: string; create?: boolean; title: string });

describe('autosave of a new note (issue 12: a full disk turns one note into seven)', () => {
  it('retries a failed create with the same client-made id and create: true, and ends with exactly one note', async () => {
    const { api, notes, savedIds } = notesStore([], { failSaves: 3 });
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} delayMs={5} retryMs={20} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Precious' } });

    // The failure is said plainly: the change is not saved yet, and saving goes on.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This change is not saved yet.');
    expect(alert.textContent).toContain('the disk is full');
    expect(screen.getByRole('status').textContent).toMatch(/^Not saved yet/);
    expect(notes).toHaveLength(0);

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), { timeout: 3000 });
    expect(screen.queryByText('This change is not saved yet.')).toBeNull();
    const ids = savedIds();
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(saveArgs(api).every((a) => a.create === true)).toBe(true);
    expect(notes.map((n) => [n.id, n.title])).toEqual([[ids[0], 'Precious']]);

    // Once the note exists, later saves update it (no create flag, same id).
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Precious, edited' } });
    await waitFor(() => expect(notes[0]?.title).toBe('Precious, edited'));
    const last = saveArgs(api).at(-1);
    expect(last).toMatchObject({ id: ids[0], title: 'Precious, edited' });
    expect(last?.create).toBeUndefined();
    expect(notes).toHaveLength(1);
  });

  it('a create that landed although its answer was lost is retried under the same id, so it is still one note', async () => {
    const notes: Note[] = [];
    let lose = 2;
    const api = fakeApi({
      'notes.list': () => ({ notes: notes.map((n) => ({ ...n, orphaned: false })), tags: [] }),
      'notes.save': (input) => {
        const at = '2025-03-01T10:00:00.000Z';
        const note: Note = {
          id: input.id ?? `server-${notes.length + 1}`,
          topicId: input.topicId,
          topicTitle: null,
          title: input.title,
          body: input.body,
          tags: input.tags,
          createdAt: at,
          updatedAt: at,
        };
        const i = notes.findIndex((n) => n.id === note.id);
        if (i >= 0) {
          notes.splice(i, 1, note);
        } else {
          notes.push(note);
        }
        if (lose > 0) {
          lose -= 1;
          throw new FakeFailure('unavailable', "The app's back end is not reachable.");
        }
        return note;
      },
    });
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} delayMs={5} retryMs={20} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Twice sent' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), { timeout: 3000 });
    expect(saveArgs(api)).toHaveLength(3);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toBe('Twice sent');
  });

  it('moving a new note that never saved to the Trash drops it: no save lands afterwards', async () => {
    // The disk has room again after the first failure; only the retry (not due yet) or a flush could land the note.
    const { api, notes, trash } = notesStore([], { failSaves: 1 });
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} delayMs={5} retryMs={60_000} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Scratch' } });
    await screen.findByText('This change is not saved yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Move to Trash' }));
    await screen.findByText('Choose a note, or write a free note.');
    const saves = saveArgs(api).length;
    await new Promise((r) => setTimeout(r, 80));
    expect(saveArgs(api)).toHaveLength(saves);
    expect(notes).toHaveLength(0);
    expect(trash).toHaveLength(0);
    // Nothing was in the Trash to undo.
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

/** Wraps `api` so the first `hold` notes.save answers wait until `release()` (a slow disk, a busy back end). */
function slowFirstSaves(api: StudyApi, hold: number): { api: StudyApi; release: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let held = 0;
  const slow = new Proxy(api, {
    get: (target, method: string) => {
      const real = (target as unknown as Record<string, (a: unknown) => Promise<unknown>>)[method];
      if (method !== 'notes.save' || real === undefined) {
        return real;
      }
      return (args: unknown) => {
        // The call reaches the back end now; only its answer is late.
        const answer = real(args);
        return held++ < hold ? gate.then(() => answer) : answer;
      };
    },
  });
  return { api: slow, release: open };
}

describe('closing the window with text not saved yet (issue 12: quit loses a pending save)', () => {
  it.each(['beforeunload', 'pagehide'])('%s sends the typed text at once, before the autosave delay', async (type) => {
    const { api, notes } = notesStore([]);
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} delayMs={60_000} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Typed just before closing' } });
    expect(saveArgs(api)).toHaveLength(0);
    // The save must be sent within the event itself: nothing after it is sure to run.
    window.dispatchEvent(new Event(type));
    expect(saveArgs(api)).toEqual([expect.objectContaining({ create: true, title: 'Typed just before closing' })]);
    await waitFor(() => expect(notes.map((n) => n.title)).toEqual(['Typed just before closing']));
    // The pending autosave was replaced, not kept: one save in all.
    expect(saveArgs(api)).toHaveLength(1);
  });

  it('sends the newest text at once even while an earlier save is still under way', async () => {
    const store = notesStore([]);
    const { api, release } = slowFirstSaves(store.api, 1);
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} delayMs={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'First words' } });
    await waitFor(() => expect(saveArgs(store.api)).toHaveLength(1));
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    // More is typed, then the window closes before the first save has answered.
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'First words and the last ones' } });
    window.dispatchEvent(new Event('pagehide'));
    const args = saveArgs(store.api);
    expect(args).toHaveLength(2);
    // Still a create of the same id (the first is not confirmed yet), so it cannot make a second note.
    expect(args[1]).toMatchObject({ id: args[0]?.id, create: true, title: 'First words and the last ones' });
    expect(store.notes.map((n) => n.title)).toEqual(['First words and the last ones']);
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(store.notes).toHaveLength(1);
    expect(saveArgs(store.api)).toHaveLength(2);
  });

  it('sends nothing when there is nothing new', async () => {
    const { api } = notesStore([]);
    render(<NotesView api={api} noteId={null} onNavigate={() => undefined} delayMs={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'New free note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Saved already' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    window.dispatchEvent(new Event('beforeunload'));
    window.dispatchEvent(new Event('pagehide'));
    expect(saveArgs(api)).toHaveLength(1);
  });
});
