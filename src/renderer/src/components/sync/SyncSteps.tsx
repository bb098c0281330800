import { BoundedText } from '../BoundedText';
import { SYNC_STEPS, type SyncRunResult, type SyncStepName, type SyncStepReport, type SyncStepState } from '../../../../core/api/syncApi';

const LABELS: Record<SyncStepName, string> = {
  check: 'Check the repository',
  export: 'Export notes and progress',
  commit: 'Commit',
  fetch: 'Fetch',
  merge: 'Merge',
  import: 'Import',
  push: 'Push',
};

const ICONS: Record<SyncStepState | 'pending', string> = { pending: '○', running: '◌', done: '✓', skipped: '–', failed: '✗' };
const STATE_TEXT: Record<SyncStepState | 'pending', string> = {
  pending: 'waiting',
  running: 'running',
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
};

/** The steps of a sync in order, each with its state as it happens. */
export function SyncSteps({ steps, running }: { steps: readonly SyncStepReport[]; running: boolean }) {
  const failedAt = steps.findIndex((s) => s.state === 'failed');
  return (
    <ol className="sync-steps" aria-label="Sync steps">
      {SYNC_STEPS.map((name) => {
        const report = steps.find((s) => s.step === name);
        // After a failure the later steps never ran: shown as not run rather than waiting.
        const state = report?.state ?? 'pending';
        const notRun = report === undefined && (failedAt !== -1 || !running);
        return (
          <li
            key={name}
            className={`sync-step sync-step-${notRun ? 'not-run' : state}`}
            data-step={name}
            data-state={notRun ? 'not-run' : state}
          >
            <span className="sync-step-icon" aria-hidden="true">
              {notRun ? '·' : ICONS[state]}
            </span>
            <span className="sync-step-name">{LABELS[name]}</span>
            <span className="sync-step-state">
              {notRun ? 'not run' : STATE_TEXT[state]}
              {report !== undefined && report.state !== 'running' && report.ms > 0 && ` · ${report.ms} ms`}
            </span>
            {report !== undefined && report.detail !== '' && (
              <span className="sync-step-detail">
                <BoundedText text={report.detail} />
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The outcome of a sync in one line, or its error with what to do. */
export function SyncOutcome({ result }: { result: SyncRunResult }) {
  if (result.ok) {
    return (
      <p className="sync-summary" role="status">
        <strong>Synced:</strong> {result.summary}.
        {result.conflicts.length > 0 &&
          ` ${result.conflicts.length === 1 ? 'One note was' : `${result.conflicts.length} notes were`} changed on both sides: both versions are kept — look for “Conflict copy” in All notes.`}
        {result.hubReloaded && ' The hub was reloaded from the repository.'}
      </p>
    );
  }
  if (result.error?.code === 'confirm-deletions') {
    const n = result.pendingDeletions.length;
    return (
      <div className="sync-error" role="alert">
        <p>
          <strong>Sync stopped:</strong> it would delete {n} {n === 1 ? 'note' : 'notes'} of yours from the repository, most of your notes
          there. Nothing was changed.
        </p>
      </div>
    );
  }
  return (
    <div className="sync-error" role="alert">
      <p>
        <strong>Sync failed{result.error !== null ? ` (${result.error.code})` : ''}:</strong>{' '}
        <BoundedText text={result.error?.message ?? result.summary} />
      </p>
      {result.error !== null && result.error.detail !== '' && (
        <p className="sync-error-detail">
          <BoundedText text={result.error.detail} />
        </p>
      )}
    </div>
  );
}
