import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { NoteListItem } from '../../../../core/api/studyApi';
import type { Topic } from '../../../../core/hub/types';
import './review.css';
import { BoundedText } from '../BoundedText';

type Props = { api: StudyApi; topic: Topic | null; onCreated?: () => void };

type Draft = { question: string; answer: string; source: 'note' | 'passage' | 'manual'; noteId: string | null };

/** The text selected in the reader, if any. */
function selectedPassage(): string {
  const sel = window.getSelection();
  const text = sel?.toString().trim() ?? '';
  const node = sel?.anchorNode ?? null;
  const el = node === null ? null : node instanceof Element ? node : node.parentElement;
  const inReader = el !== null && el.closest('.reader') !== null;
  return inReader ? text : '';
}

/**
 * "Make a card" for the topic being read: from the selected passage (the answer), from one of the
 * topic's notes (title -> question, body -> answer), or typed by hand.
 */
export function CardMaker({ api, topic, onCreated }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notes, setNotes] = useState<NoteListItem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const open = (passage: string): void => {
    setMessage(null);
    setDraft({ question: '', answer: passage, source: passage !== '' ? 'passage' : 'manual', noteId: null });
    if (topic !== null) {
      void api['notes.list']({ topicId: topic.id }).then((res) => setNotes(res.ok ? res.value.notes : []));
    }
  };
  const fromNote = (id: string): void => {
    const n = notes.find((x) => x.id === id);
    if (n !== undefined) {
      setDraft({ question: n.title !== '' ? `${n.title}?` : '', answer: n.body, source: 'note', noteId: n.id });
    }
  };
  const save = async (): Promise<void> => {
    if (draft === null || draft.question.trim() === '') {
      setMessage('Write a question first.');
      return;
    }
    const res = await api['review.createCard']({ topicId: topic?.id ?? null, question: draft.question, answer: draft.answer, source: draft.source, noteId: draft.noteId });
    if (res.ok) {
      setDraft(null);
      setMessage('Card added to your review.');
      onCreated?.();
    } else {
      setMessage(res.error.message);
    }
  };
  if (draft === null) {
    return (
      <div className="review-toolbar">
        {/* The selection is read on mousedown, before the click can move focus. */}
        <button type="button" title="Make a review card from the selected passage, a note, or by hand" onMouseDown={(e) => e.currentTarget.setAttribute('data-passage', selectedPassage())} onClick={(e) => open(e.currentTarget.getAttribute('data-passage') ?? selectedPassage())}>
          Make a card
        </button>
        {message !== null && <span className="muted" role="status">{message}</span>}
      </div>
    );
  }
  return (
    <form
      className="card-maker"
      aria-label="Make a review card"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setDraft(null);
        }
      }}
    >
      {notes.length > 0 && (
        <label>
          From a note
          <select value={draft.noteId ?? ''} onChange={(e) => fromNote(e.target.value)}>
            <option value="">—</option>
            {notes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title || '(untitled)'}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Question
        <input autoFocus value={draft.question} onChange={(e) => setDraft({ ...draft, question: e.target.value })} placeholder="What should you be able to recall?" />
      </label>
      <label>
        Answer (markdown)
        <textarea rows={4} value={draft.answer} onChange={(e) => setDraft({ ...draft, answer: e.target.value })} />
      </label>
      <div className="card-maker-actions">
        <button type="submit" className="primary">
          Add card
        </button>
        <button type="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
        {message !== null && <span className="save-error" role="alert">
            <BoundedText text={message} />
          </span>}
        <span className="muted">{topic !== null ? `Belongs to “${topic.title}”.` : 'A free card.'}</span>
      </div>
    </form>
  );
}
