import { useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { NoteListItem } from '../../../../core/api/studyApi';
import type { Topic } from '../../../../core/hub/types';
import { makeCloze } from '../../../../core/review/cloze';
import './review.css';
import { BoundedText } from '../BoundedText';
import { type Capture, captureSelection, restoreSelection } from './selection';

type Props = { api: StudyApi; topic: Topic | null; onCreated?: () => void };

type Draft = { question: string; answer: string; source: 'note' | 'passage' | 'manual' | 'cloze'; noteId: string | null };

/**
 * "Make a card" and "Make a cloze" for the passage selected in the reader. The card belongs to the
 * topic where the selection is (not the one scrolled to); the form floats over the reader, so the
 * page does not move, and the selection and scroll position come back when it closes.
 */
export function CardMaker({ api, topic, onCreated }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notes, setNotes] = useState<NoteListItem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const captured = useRef<Capture | null>(null);
  const questionRef = useRef<HTMLInputElement>(null);
  // Counts openings: the form takes focus once per opening, not on every keystroke.
  const [opened, setOpened] = useState(0);

  useEffect(() => {
    if (opened === 0) {
      return;
    }
    // Focus without scrolling the reader to the form.
    questionRef.current?.focus({ preventScroll: true });
    captured.current?.restoreScroll();
  }, [opened]);

  // The topic the card will belong to: where the selection was when the form opened.
  const [ownerTopic, setOwnerTopic] = useState<{ id: string; title: string } | null>(null);
  const owner = (): { id: string; title: string } | null => ownerTopic;

  const open = (kind: 'card' | 'cloze', capture: Capture): void => {
    captured.current = capture;
    setMessage(null);
    if (kind === 'cloze') {
      const cloze = makeCloze(capture.block, capture.passage, capture.offset);
      if (cloze === null) {
        setMessage('Select the words to hide inside a passage of the reader first.');
        return;
      }
      setDraft({ question: cloze.question, answer: cloze.answer, source: 'cloze', noteId: null });
    } else {
      setDraft({ question: '', answer: capture.passage, source: capture.passage !== '' ? 'passage' : 'manual', noteId: null });
    }
    setOpened((n) => n + 1);
    setOwnerTopic(capture.topic ?? (topic !== null ? { id: topic.id, title: topic.title } : null));
    const topicId = capture.topic?.id ?? topic?.id ?? null;
    if (topicId !== null) {
      void api['notes.list']({ topicId }).then((res) => setNotes(res.ok ? res.value.notes : []));
    }
  };
  const close = (): void => {
    setDraft(null);
    const c = captured.current;
    // After React removed the form: the reader's scroll and selection as they were.
    requestAnimationFrame(() => {
      c?.restoreScroll();
      restoreSelection(c);
    });
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
    const res = await api['review.createCard']({ topicId: owner()?.id ?? null, question: draft.question, answer: draft.answer, source: draft.source, noteId: draft.noteId });
    if (res.ok) {
      close();
      setMessage(`Card added to “${owner()?.title ?? 'your cards'}”.`);
      onCreated?.();
    } else {
      setMessage(res.error.message);
    }
  };
  // The selection is read on mousedown, before the click can move focus or clear it.
  const grab = (e: React.MouseEvent<HTMLButtonElement>): void => {
    captured.current = captureSelection(topic);
    e.currentTarget.dataset['captured'] = '1';
  };
  const current = (e: React.MouseEvent<HTMLButtonElement>): Capture => {
    const fresh = e.currentTarget.dataset['captured'] === '1' && captured.current !== null ? captured.current : captureSelection(topic);
    delete e.currentTarget.dataset['captured'];
    return fresh;
  };
  const toolbar = (
    <div className="review-toolbar">
      <button type="button" title="Make a review card from the selected passage, a note, or by hand" onMouseDown={grab} onClick={(e) => open('card', current(e))}>
        Make a card
      </button>
      <button type="button" title="Hide the selected words of a passage: they become the blank to recall" onMouseDown={grab} onClick={(e) => open('cloze', current(e))}>
        Make a cloze
      </button>
      {message !== null && draft === null && (
        <span className="muted" role="status">
          {message}
        </span>
      )}
    </div>
  );
  if (draft === null) {
    return toolbar;
  }
  return (
    <>
      {toolbar}
      <form
        className="card-maker card-maker-floating"
        aria-label={draft.source === 'cloze' ? 'Make a cloze card' : 'Make a review card'}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            close();
          }
        }}
      >
        {notes.length > 0 && draft.source !== 'cloze' && (
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
          <input ref={questionRef} value={draft.question} onChange={(e) => setDraft({ ...draft, question: e.target.value })} placeholder="What should you be able to recall?" />
        </label>
        <label>
          Answer (markdown)
          <textarea rows={4} value={draft.answer} onChange={(e) => setDraft({ ...draft, answer: e.target.value })} />
        </label>
        <div className="card-maker-actions">
          <button type="submit" className="primary">
            Add card
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
          {message !== null && (
            <span className="save-error" role="alert">
              <BoundedText text={message} />
            </span>
          )}
          <span className="muted" data-testid="card-owner">
            {owner() !== null ? `Belongs to “${owner()?.title ?? ''}”.` : 'A free card.'}
          </span>
        </div>
      </form>
    </>
  );
}
