/** Debounced autosave of one note, flushed on blur, on page hide/unload and on unmount. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Note } from '../../../../core/api/studyApi';

/** What the editor edits. */
export type NoteDraft = { title: string; body: string; tags: string[] };

/** Where the note's text is relative to the disk. */
export type SaveState = { kind: 'saved' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string };

/** Autosave delay after the last keystroke. */
export const AUTOSAVE_MS = 800;

/** Keeps `draft` saved as note `initialId` (or a new note tied to `topicId`). */
export function useAutosave(api: StudyApi, initialId: string | undefined, topicId: string | null, onSaved: (note: Note) => void, delayMs = AUTOSAVE_MS) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const id = useRef(initialId);
  const draft = useRef<NoteDraft | null>(null);
  const dirty = useRef(false);
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
    // One save at a time: a new note gets its id from the first save.
    while (inFlight.current !== null) {
      await inFlight.current;
    }
    if (!dirty.current || draft.current === null) {
      return;
    }
    const next = draft.current;
    dirty.current = false;
    setState({ kind: 'saving' });
    inFlight.current = api['notes.save']({ ...(id.current !== undefined ? { id: id.current } : {}), topicId, ...next }).then((res) => {
      inFlight.current = null;
      if (res.ok) {
        id.current = res.value.id;
        savedCb.current(res.value);
        setState(dirty.current ? { kind: 'dirty' } : { kind: 'saved' });
      } else {
        dirty.current = true;
        setState({ kind: 'error', message: res.error.message });
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

  // A failed save (disk full...) is retried every few seconds while the text is kept here.
  useEffect(() => {
    if (state.kind !== 'error') {
      return undefined;
    }
    const t = window.setTimeout(() => void flush(), 5000);
    return () => window.clearTimeout(t);
  }, [state, flush]);

  return { state, change, flush, noteId: () => id.current };
}
