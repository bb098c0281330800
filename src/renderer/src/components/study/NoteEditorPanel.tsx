import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Note } from '../../../../core/api/studyApi';
import { BoundedText } from '../BoundedText';
import { NoteEditor } from './NoteEditor';
import { NotePreview } from './NotePreview';
import { type NoteDraft, type SaveState, useAutosave } from './useAutosave';

type Props = {
  api: StudyApi;
  /** The note to edit, or null to start a new one. The parent keys this panel by note. */
  note: Note | null;
  topicId: string | null;
  onSaved: (note: Note) => void;
  /** The note went to the Trash (`id` '' for a new note that was never saved). */
  onDeleted: (id: string, title: string) => void;
  /** Autosave delay (tests shorten it). */
  delayMs?: number;
  /** Delay before a failed save is retried (tests shorten it). */
  retryMs?: number;
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
      return s.retrying ? 'Not saved yet — trying again…' : 'Not saved yet';
  }
}

/** Says plainly that the text is not saved yet, why, and that saving goes on. */
function SaveFailed({ message }: { message: string }) {
  return (
    <div className="save-failed" role="alert">
      <strong>This change is not saved yet.</strong> <BoundedText text={message} max={200} /> Your text is kept here and saving is tried
      again every few seconds; keep the app open until it says “Saved”.
    </div>
  );
}

/** Title, tags and a CodeMirror markdown body with a preview; every change is autosaved. */
export function NoteEditorPanel({ api, note, topicId, onSaved, onDeleted, delayMs, retryMs }: Props) {
  const [draft, setDraft] = useState<NoteDraft>({ title: note?.title ?? '', body: note?.body ?? '', tags: note?.tags ?? [] });
  const [tagText, setTagText] = useState((note?.tags ?? []).join(', '));
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const save = useAutosave(api, note?.id, topicId, onSaved, delayMs, retryMs);

  const update = (patch: Partial<NoteDraft>): void => {
    const next = { ...draft, ...patch };
    setDraft(next);
    save.change(next);
  };
  const flush = (): void => void save.flush();

  const remove = async (): Promise<void> => {
    setDeleteError(null);
    // Saves stop first, so no autosave lands after the note went to the Trash.
    await save.discard();
    const id = save.noteId();
    if (id === undefined) {
      onDeleted('', draft.title);
      return;
    }
    const res = await api['notes.delete']({ id });
    if (res.ok) {
      onDeleted(id, draft.title);
    } else if (!save.created()) {
      // A create that never landed: there is nothing to move to the Trash.
      onDeleted('', draft.title);
    } else {
      setDeleteError(res.error.message);
    }
  };

  return (
    <div className="note-panel">
      <input
        className="note-title"
        aria-label="Note title"
        placeholder="Title"
        value={draft.title}
        onChange={(e) => update({ title: e.target.value })}
        onBlur={flush}
      />
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
      {save.state.kind === 'error' && <SaveFailed message={save.state.message} />}
      {/* The editor stays mounted while previewing so its undo history survives. */}
      <div hidden={tab !== 'edit'}>
        <NoteEditor initial={draft.body} label="Note text" onChange={(body) => update({ body })} onBlur={flush} />
      </div>
      {tab === 'preview' && <NotePreview api={api} markdown={draft.body} />}
      <div className="note-actions">
        <button type="button" onClick={() => void remove()} title="Deleted notes stay in the Trash for 30 days">
          Move to Trash
        </button>
        {deleteError !== null && (
          <span className="error" role="alert">
            Not moved to the Trash: <BoundedText text={deleteError} />
          </span>
        )}
      </div>
    </div>
  );
}
