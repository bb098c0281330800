/** Debounced autosave of one note, flushed on blur, on page hide/unload and on unmount. */
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

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time, so a create is confirmed before any update is sent.
    while (inFlight.current !== null) {
      await inFlight.current;
    }
    if (stopped.current || !dirty.current || draft.current === null) {
      return;
    }
    const next = draft.current;
    dirty.current = false;
    id.current ??= newNoteId();
    const noteId = id.current;
    setState(failed.current !== null ? { kind: 'error', message: failed.current, retrying: true } : { kind: 'saving' });
    inFlight.current = api['notes.save']({ id: noteId, ...(creating.current ? { create: true } : {}), topicId, ...next }).then((res) => {
      inFlight.current = null;
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
    await inFlight.current;
  }, [api, topicId]);

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
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    while (inFlight.current !== null) {
      await inFlight.current;
    }
    dirty.current = false;
  }, []);

  useEffect(() => {
    const onHide = (): void => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
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
  }, [flush]);

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
