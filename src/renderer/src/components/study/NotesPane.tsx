import { useCallback, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { Note, NoteListItem } from '../../../../core/api/studyApi';
import type { Topic } from '../../../../core/hub/types';
import { BoundedText } from '../BoundedText';
import { ConflictBadge, ConflictBar } from '../sync/ConflictBar';
import { NoteEditorPanel } from './NoteEditorPanel';
import { type Trashed, TrashedNotice } from './TrashedNotice';
import { useApi } from '../../api/useApi';
import { useEventCount } from '../../api/useEventCount';
import { useLocalEdits } from '../../api/useLocalEdits';

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
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [trashed, setTrashed] = useState<Trashed | null>(null);
  // Read again in place (no blank state) after a sync, so an open editor is not unmounted mid-typing.
  const list = useApi(api, 'notes.list', topicId === null ? null : { topicId }, useEventCount(events, 'sync.finished'));
  const [notes, setNotes] = useLocalEdits<NoteListItem[] | null>(list.value?.notes ?? null);
  const error = list.error?.message ?? null;

  if (loadedFor !== topicId) {
    setLoadedFor(topicId);
    setSelection({ kind: 'none' });
    setTrashed(null);
  }
  // Each read of the list: a note a sync removed is no longer selected; the first one is shown instead.
  const [seen, setSeen] = useState<NoteListItem[] | undefined>(undefined);
  if (list.value !== undefined && list.value.notes !== seen) {
    const read = list.value.notes;
    setSeen(read);
    const first = read[0];
    const gone = selection.kind === 'note' && !read.some((n) => n.id === selection.id);
    if (selection.kind === 'none' || gone) {
      setSelection(first !== undefined ? { kind: 'note', id: first.id } : { kind: 'none' });
    }
  }

  const onSaved = useCallback((note: Note) => {
    setNotes((prev) => {
      const item = { ...note, orphaned: false };
      const list = prev ?? [];
      return list.some((n) => n.id === note.id) ? list.map((n) => (n.id === note.id ? item : n)) : [item, ...list];
    });
  }, [setNotes]);
  const onDeleted = useCallback((id: string, title: string) => {
    setNotes((prev) => (prev ?? []).filter((n) => n.id !== id));
    setSelection({ kind: 'none' });
    setTrashed(id !== '' ? { id, title } : null);
  }, [setNotes]);
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
                setNotes(() => null);
                list.reload();
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
