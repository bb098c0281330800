import { useRef } from 'react';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { boundText } from '../BoundedText';

type Props = {
  /** The notes this sync would delete from the repository (SyncRunResult.pendingDeletions). */
  notes: ReadonlyArray<{ id: string; title: string }>;
  /** Sync again, letting exactly these notes go. */
  onConfirm: () => void;
  /** Nothing changes. */
  onCancel: () => void;
};

/** Titles listed at most (the count says how many there are). */
const LIST_MAX = 500;

/**
 * A sync stopped with `confirm-deletions`: says why, lists what would go, and asks. Cancel has the
 * focus, so Enter or Escape changes nothing; Tab stays inside the dialog.
 */
export function ConfirmDeletionsDialog({ notes, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialog, { onEscape: onCancel, initialFocus: cancel });
  const n = notes.length;
  const noun = n === 1 ? 'note' : 'notes';

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="confirm-deletions"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-deletions-title"
        aria-describedby="confirm-deletions-why"
      >
        <h2 id="confirm-deletions-title">
          Delete {n} {noun} from the repository?
        </h2>
        <div id="confirm-deletions-why">
          <p>
            <strong>This sync would delete most of your notes in the repository</strong>, so it stopped before changing anything.
          </p>
          <p>If you did not delete these notes on this machine, press Cancel: nothing changes and they stay in the repository.</p>
          <p>If you go ahead, the deleted notes stay in the Trash for 30 days on each of your machines, so you can still restore them.</p>
        </div>
        <p className="confirm-deletions-count">
          {n} {noun} would be deleted:
        </p>
        {/* Focusable so the keyboard can scroll a long list. */}
        <ul className="confirm-deletions-list" aria-label={`Notes that would be deleted (${n})`} tabIndex={0}>
          {notes.slice(0, LIST_MAX).map((note) => (
            <li key={note.id}>{boundText(note.title || 'Untitled note', 200)}</li>
          ))}
          {n > LIST_MAX && <li className="muted">… and {n - LIST_MAX} more</li>}
        </ul>
        <div className="confirm-deletions-actions">
          <button type="button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {n === 1 ? 'Delete this note' : `Delete these ${n} notes`}
          </button>
        </div>
      </div>
    </div>
  );
}
