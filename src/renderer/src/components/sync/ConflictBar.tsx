import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { ConflictPair } from '../../../../core/api/syncApi';
import { useApi } from '../../api/useApi';
import './sync.css';
import { BoundedText } from '../BoundedText';

/** True for a conflict copy a sync made (docs/spec/sync.md, "Conflict copy"): id `<id>~c<hash>`, tag `conflict`. */
export function isConflictCopy(note: { id: string; tags: readonly string[] }): boolean {
  return /~c[0-9a-f]+$/.test(note.id) && note.tags.includes('conflict');
}

/** A small badge on a conflict copy in note lists. */
export function ConflictBadge({ note }: { note: { id: string; tags: readonly string[] } }) {
  return isConflictCopy(note) ? <span className="conflict-badge">Conflict copy</span> : null;
}

type Keep = 'local' | 'copy' | 'both';

/**
 * Above a note that is half of a conflict pair: says what happened and resolves it (sync.resolve).
 * Renders nothing for other notes.
 */
export function ConflictBar({ api, noteId, onResolved }: { api: StudyApi; noteId: string; onResolved: (pair: ConflictPair, keep: Keep) => void }) {
  // Read again for each note shown; a pair resolved here disappears without waiting for a re-read.
  const conflicts = useApi(api, 'sync.conflicts', {}, noteId);
  const [resolved, setResolved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const found = conflicts.value?.pairs.find((p) => p.noteId === noteId || p.copyId === noteId) ?? null;
  const pair = found !== null && found.copyId !== resolved ? found : null;
  if (pair === null) {
    return null;
  }
  const resolve = async (keep: Keep): Promise<void> => {
    setBusy(true);
    setError(null);
    const res = await api['sync.resolve']({ copyId: pair.copyId, keep });
    setBusy(false);
    if (res.ok) {
      setResolved(pair.copyId);
      onResolved(pair, keep);
    } else {
      setError(res.error.message);
    }
  };
  const isCopy = pair.copyId === noteId;
  return (
    <div className="conflict-bar" role="region" aria-label="Sync conflict">
      <p>
        <span className="conflict-badge">{isCopy ? 'Conflict copy' : 'Has a conflict copy'}</span>{' '}
        {isCopy ? (
          <>
            This is the other machine's version of “{pair.title}”. Both were edited since the last sync, so both are kept.
          </>
        ) : (
          <>This note was also edited on another machine; that version is kept as “{pair.copyTitle}”.</>
        )}
      </p>
      <div className="conflict-actions">
        <button type="button" disabled={busy} onClick={() => void resolve('local')} title="Delete the conflict copy">
          Keep this machine's version
        </button>
        <button type="button" disabled={busy} onClick={() => void resolve('copy')} title="Put the copy's text into the note, then delete the copy">
          Keep the other version
        </button>
        <button type="button" disabled={busy} onClick={() => void resolve('both')} title="Keep both as separate notes">
          Keep both
        </button>
      </div>
      {error !== null && (
        <p className="sync-error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
    </div>
  );
}
