/**
 * Marking every topic of a doc or folder from the sidebar's keyboard: asked first, then done with
 * an Undo that puts each topic back to the state it had.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useRef } from 'react';
import type { ProgressState } from '../../../core/api/studyApi';
import { useFocusTrap } from './dialog/useFocusTrap';
import './bulkMark.css';

/** One topic's new state. */
export type TopicChange = { topicId: string; state: ProgressState };

/** A bulk mark from asking to undoing. */
export type BulkMark = {
  phase: 'confirm' | 'working' | 'done' | 'undone' | 'error';
  rowKey: string;
  rowLabel: string;
  what: 'doc' | 'folder';
  stateLabel: string;
  /** The topics whose state changes (those already in the state are left out). */
  changes: TopicChange[];
  /** The states they had, to undo. */
  undo: TopicChange[];
  error?: string;
};

type Props = {
  bulk: BulkMark;
  onChange: (next: BulkMark) => void;
  apply: (changes: TopicChange[]) => Promise<string | null>;
  /** Closed: focus goes back to the row. */
  onDone: (rowKey: string) => void;
};

const plural = (n: number): string => `${n} topic${n === 1 ? '' : 's'}`;

/** The confirmation, then the result with Undo, above the tree. */
export function BulkMarkBar({ bulk, onChange, apply, onDone }: Props) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (bulk.phase === 'confirm') {
      confirmRef.current?.focus();
    }
  }, [bulk.phase]);

  const run = async (changes: TopicChange[], next: 'done' | 'undone'): Promise<void> => {
    onChange({ ...bulk, phase: 'working' });
    const error = await apply(changes);
    onChange(error === null ? { ...bulk, phase: next } : { ...bulk, phase: 'error', error });
    if (error === null && next === 'done') {
      onDoneFocus();
    }
  };
  const onDoneFocus = (): void => {
    // Back to the row, the result (with Undo) staying above the tree.
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(bulk.rowKey)}"]`)?.focus(), 0);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && bulk.phase !== 'working') {
      e.preventDefault();
      e.stopPropagation();
      onDone(bulk.rowKey);
    }
  };
  const n = bulk.changes.length;
  const of = `the ${bulk.what} “${bulk.rowLabel}”`;
  if (bulk.phase === 'confirm') {
    return (
      <BulkConfirm question={`Mark ${plural(n)} of ${of} as ${bulk.stateLabel}?`} confirmRef={confirmRef} onCancel={() => onDone(bulk.rowKey)}>
        <button ref={confirmRef} type="button" onClick={() => void run(bulk.changes, 'done')}>
          Mark {plural(n)}
        </button>
      </BulkConfirm>
    );
  }
  const message =
    bulk.phase === 'working'
      ? 'Saving…'
      : bulk.phase === 'done'
        ? `Marked ${plural(n)} of ${of} as ${bulk.stateLabel}.`
        : bulk.phase === 'undone'
          ? `Undone: ${plural(n)} of ${of} are back as they were.`
          : `Not all topics could be marked: ${bulk.error ?? 'unknown error'}`;
  return (
    <div className="bulk-mark" onKeyDown={onKeyDown}>
      <p role="status">{message}</p>
      <div className="bulk-mark-actions">
        {(bulk.phase === 'done' || bulk.phase === 'error') && (
          <button type="button" onClick={() => void run(bulk.undo, 'undone')}>
            Undo
          </button>
        )}
        {bulk.phase !== 'working' && (
          <button type="button" aria-label="Close" onClick={() => onDone(bulk.rowKey)}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}

/** The question, a dialog like the others: Tab stays inside until it is answered, Esc cancels. */
function BulkConfirm(props: { question: string; confirmRef: RefObject<HTMLButtonElement | null>; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus goes back to the row through onCancel / the run, not to whatever the trap saw first.
  useFocusTrap(ref, { onEscape: props.onCancel, initialFocus: props.confirmRef, restoreFocus: false });
  return (
    <div ref={ref} className="bulk-mark" role="alertdialog" aria-modal="true" aria-label="Mark topics" aria-describedby="bulk-mark-question">
      <p id="bulk-mark-question">{props.question}</p>
      <div className="bulk-mark-actions">
        {props.children}
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Sets each topic's state, a few at a time (a folder of 1,000 topics one by one took half a minute); the first failure is reported. */
export async function markTopics(
  set: (change: TopicChange) => Promise<{ ok: true } | { ok: false; error: { message: string } }>,
  changes: readonly TopicChange[],
  concurrency = 8,
): Promise<string | null> {
  let next = 0;
  let failure: string | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < changes.length) {
      const change = changes[next++];
      if (change === undefined) {
        return;
      }
      const res = await set(change);
      if (!res.ok) {
        failure ??= res.error.message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, changes.length) }, worker));
  return failure;
}
