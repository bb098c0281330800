/**
 * Reading width and font size: per machine (localStorage, like the pane widths), applied as CSS
 * variables on the document so every view reads them, and shared by the settings view and the app.
 */
import { useSyncExternalStore } from 'react';

/** Column widths offered, in CSS pixels (null: the whole column). */
export const READING_WIDTHS = { narrow: 680, medium: 860, wide: 1100, full: null } as const;
/** A reading-width choice. */
export type ReadingWidth = keyof typeof READING_WIDTHS;
/** The font sizes offered (px). */
export const FONT_MIN = 13;
export const FONT_MAX = 24;
/** What the reader uses until the learner chooses. */
export const DEFAULT_PREFS: ReadingPrefs = { width: 'medium', fontSize: 16 };

/** The learner's reading preferences. */
export type ReadingPrefs = { width: ReadingWidth; fontSize: number };

const KEY = 'nexus.layout.reading';

/** Keeps what is valid of a stored value, defaults for the rest (bad storage never breaks reading). */
export function parsePrefs(raw: unknown): ReadingPrefs {
  const v = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const width = typeof v['width'] === 'string' && v['width'] in READING_WIDTHS ? (v['width'] as ReadingWidth) : DEFAULT_PREFS.width;
  const size = typeof v['fontSize'] === 'number' && Number.isFinite(v['fontSize']) ? Math.round(v['fontSize']) : DEFAULT_PREFS.fontSize;
  return { width, fontSize: Math.min(FONT_MAX, Math.max(FONT_MIN, size)) };
}

function load(): ReadingPrefs {
  try {
    const raw = window.localStorage.getItem(KEY);
    return parsePrefs(raw === null ? null : JSON.parse(raw));
  } catch {
    return DEFAULT_PREFS;
  }
}

let current: ReadingPrefs | null = null;
const listeners = new Set<() => void>();

/** The preferences now. */
export function getReadingPrefs(): ReadingPrefs {
  current ??= load();
  return current;
}

/** Applies the preferences to the document's CSS variables. */
export function applyReadingPrefs(prefs: ReadingPrefs, root: HTMLElement = document.documentElement): void {
  const px = READING_WIDTHS[prefs.width];
  root.style.setProperty('--reading-width', px === null ? 'none' : `${px}px`);
  root.style.setProperty('--reading-font-size', `${prefs.fontSize}px`);
}

/** Changes and remembers the preferences. */
export function setReadingPrefs(change: Partial<ReadingPrefs>): void {
  const next = parsePrefs({ ...getReadingPrefs(), ...change });
  current = next;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the choice lasts for this session.
  }
  applyReadingPrefs(next);
  for (const l of listeners) {
    l();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preferences, re-rendering when they change. */
export function useReadingPrefs(): ReadingPrefs {
  return useSyncExternalStore(subscribe, getReadingPrefs, getReadingPrefs);
}

/** Applies the remembered preferences once at start-up (main.tsx or App). */
export function initReadingPrefs(): void {
  applyReadingPrefs(getReadingPrefs());
}
