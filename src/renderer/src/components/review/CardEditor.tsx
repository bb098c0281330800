import { useState } from 'react';

type Props = {
  question: string;
  answer: string;
  /** The label of the save button ("Save", "Accept"). */
  saveLabel: string;
  onSave: (question: string, answer: string) => void;
  onCancel: () => void;
};

/** Edits a card's question and answer (markdown). Escape cancels. */
export function CardEditor({ question, answer, saveLabel, onSave, onCancel }: Props) {
  const [q, setQ] = useState(question);
  const [a, setA] = useState(answer);
  return (
    <form
      className="card-maker"
      aria-label="Edit card"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim() !== '') {
          onSave(q, a);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          onCancel();
        }
      }}
    >
      <label>
        Question
        <input value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label>
        Answer (markdown)
        <textarea rows={4} value={a} onChange={(e) => setA(e.target.value)} />
      </label>
      <div className="card-maker-actions">
        <button type="submit" className="primary" disabled={q.trim() === ''}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
