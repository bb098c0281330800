/** The live state of a sync: steps from `sync.step` events, the result from `sync.finished`. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { SyncRunResult, SyncStepReport } from '../../../../core/api/syncApi';

/** What the sync panel shows. */
export type SyncRunState = {
  running: boolean;
  steps: SyncStepReport[];
  result: SyncRunResult | null;
  /** The request itself failed (busy, back end unreachable). */
  requestError: string | null;
};

const IDLE: SyncRunState = { running: false, steps: [], result: null, requestError: null };

function withStep(steps: readonly SyncStepReport[], next: SyncStepReport): SyncStepReport[] {
  // A new sync starts with "check": forget the previous run's steps.
  const base = next.step === 'check' && next.state === 'running' ? [] : steps;
  const at = base.findIndex((s) => s.step === next.step);
  return at === -1 ? [...base, next] : base.map((s, i) => (i === at ? next : s));
}

/**
 * Follows sync events (whoever started the sync) and starts syncs. `onFinished` runs after each
 * sync ends, so views can reload what it may have changed.
 */
export function useSyncRun(
  api: StudyApi,
  events: EventSource,
  onFinished?: (result: SyncRunResult) => void,
): { state: SyncRunState; run: (confirmDeletions?: string[]) => void; reset: () => void } {
  const [state, setState] = useState<SyncRunState>(IDLE);
  const [finished, setFinished] = useState<SyncRunResult | null>(null);
  const running = useRef(false);

  useEffect(
    () =>
      events.subscribe((e) => {
        if (e.type === 'sync.step') {
          running.current = true;
          setState((s) => ({
            running: true,
            steps: withStep(s.steps, { step: e.step, state: e.state, detail: e.detail, ms: 0 }),
            result: null,
            requestError: null,
          }));
        } else if (e.type === 'sync.finished') {
          running.current = false;
          setState({ running: false, steps: e.result.steps, result: e.result, requestError: null });
          setFinished(e.result);
        }
      }),
    [events],
  );

  useEffect(() => {
    if (finished !== null) {
      onFinished?.(finished);
    }
    // Only a new result triggers the callback, not a new callback identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [finished]);

  /** Starts a sync; `confirmDeletions` lets exactly those notes go after a `confirm-deletions` stop. */
  const run = useCallback(
    (confirmDeletions?: string[]) => {
      if (running.current) {
        return;
      }
      running.current = true;
      setState({ running: true, steps: [], result: null, requestError: null });
      void api['sync.run'](confirmDeletions !== undefined ? { confirmDeletions } : {}).then((res) => {
        running.current = false;
        if (res.ok) {
          // The result also arrives as an event; this covers a transport without events.
          setState({ running: false, steps: res.value.steps, result: res.value, requestError: null });
          setFinished((prev) => (prev?.startedAt === res.value.startedAt ? prev : res.value));
        } else {
          setState((s) => ({ ...s, running: false, requestError: res.error.message }));
        }
      });
    },
    [api],
  );

  const reset = useCallback(() => setState(IDLE), []);
  return { state, run, reset };
}
