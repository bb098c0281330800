import { useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Note } from '../../../../core/api/studyApi';
import { BoundedText } from '../BoundedText';

/** A note just moved to the Trash. */
export type Trashed = { id: string; title: string };

type Props = { api: StudyApi; trashed: Trashed; onRestored: (note: Note) => void; onClose: () => void };

/** "Moved to Trash" with an Undo that brings the note back (notes.restore). Takes the focus, so the keyboard is not lost. */
export function TrashedNotice({ api, trashed, onRestored, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    undoRef.current?.focus();
  }, [trashed.id]);

  const undo = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const res = await api['notes.restore']({ id: trashed.id });
    setBusy(false);
    if (res.ok) {
      onRestored(res.value);
    } else {
      setError(res.error.message);
    }
  };

  return (
    <div className="trashed-notice" role="status" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <span>Moved “{trashed.title || 'Untitled note'}” to Trash. It stays there for 30 days.</span>
      <button type="button" ref={undoRef} disabled={busy} onClick={() => void undo()}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
      {error !== null && (
        <span className="error" role="alert">
          Not restored: <BoundedText text={error} />
        </span>
      )}
    </div>
  );
}
