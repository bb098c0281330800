/** UI preferences kept in localStorage (widths, panes open or closed): per machine, not synced. */
import { useCallback, useState } from 'react';

const PREFIX = 'nexus.layout.';

function read<T>(key: string, valid: (v: unknown) => v is T): T | undefined {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (raw === null) {
      return undefined;
    }
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Like useState, but the value set is remembered under `key`. `fallback` is used until the learner
 * sets a value (so a default that depends on the window size stays a default, not a choice).
 */
export function usePersistentState<T>(
  key: string,
  fallback: () => T,
  valid: (v: unknown) => v is T,
): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => read(key, valid) ?? fallback());
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        try {
          window.localStorage.setItem(PREFIX + key, JSON.stringify(v));
        } catch {
          // Storage full or disabled: the preference lasts for this session only.
        }
        return v;
      });
    },
    [key],
  );
  return [value, set];
}

/** Type guard for a finite number. */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Type guard for a boolean. */
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
