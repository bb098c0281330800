import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../src/core/api/studyApi';
import type { Topic } from '../../../src/core/hub/types';
import { NotesPane } from '../../../src/renderer/src/components/study/NotesPane';
import { fakeApi } from '../fakeApi';

const topic: Topic = { id: 'docs/a.md#setup', docPath: 'docs/a.md', slug: 'setup', title: 'Setup', depth: 2, parentId: null, line: 3 };

function notesApi(initial: Note[] = []) {
  const notes = [...initial];
  let n = 0;
  return {
    notes,
    api: fakeApi({
      'notes.list': ({ topicId }) => ({
        notes: notes.filter((x) => topicId === undefined || x.topicId === topicId).map((x) => ({ ...x, orphaned: false })),
        tags: [],
      }),
      'notes.save': (input) => {
        const now = new Date().toISOString();
        const existing = notes.find((x) => x.id === input.id);
        const note: Note = {
          id: input.id ?? `n${++n}`,
          topicId: input.topicId,
          topicTitle: 'Setup',
          title: input.title,
          body: input.body,
          tags: input.tags,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (existing !== undefined) {
          notes.splice(notes.indexOf(existing), 1, note);
        } else {
          notes.push(note);
        }
        return note;
      },
      'notes.delete': ({ id }) => {
        const i = notes.findIndex((x) => x.id === id);
        notes.splice(i, 1);
        return { deleted: i >= 0 };
      },
    }),
  };
}

afterEach(cleanup);

describe('NotesPane', () => {
  it('creates a note for the topic and autosaves it after a pause, as one note', async () => {
    const { api, notes } = notesApi();
    render(<NotesPane api={api} topic={topic} onClose={() => undefined} delayMs={30} />);
    await screen.findByText(/No notes on this topic yet/);
    fireEvent.click(screen.getByRole('button', { name: 'New note' }));
    // A real CodeMirror editor is mounted for the body.
    expect(document.querySelector('.cm-editor .cm-content')).not.toBeNull();
    const title = screen.getByLabelText('Note title');
    fireEvent.change(title, { target: { value: 'Env' } });
    fireEvent.change(title, { target: { value: 'Env vars' } });
    expect(screen.getByRole('status').textContent).toBe('Editing…');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(api.calls.filter(([m]) => m === 'notes.save')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'django, setup' } });
    await waitFor(() => expect(notes[0]?.tags).toEqual(['django', 'setup']));
    // The second save updates the same note.
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ topicId: 'docs/a.md#setup', title: 'Env vars' });
  });

  it('flushes at once on blur and on pagehide, without waiting for the delay', async () => {
    const { api, notes } = notesApi();
    render(<NotesPane api={api} topic={topic} onClose={() => undefined} delayMs={60_000} />);
    await screen.findByText(/No notes on this topic yet/);
    fireEvent.click(screen.getByRole('button', { name: 'New note' }));
    const title = screen.getByLabelText('Note title');
    fireEvent.change(title, { target: { value: 'Blurred' } });
    fireEvent.blur(title);
    await waitFor(() => expect(notes.map((x) => x.title)).toEqual(['Blurred']));
    fireEvent.change(title, { target: { value: 'Hidden' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(notes.map((x) => x.title)).toEqual(['Hidden']));
  });

  it('opens the topic’s existing note with its body in the editor and a sanitised preview', async () => {
    const now = '2024-01-01T00:00:00.000Z';
    const { api } = notesApi([
      {
        id: 'x',
        topicId: topic.id,
        topicTitle: 'Setup',
        title: 'Old',
        body: 'Use **pip**<script>window.__bad = 1</script><img src="https://evil.example/x.png" alt="remote">',
        tags: [],
        createdAt: now,
        updatedAt: now,
      },
    ]);
    render(<NotesPane api={api} topic={topic} onClose={() => undefined} />);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('Old'));
    expect(document.querySelector('.cm-content')?.textContent).toContain('Use **pip**');
    fireEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    const preview = document.querySelector('.note-preview');
    expect(preview?.querySelector('strong')?.textContent).toBe('pip');
    expect(preview?.querySelector('script')).toBeNull();
    expect(preview?.querySelector('img')).toBeNull();
  });

  it('keeps the text and says so when a save fails', async () => {
    const { api } = notesApi([]);
    const failing = new Proxy(api, {
      get: (t, m: string) =>
        m === 'notes.save'
          ? () => Promise.resolve({ ok: false, error: { code: 'io', message: 'the disk is full' } })
          : (t as unknown as Record<string, unknown>)[m],
    });
    render(<NotesPane api={failing} topic={topic} onClose={() => undefined} delayMs={10} />);
    await screen.findByText(/No notes on this topic yet/);
    fireEvent.click(screen.getByRole('button', { name: 'New note' }));
    fireEvent.change(screen.getByLabelText('Note title'), { target: { value: 'Precious' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved yet'));
    expect(screen.getByRole('alert').textContent).toContain('This change is not saved yet. the disk is full');
    expect(screen.getByLabelText<HTMLInputElement>('Note title').value).toBe('Precious');
  });
});
