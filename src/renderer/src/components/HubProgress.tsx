/**
 * How far the open hub's docs have been read in the background (`hub.progress` events): a line
 * with a progress bar in the sidebar and the dashboard while docs are parsed, nothing once all are.
 * `useHubRefresh` (in App) re-reads the overview now and then meanwhile, so the tree's topics and
 * counts fill in.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { HubOverview } from '../../../core/api/contract';
import type { EventSource } from '../../../core/api/events';
import { getEvents } from '../api/client';
import './HubProgress.css';

type Progress = { root: string | null; done: number; total: number; parsing: boolean };

/** How often the overview is re-read while docs are parsed. */
const REFRESH_MS = 1500;

let latest: Progress = { root: null, done: 0, total: 0, parsing: false };
const listeners = new Set<() => void>();
let followed: EventSource | null = null;

function set(next: Progress): void {
  latest = next;
  listeners.forEach((l) => l());
}

/** Follows `hub.progress` of `events` (once per event source; none where there is no event channel). */
function follow(events: EventSource): void {
  if (followed === events) {
    return;
  }
  followed = events;
  try {
    events.subscribe((e) => {
      if (e.type === 'hub.progress') {
        set({ root: e.root, done: e.done, total: e.total, parsing: e.phase === 'parsing' });
      }
    });
  } catch {
    // No push channel (a test page): the overview's `parsing` still shows, refreshed by polling.
  }
}

function useProgress(events: EventSource): Progress {
  return useSyncExternalStore(
    (l) => {
      follow(events);
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => latest,
  );
}

/**
 * Seeds the progress from each overview (`parsing`), and calls `refresh` every REFRESH_MS while the
 * hub is parsing and once when it is done. Call once, in the app shell.
 */
export function useHubRefresh(hub: HubOverview | null, refresh: () => void, events: EventSource = getEvents()): void {
  const progress = useProgress(events);
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  });
  useEffect(() => {
    if (hub === null) {
      return;
    }
    const parsing = hub.parsing ?? null;
    // An event may be newer than the overview: only a later count, or another hub, replaces it.
    if (parsing !== null && (latest.root !== hub.root || latest.done < parsing.done)) {
      set({ root: hub.root, done: parsing.done, total: parsing.total, parsing: true });
    } else if (parsing === null && latest.root === hub.root && latest.parsing) {
      set({ ...latest, done: latest.total, parsing: false });
    } else if (parsing === null && latest.root !== hub.root) {
      set({ root: hub.root, done: 0, total: 0, parsing: false });
    }
  }, [hub]);
  const stale = hub !== null && (hub.parsing ?? null) !== null && !progress.parsing && progress.root === hub.root;
  useEffect(() => {
    if (stale) {
      // The background parse just finished: read the complete overview.
      refreshRef.current();
      return;
    }
    if (!progress.parsing) {
      return;
    }
    const timer = setInterval(() => refreshRef.current(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [progress.parsing, stale]);
}

/** "Reading docs… 340 of 1,726" with a bar while the hub's docs are parsed; nothing otherwise. */
export function HubProgress({ events = getEvents(), onDone }: { events?: EventSource; onDone?: () => void }) {
  const progress = useProgress(events);
  const wasParsing = useRef(progress.parsing);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });
  useEffect(() => {
    if (wasParsing.current && !progress.parsing) {
      onDoneRef.current?.();
    }
    wasParsing.current = progress.parsing;
  }, [progress.parsing]);
  if (!progress.parsing) {
    return null;
  }
  return (
    <div className="hub-progress" role="status" aria-live="polite">
      Reading docs… {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')}
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Docs read" />
    </div>
  );
}
