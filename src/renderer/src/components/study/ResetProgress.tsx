import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import { BoundedText } from '../BoundedText';

type Props = { api: StudyApi; canUndo: boolean; onChanged: () => void };

/** Resets all progress after a confirmation, and offers to undo it. */
export function ResetProgress({ api, canUndo, onChanged }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const reset = async (): Promise<void> => {
    setConfirming(false);
    const res = await api['progress.reset']({});
    setMessage(res.ok ? `Progress reset (${res.value.cleared} topics cleared).` : res.error.message);
    onChanged();
  };
  const undo = async (): Promise<void> => {
    const res = await api['progress.undoReset']({});
    setMessage(res.ok ? `Reset undone: ${res.value.restored} topics restored.` : res.error.message);
    onChanged();
  };

  return (
    <div className="reset-progress">
      {confirming ? (
        <div role="alertdialog" aria-modal="false" aria-labelledby="reset-q" className="confirm">
          <p id="reset-q">Reset the progress of every topic? Your notes are kept, and you can undo this.</p>
          <button type="button" className="danger" onClick={() => void reset()}>
            Reset progress
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Reset progress…
        </button>
      )}
      {canUndo && (
        <button type="button" onClick={() => void undo()}>
          Undo reset
        </button>
      )}
      {message !== null && (
        <p className="muted" role="status">
          <BoundedText text={message} />
        </p>
      )}
    </div>
  );
}
