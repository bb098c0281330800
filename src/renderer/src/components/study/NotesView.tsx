import { useCallback, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { Note, NoteListItem } from '../../../../core/api/studyApi';
import type { Route } from '../../route';
import { useApi } from '../../api/useApi';
import { useEventCount } from '../../api/useEventCount';
import { useLocalEdits } from '../../api/useLocalEdits';
import { ConflictBadge, ConflictBar } from '../sync/ConflictBar';
import { ExportButton } from './ExportButton';
import { NoteEditorPanel } from './NoteEditorPanel';
import { type Trashed, TrashedNotice } from './TrashedNotice';
import { TrashList } from './TrashList';

type Props = {
  api: StudyApi;
  noteId: string | null;
  onNavigate: (route: Route) => void;
  /** Push events: a finished sync may have brought notes down or deleted some, so the lists are read again. */
  events?: EventSource;
  /** Autosave and retry delays (tests shorten them). */
  delayMs?: number;
  retryMs?: number;
};
type Sort = 'updated' | 'created' | 'title';
const NO_NOTES: NoteListItem[] = [];

/** All notes: search, tag filter, sort, orphaned notes with their old heading, free notes, the Trash. */
export function NotesView({ api, noteId, onNavigate, events, delayMs, retryMs }: Props) {
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<Sort>('updated');
  const [orphanedOnly, setOrphanedOnly] = useState(false);
  const [creating, setCreating] = useState(0);
  const [reload, setReload] = useState(0);
  const [showTrash, setShowTrash] = useState(false);
  const [trashed, setTrashed] = useState<Trashed | null>(null);
  // Read again in place (no blank state) after a sync, so an open editor is not unmounted mid-typing.
  const syncs = useEventCount(events, 'sync.finished');
  const list = useApi(api, 'notes.list', { text, sort, orphanedOnly, ...(tag !== '' ? { tag } : {}) }, `${syncs}:${reload}`, { keepPrevious: true });
  const [notes, setNotes] = useLocalEdits(list.value?.notes ?? NO_NOTES);
  const tags = list.value?.tags ?? [];

  const selected = notes.find((n) => n.id === noteId) ?? null;
  const select = (id: string | null): void => onNavigate({ view: 'notes', path: null, slug: null, noteId: id });
  const onSaved = useCallback((note: Note) => {
    setNotes((prev) => prev.map((n) => (n.id === note.id ? { ...n, ...note } : n)));
  }, [setNotes]);
  const onCreated = useCallback((note: Note) => {
    setNotes((prev) =>
      prev.some((n) => n.id === note.id)
        ? prev.map((n) => (n.id === note.id ? { ...n, ...note } : n))
        : [{ ...note, orphaned: false }, ...prev],
    );
  }, [setNotes]);
  const onResolved = (): void => {
    setCreating(0);
    select(null);
    setReload((n) => n + 1);
  };
  const onDeleted = (id: string, title: string): void => {
    onResolved();
    setTrashed(id !== '' ? { id, title } : null);
  };
  // Back from the Trash (Undo or Restore): the note is listed and opened again.
  const onRestored = (note: Note): void => {
    setTrashed(null);
    setShowTrash(false);
    setCreating(0);
    setReload((n) => n + 1);
    select(note.id);
  };

  return (
    <section className="notes-view" aria-label="All notes">
      <div className="notes-list-col">
        <div className="notes-filters">
          <input
            type="search"
            aria-label="Search notes"
            placeholder="Search notes"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <select aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </select>
          <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="updated">Last edited</option>
            <option value="created">Created</option>
            <option value="title">Title</option>
          </select>
          <label>
            <input type="checkbox" checked={orphanedOnly} onChange={(e) => setOrphanedOnly(e.target.checked)} /> Orphaned only
          </label>
        </div>
        <div className="notes-list-actions">
          <button
            type="button"
            onClick={() => {
              select(null);
              setCreating((n) => n + 1);
            }}
          >
            New free note
          </button>
          <button
            type="button"
            aria-pressed={showTrash}
            onClick={() => {
              setShowTrash((t) => !t);
              setCreating(0);
              select(null);
            }}
          >
            Trash
          </button>
          <ExportButton api={api} />
        </div>
        {trashed !== null && <TrashedNotice api={api} trashed={trashed} onRestored={onRestored} onClose={() => setTrashed(null)} />}
        {showTrash && <TrashList api={api} events={events} onRestored={onRestored} />}
        <ul className="notes-list" aria-label="Notes" hidden={showTrash}>
          {notes.length === 0 && <li className="muted">No notes match.</li>}
          {notes.map((n) => (
            <li key={n.id} className={n.id === noteId ? 'active' : undefined}>
              <button
                type="button"
                className="note-item"
                aria-current={n.id === noteId}
                onClick={() => {
                  setCreating(0);
                  select(n.id);
                }}
              >
                <span className="note-item-title">{n.title || 'Untitled note'}</span>
                <span className="note-item-topic muted">
                  {n.topicId === null
                    ? 'Free note'
                    : n.orphaned
                      ? `Orphaned — was under “${n.topicTitle ?? n.topicId}”`
                      : (n.topicTitle ?? n.topicId)}
                </span>
                {n.tags.length > 0 && <span className="note-item-tags">{n.tags.map((t) => `#${t}`).join(' ')}</span>}
                <ConflictBadge note={n} />
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="notes-edit-col">
        {showTrash ? (
          <p className="muted">
            Restore a note to read or edit it again. Notes deleted on another machine are here too, so a sync never loses one silently.
          </p>
        ) : creating > 0 ? (
          <NoteEditorPanel
            key={`free-${creating}`}
            api={api}
            note={null}
            topicId={null}
            onSaved={onCreated}
            onDeleted={onDeleted}
            delayMs={delayMs}
            retryMs={retryMs}
          />
        ) : selected !== null ? (
          <>
            {selected.topicId !== null && !selected.orphaned && (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  onNavigate({ view: 'read', path: selected.topicId?.split('#')[0] ?? null, slug: selected.topicId?.split('#')[1] ?? null })
                }
              >
                Open “{selected.topicTitle ?? selected.topicId}” →
              </button>
            )}
            {selected.orphaned && (
              <p className="doc-warnings">
                This note’s topic (“{selected.topicTitle ?? selected.topicId}”) is no longer in the hub. The note is kept.
              </p>
            )}
            <ConflictBar api={api} noteId={selected.id} onResolved={onResolved} />
            <NoteEditorPanel
              key={selected.id}
              api={api}
              note={selected}
              topicId={selected.topicId}
              onSaved={onSaved}
              onDeleted={onDeleted}
              delayMs={delayMs}
              retryMs={retryMs}
            />
          </>
        ) : (
          <p className="muted">Choose a note, or write a free note.</p>
        )}
      </div>
    </section>
  );
}
