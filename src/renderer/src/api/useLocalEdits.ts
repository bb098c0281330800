import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * A value read from the back end plus the changes made here since (a saved note's new title, a row
 * restored out of a list), until the next read replaces `base`: then the read is the truth again.
 * `base` must keep its identity between reads (pass `useApi`'s value, or a module-level constant).
 */
export function useLocalEdits<T>(base: T): [T, (change: (current: T) => T) => void] {
  const [edited, setEdited] = useState<{ of: T; value: T } | null>(null);
  const latest = useRef(base);
  useLayoutEffect(() => {
    latest.current = base;
  }, [base]);
  const change = useCallback((f: (current: T) => T): void => {
    setEdited((e) => {
      const of = latest.current;
      return { of, value: f(e !== null && e.of === of ? e.value : of) };
    });
  }, []);
  return [edited !== null && edited.of === base ? edited.value : base, change];
}
