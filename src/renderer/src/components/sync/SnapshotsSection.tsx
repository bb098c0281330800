import { useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import { useApi } from '../../api/useApi';
import { BoundedText } from '../BoundedText';

const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
};
const notesText = (n: number): string => `${n} ${n === 1 ? 'note' : 'notes'}`;

/**
 * Settings › Repository › Snapshots: the repo's notes as they were before each sync (backup refs),
 * each restorable after a confirmation. A restore brings back missing notes and adds copies of
 * notes that differ; it never deletes or overwrites.
 */
export function SnapshotsSection({ api, version }: { api: StudyApi; version: number }) {
  const read = useApi(api, 'sync.snapshots', {}, version);
  const snapshots = read.value?.snapshots ?? null;
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoreError, setError] = useState<string | null>(null);
  const error = restoreError ?? read.error?.message ?? null;
  const [done, setDone] = useState<string | null>(null);
  // When the question closes, the keyboard goes back to the row's Restore… button.
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (asking === null && returnTo.current !== null) {
      document.getElementById(`restore-${returnTo.current}`)?.focus();
      returnTo.current = null;
    }
  }, [asking]);
  const ask = (ref: string | null): void => {
    returnTo.current = asking;
    setAsking(ref);
  };

  const restore = async (ref: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await api['sync.restoreSnapshot']({ ref });
    setBusy(false);
    ask(null);
    if (res.ok) {
      setDone(`${notesText(res.value.restored)} restored, ${res.value.copies} restored as copies.`);
    } else {
      setError(res.error.message);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="snapshots-heading">
      <h3 id="snapshots-heading">Snapshots</h3>
      <p className="muted">
        Before each sync your notes in the repository are kept as a snapshot. Restoring one brings back the notes missing here; a note that
        differs comes back as a separate copy. Nothing here is deleted or overwritten.
      </p>
      {snapshots !== null && snapshots.length === 0 && <p className="muted">No snapshots yet: one is taken at the next sync.</p>}
      {snapshots !== null && snapshots.length > 0 && (
        <ul className="snapshots" aria-label="Snapshots">
          {snapshots.map((s) => (
            <li key={s.ref} className="snapshot">
              <time dateTime={s.at}>{when(s.at)}</time>
              <span>{notesText(s.notes)}</span>
              {asking === s.ref ? (
                <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby={`q-${s.ref}`}>
                  <p id={`q-${s.ref}`}>
                    Restore the {notesText(s.notes)} of the snapshot from {when(s.at)}? Missing notes come back and notes that differ come
                    back as copies.
                  </p>
                  <button type="button" className="primary" disabled={busy} onClick={() => void restore(s.ref)}>
                    {busy ? 'Restoring…' : 'Restore'}
                  </button>{' '}
                  <button type="button" autoFocus disabled={busy} onClick={() => ask(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  id={`restore-${s.ref}`}
                  aria-label={`Restore the snapshot from ${when(s.at)}`}
                  disabled={busy}
                  onClick={() => ask(s.ref)}
                >
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="sync-error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
      {done !== null && (
        <p className="sync-summary" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
