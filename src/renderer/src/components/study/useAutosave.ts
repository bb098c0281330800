/** Debounced autosave of one note, flushed on blur, when the page is hidden or closing, and on unmount. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Note } from '../../../../core/api/studyApi';

/** What the editor edits. */
export type NoteDraft = { title: string; body: string; tags: string[] };

/**
 * Where the note's text is relative to the disk. After a failed save the text is NOT saved: it is
 * kept here and the save is retried (`retrying` while a retry is under way).
 */
export type SaveState = { kind: 'saved' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string; retrying: boolean };

/** Autosave delay after the last keystroke. */
export const AUTOSAVE_MS = 800;
/** Delay before a failed save is tried again. */
export const RETRY_MS = 5000;

/** A new note's id, made here so a retried create names the same note (notes.save `create: true`). */
export function newNoteId(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keeps `draft` saved as note `initialId`, or as a new note tied to `topicId`. A new note gets its
 * id on the first save and is sent with `create: true` until a save succeeds, so every retry of a
 * failed create names the same note and can never make a second one.
 */
export function useAutosave(
  api: StudyApi,
  initialId: string | undefined,
  topicId: string | null,
  onSaved: (note: Note) => void,
  delayMs = AUTOSAVE_MS,
  retryMs = RETRY_MS,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const id = useRef(initialId);
  // True until the back end has confirmed the note exists (a new note's create succeeded).
  const creating = useRef(initialId === undefined);
  const draft = useRef<NoteDraft | null>(null);
  const dirty = useRef(false);
  const failed = useRef<string | null>(null);
  const stopped = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | null>(null);
  const savedCb = useRef(onSaved);
  useEffect(() => {
    savedCb.current = onSaved;
  }, [onSaved]);

  /**
   * Sends the current draft now. Saves are tracked together in `inFlight` (it settles once every
   * save sent so far has), so a later flush waits for all of them.
   */
  const send = useCallback((): Promise<void> => {
    const next = draft.current;
    if (next === null) {
      return Promise.resolve();
    }
    dirty.current = false;
    id.current ??= newNoteId();
    const noteId = id.current;
    setState(failed.current !== null ? { kind: 'error', message: failed.current, retrying: true } : { kind: 'saving' });
    // Saves sent together land in the order sent (the back end applies them in order over IPC); until
    // a create is confirmed each is a create of the same id, which the back end makes idempotent.
    const done = api['notes.save']({ id: noteId, ...(creating.current ? { create: true } : {}), topicId, ...next }).then((res) => {
      if (res.ok) {
        creating.current = false;
        failed.current = null;
        savedCb.current(res.value);
        setState(dirty.current ? { kind: 'dirty' } : { kind: 'saved' });
      } else {
        // Nothing of a failed save lands (the back end rolls it back): the text stays dirty here.
        dirty.current = true;
        failed.current = res.error.message;
        setState({ kind: 'error', message: res.error.message, retrying: false });
      }
    });
    const before = inFlight.current;
    const all: Promise<void> = before === null ? done : Promise.all([before, done]).then(() => undefined);
    inFlight.current = all;
    void all.then(() => {
      if (inFlight.current === all) {
        inFlight.current = null;
      }
    });
    return all;
  }, [api, topicId]);

  const clearTimer = useCallback((): void => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    clearTimer();
    // One save at a time, so a create is confirmed before any update is sent.
    while (inFlight.current !== null) {
      await inFlight.current;
    }
    if (stopped.current || !dirty.current) {
      return;
    }
    await send();
  }, [send, clearTimer]);

  /**
   * The page is closing (window closed, reload, tab hidden for good): the text not saved yet is sent
   * at once, in this event's task, even while another save is under way, since the page may be gone
   * before that one answers. (In Electron the main process then waits for the write before quitting.)
   */
  const flushNow = useCallback((): void => {
    clearTimer();
    if (!stopped.current && dirty.current) {
      void send();
    }
  }, [send, clearTimer]);

  const change = useCallback(
    (next: NoteDraft) => {
      draft.current = next;
      dirty.current = true;
      setState((s) => (s.kind === 'error' ? s : { kind: 'dirty' }));
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
      }
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Stops saving (the note is being deleted): waits for a save under way, drops pending edits. */
  const discard = useCallback(async (): Promise<void> => {
    stopped.current = true;
    clearTimer();
    while (inFlight.current !== null) {
      await inFlight.current;
    }
    dirty.current = false;
  }, [clearTimer]);

  useEffect(() => {
    const onHide = (): void => flushNow();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    // Hidden is not closing (another tab, minimised): the usual one-at-a-time flush.
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') {
        void flush();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush, flushNow]);

  // A failed save (disk full...) is retried every few seconds, with the same id, while the text is kept here.
  useEffect(() => {
    if (state.kind !== 'error' || state.retrying) {
      return undefined;
    }
    const t = window.setTimeout(() => void flush(), retryMs);
    return () => window.clearTimeout(t);
  }, [state, flush, retryMs]);

  /** The note's id (undefined before a new note's first save). */
  const noteId = useCallback((): string | undefined => id.current, []);
  /** True once the back end has confirmed the note exists. */
  const created = useCallback((): boolean => !creating.current, []);
  return { state, change, flush, discard, noteId, created };
}
