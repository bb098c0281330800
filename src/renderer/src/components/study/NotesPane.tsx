import { useCallback, useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { Note, NoteListItem } from '../../../../core/api/studyApi';
import type { Topic } from '../../../../core/hub/types';
import { BoundedText } from '../BoundedText';
import { ConflictBadge, ConflictBar } from '../sync/ConflictBar';
import { NoteEditorPanel } from './NoteEditorPanel';
import { type Trashed, TrashedNotice } from './TrashedNotice';

type Props = {
  api: StudyApi;
  topic: Topic | null;
  onClose: () => void;
  /** Push events: a finished sync may have brought notes down, so the list is read again. */
  events?: EventSource;
  delayMs?: number;
  retryMs?: number;
};

/** Which note the pane edits: an existing one, a new draft, or none chosen yet. */
type Selection = { kind: 'note'; id: string } | { kind: 'new'; n: number } | { kind: 'none' };

/** The notes pane beside the reader: the current topic's notes, editable in place. */
export function NotesPane({ api, topic, onClose, events, delayMs, retryMs }: Props) {
  const topicId = topic?.id ?? null;
  const [notes, setNotes] = useState<NoteListItem[] | null>(null);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  // Bumped when a sync conflict is resolved or a sync finishes: the list is read again.
  const [reload, setReload] = useState(0);
  const [trashed, setTrashed] = useState<Trashed | null>(null);

  useEffect(() => {
    if (events === undefined) {
      return undefined;
    }
    // The list is re-read in place (no blank state) so an open editor is not unmounted mid-typing.
    return events.subscribe((event) => {
      if (event.type === 'sync.finished') {
        setReload((n) => n + 1);
      }
    });
  }, [events]);

  if (loadedFor !== topicId) {
    setLoadedFor(topicId);
    setNotes(null);
    setSelection({ kind: 'none' });
    setTrashed(null);
  }

  useEffect(() => {
    if (topicId === null) {
      return undefined;
    }
    let live = true;
    void api['notes.list']({ topicId }).then((res) => {
      if (!live) {
        return;
      }
      if (res.ok) {
        setNotes(res.value.notes);
        const first = res.value.notes[0];
        const list = res.value.notes;
        // A note a sync removed is no longer selected; the first one is shown instead.
        const gone = (s: Selection): boolean => s.kind === 'note' && !list.some((n) => n.id === s.id);
        setSelection((s) => (s.kind === 'none' || gone(s) ? (first !== undefined ? { kind: 'note', id: first.id } : { kind: 'none' }) : s));
      } else {
        setError(res.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [api, topicId, reload]);

  const onSaved = useCallback((note: Note) => {
    setNotes((prev) => {
      const item = { ...note, orphaned: false };
      const list = prev ?? [];
      return list.some((n) => n.id === note.id) ? list.map((n) => (n.id === note.id ? item : n)) : [item, ...list];
    });
  }, []);
  const onDeleted = useCallback((id: string, title: string) => {
    setNotes((prev) => (prev ?? []).filter((n) => n.id !== id));
    setSelection({ kind: 'none' });
    setTrashed(id !== '' ? { id, title } : null);
  }, []);
  const onRestored = (note: Note): void => {
    setTrashed(null);
    onSaved(note);
    setSelection({ kind: 'note', id: note.id });
  };

  const selected = selection.kind === 'note' ? (notes?.find((n) => n.id === selection.id) ?? null) : null;
  return (
    <aside className="notes-pane" aria-label="Notes for this topic">
      <div className="notes-pane-head">
        <h2>Notes</h2>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => setSelection((s) => ({ kind: 'new', n: s.kind === 'new' ? s.n + 1 : 1 }))}
          disabled={topic === null}
        >
          New note
        </button>
        <button type="button" aria-label="Close notes" onClick={onClose}>
          ×
        </button>
      </div>
      {topic === null ? (
        <p className="muted">Open a doc to take notes on its topics.</p>
      ) : (
        <>
          <p className="notes-topic">
            on <strong>{topic.title}</strong>
          </p>
          {error !== null && (
            <p className="error" role="alert">
              <BoundedText text={error} />
            </p>
          )}
          {trashed !== null && <TrashedNotice api={api} trashed={trashed} onRestored={onRestored} onClose={() => setTrashed(null)} />}
          {notes !== null && notes.length > 1 && (
            <ul className="notes-pane-list">
              {notes.map((n) => (
                <li key={n.id}>
                  <button type="button" aria-current={selected?.id === n.id} onClick={() => setSelection({ kind: 'note', id: n.id })}>
                    {n.title || 'Untitled note'} <ConflictBadge note={n} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {/* A new note keeps its panel after the first save, so typing is never interrupted. */}
          {notes !== null && notes.length === 0 && selection.kind === 'none' && (
            <p className="muted">No notes on this topic yet. Press “New note” to write one.</p>
          )}
          {selection.kind === 'new' && (
            <NoteEditorPanel
              key={`new-${topicId}-${selection.n}`}
              api={api}
              note={null}
              topicId={topicId}
              onSaved={onSaved}
              onDeleted={onDeleted}
              delayMs={delayMs}
              retryMs={retryMs}
            />
          )}
          {selected !== null && (
            <ConflictBar
              api={api}
              noteId={selected.id}
              onResolved={(_pair, keep) => {
                setSelection(keep === 'both' ? { kind: 'note', id: selected.id } : { kind: 'none' });
                setNotes(null);
                setReload((n) => n + 1);
              }}
            />
          )}
          {selected !== null && (
            <NoteEditorPanel
              key={selected.id}
              api={api}
              note={selected}
              topicId={topicId}
              onSaved={onSaved}
              onDeleted={onDeleted}
              delayMs={delayMs}
              retryMs={retryMs}
            />
          )}
        </>
      )}
    </aside>
  );
}
