import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Note } from '../../../../core/api/studyApi';
import { NoteEditor } from './NoteEditor';
import { NotePreview } from './NotePreview';
import { type NoteDraft, type SaveState, useAutosave } from './useAutosave';

type Props = {
  api: StudyApi;
  /** The note to edit, or null to start a new one. The parent keys this panel by note. */
  note: Note | null;
  topicId: string | null;
  onSaved: (note: Note) => void;
  onDeleted: (id: string) => void;
  /** Autosave delay (tests shorten it). */
  delayMs?: number;
};

const parseTags = (text: string): string[] => text.split(/[,\s]+/).filter((t) => t !== '');

function statusText(s: SaveState): string {
  switch (s.kind) {
    case 'saved':
      return 'Saved';
    case 'dirty':
      return 'Editing…';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${s.message}`;
  }
}

/** Title, tags and a CodeMirror markdown body with a preview; every change is autosaved. */
export function NoteEditorPanel({ api, note, topicId, onSaved, onDeleted, delayMs }: Props) {
  const [draft, setDraft] = useState<NoteDraft>({ title: note?.title ?? '', body: note?.body ?? '', tags: note?.tags ?? [] });
  const [tagText, setTagText] = useState((note?.tags ?? []).join(', '));
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useAutosave(api, note?.id, topicId, onSaved, delayMs);

  const update = (patch: Partial<NoteDraft>): void => {
    const next = { ...draft, ...patch };
    setDraft(next);
    save.change(next);
  };
  const flush = (): void => void save.flush();

  const remove = async (): Promise<void> => {
    const id = save.noteId();
    if (id === undefined) {
      onDeleted('');
      return;
    }
    const res = await api['notes.delete']({ id });
    if (res.ok) {
      onDeleted(id);
    }
  };

  return (
    <div className="note-panel">
      <input className="note-title" aria-label="Note title" placeholder="Title" value={draft.title} onChange={(e) => update({ title: e.target.value })} onBlur={flush} />
      <input
        className="note-tags"
        aria-label="Tags"
        placeholder="tags, comma separated"
        value={tagText}
        onChange={(e) => {
          setTagText(e.target.value);
          update({ tags: parseTags(e.target.value) });
        }}
        onBlur={flush}
      />
      <div className="note-tabs" role="tablist" aria-label="Note view">
        <button type="button" role="tab" aria-selected={tab === 'edit'} onClick={() => setTab('edit')}>
          Write
        </button>
        <button type="button" role="tab" aria-selected={tab === 'preview'} onClick={() => setTab('preview')}>
          Preview
        </button>
        <span className="spacer" />
        <span className={`save-state save-${save.state.kind}`} role="status" aria-live="polite">
          {statusText(save.state)}
        </span>
      </div>
      {/* The editor stays mounted while previewing so its undo history survives. */}
      <div hidden={tab !== 'edit'}>
        <NoteEditor initial={draft.body} label="Note text" onChange={(body) => update({ body })} onBlur={flush} />
      </div>
      {tab === 'preview' && <NotePreview api={api} markdown={draft.body} />}
      <div className="note-actions">
        {confirmDelete ? (
          <>
            <span>Delete this note?</span>
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete note…
          </button>
        )}
      </div>
    </div>
  );
}
