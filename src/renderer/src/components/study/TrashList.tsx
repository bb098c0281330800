import { useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { Note, TrashItem } from '../../../../core/api/studyApi';
import { useApi } from '../../api/useApi';
import { useEventCount } from '../../api/useEventCount';
import { BoundedText } from '../BoundedText';

const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
};
const day = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString();
};

type Props = {
  api: StudyApi;
  onRestored: (note: Note) => void;
  /** Push events: a finished sync may have moved notes to the Trash (or purged them), so it is read again. */
  events?: EventSource;
};

/** The Trash (notes.trash): each deleted note with when and where it was deleted, and Restore. */
export function TrashList({ api, onRestored, events }: Props) {
  // Read again, in place, when a sync finishes.
  const trash = useApi(api, 'notes.trash', {}, useEventCount(events, 'sync.finished'));
  // Rows restored here leave the list at once; the next read of the Trash is the truth again.
  const [restored, setRestored] = useState<{ of: unknown; ids: ReadonlySet<string> }>({ of: null, ids: new Set() });
  const items = trash.value === undefined ? null : trash.value.items.filter((i) => restored.of !== trash.value || !restored.ids.has(i.id));
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? trash.error?.message ?? null;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const restore = async (item: TrashItem, index: number): Promise<void> => {
    setBusy(item.id);
    setError(null);
    const res = await api['notes.restore']({ id: item.id });
    setBusy(null);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setRestored((prev) => ({ of: trash.value, ids: new Set([...(prev.of === trash.value ? prev.ids : []), item.id]) }));
    setMessage(`Restored “${item.title || 'Untitled note'}”.`);
    onRestored(res.value);
    // The row is gone: the keyboard goes on to the next row's Restore, or to the heading.
    window.setTimeout(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.trash-restore');
      const next = buttons?.[Math.min(index, buttons.length - 1)];
      (next ?? heading.current)?.focus();
    }, 0);
  };

  return (
    <section className="trash" aria-labelledby="trash-heading">
      <h2 id="trash-heading" ref={heading} tabIndex={-1}>
        Trash
      </h2>
      <p className="muted">Deleted notes stay here for 30 days, then they are removed for good.</p>
      {message !== null && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      {error !== null && (
        <p className="error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
      {items !== null && items.length === 0 && <p className="muted">The Trash is empty.</p>}
      {items !== null && items.length > 0 && (
        <ul className="notes-list trash-list" aria-label="Notes in the Trash" ref={list}>
          {items.map((item, i) => (
            <li key={item.id} className="trash-item">
              <span className="note-item-title">{item.title || 'Untitled note'}</span>
              <span className="note-item-topic muted">
                {item.reason === 'sync' ? 'Deleted on another machine' : 'Deleted'}{' '}
                <time dateTime={item.deletedAt}>{when(item.deletedAt)}</time>
              </span>
              <span className="note-item-topic muted">
                Removed for good on <time dateTime={item.purgeAt}>{day(item.purgeAt)}</time>
              </span>
              <button
                type="button"
                className="trash-restore"
                aria-label={`Restore “${item.title || 'Untitled note'}”`}
                disabled={busy !== null}
                onClick={() => void restore(item, i)}
              >
                {busy === item.id ? 'Restoring…' : 'Restore'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
