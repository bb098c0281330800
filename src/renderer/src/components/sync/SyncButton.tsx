import { useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { SyncRunResult } from '../../../../core/api/syncApi';
import { useUiCommand } from '../../hooks/useUiCommand';
import type { Route } from '../../route';
import { BoundedText } from '../BoundedText';
import { ConfirmDeletionsDialog } from './ConfirmDeletionsDialog';
import { SyncOutcome, SyncSteps } from './SyncSteps';
import { useSyncRun } from './useSyncRun';
import './sync.css';

type Props = {
  api: StudyApi;
  events: EventSource;
  onNavigate: (route: Route) => void;
  /** Runs after every sync (reload progress, the hub...). */
  onFinished?: (result: SyncRunResult) => void;
};

/** Errors fixed in Settings > Repository: the panel offers a way there. */
const SETTINGS_ERRORS = new Set(['not-configured', 'not-a-repo', 'no-remote']);

const SETTINGS: Route = { view: 'settings', path: null, slug: null };

/**
 * The top bar's "Sync now" (also the `sync-now` command: menu, Ctrl/Cmd+Shift+S) and the panel
 * that shows the sync's steps as they happen, then its summary or error.
 */
export function SyncButton({ api, events, onNavigate, onFinished }: Props) {
  const { state, run } = useSyncRun(api, events, onFinished);
  const [open, setOpen] = useState(false);
  const start = (): void => {
    setOpen(true);
    run();
  };
  useUiCommand('sync-now', start);
  // A sync started elsewhere (Settings, the menu) opens the panel too.
  const [wasRunning, setWasRunning] = useState(false);
  if (state.running !== wasRunning) {
    setWasRunning(state.running);
    if (state.running) {
      setOpen(true);
    }
  }

  // A click outside the panel closes it (not while a sync runs: its steps stay in view).
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open || state.running) {
      return undefined;
    }
    const onDown = (e: MouseEvent): void => {
      if (anchor.current !== null && e.target instanceof Node && !anchor.current.contains(e.target)) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, state.running]);

  // A sync that would delete most notes in the repo stopped and asks (once per run; reopened from the panel).
  const button = useRef<HTMLButtonElement>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const stopped = !state.running && state.result?.error?.code === 'confirm-deletions' ? state.result : null;
  const asking = stopped !== null && dismissed !== stopped.startedAt;
  const closeDialog = (): void => {
    setDismissed(stopped?.startedAt ?? null);
    button.current?.focus();
  };
  const confirm = (): void => {
    const ids = stopped?.pendingDeletions.map((n) => n.id) ?? [];
    setOpen(true);
    button.current?.focus();
    run(ids);
  };

  const error = state.result?.error ?? null;
  return (
    <span className="sync-anchor" ref={anchor}>
      <button
        type="button"
        ref={button}
        className="sync-now"
        aria-keyshortcuts="Control+Shift+S Meta+Shift+S"
        onClick={start}
        disabled={state.running}
        title="Sync notes and progress with your repository (Ctrl/Cmd+Shift+S)"
      >
        {state.running ? 'Syncing…' : 'Sync now'}
      </button>
      {open && (
        <section
          className="sync-panel"
          aria-label="Sync progress"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !state.running) {
              setOpen(false);
            }
          }}
        >
          <div className="sync-panel-head">
            <h2>{state.running ? 'Syncing…' : 'Sync'}</h2>
            <span className="spacer" />
            <button type="button" className="link-button" onClick={() => onNavigate(SETTINGS)}>
              Sync log
            </button>
            <button type="button" aria-label="Close sync panel" onClick={() => setOpen(false)}>
              ×
            </button>
          </div>
          <SyncSteps steps={state.steps} running={state.running} />
          {state.result !== null && <SyncOutcome result={state.result} />}
          {state.requestError !== null && (
            <p className="sync-error" role="alert">
              <BoundedText text={state.requestError} />
            </p>
          )}
          {stopped !== null && !asking && (
            <button type="button" onClick={() => setDismissed(null)}>
              Review the {stopped.pendingDeletions.length} notes…
            </button>
          )}
          {error !== null && SETTINGS_ERRORS.has(error.code) && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setOpen(false);
                onNavigate(SETTINGS);
              }}
            >
              Open Settings › Repository
            </button>
          )}
        </section>
      )}
      {asking && <ConfirmDeletionsDialog notes={stopped.pendingDeletions} onConfirm={confirm} onCancel={closeDialog} />}
    </span>
  );
}
