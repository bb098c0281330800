import type { StudyApi } from '../../../../core/api/contract';
import { useApi } from '../../api/useApi';
import { BoundedText, boundText } from '../BoundedText';
import { SyncOutcome, SyncSteps } from './SyncSteps';

const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
};

/** The sync log, newest first: each sync's result, and its steps on demand. */
export function SyncLog({ api, version }: { api: StudyApi; version: number }) {
  const log = useApi(api, 'sync.log', { limit: 50 }, version);
  const entries = log.value?.entries ?? null;
  const error = log.error?.message ?? null;

  return (
    <section className="settings-section" aria-labelledby="sync-log-heading">
      <h2 id="sync-log-heading">Sync log</h2>
      {error !== null && (
        <p className="sync-error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
      {entries !== null && entries.length === 0 && <p className="muted">No syncs yet.</p>}
      {entries !== null && entries.length > 0 && (
        <ul className="sync-log" aria-label="Sync log entries">
          {entries.map((e, i) => (
            <li key={`${e.startedAt}-${i}`} className={e.ok ? 'ok' : 'failed'}>
              <details>
                <summary>
                  <span className="sync-log-icon" aria-hidden="true">
                    {e.ok ? '✓' : '✗'}
                  </span>
                  <time dateTime={e.startedAt}>{when(e.startedAt)}</time>
                  {/* The summary line is cut short; the entry's details show the whole message. */}
                  <span className="sync-log-summary">{boundText(e.ok ? e.summary : `Failed: ${e.error?.message ?? e.summary}`, 160)}</span>
                </summary>
                <SyncSteps steps={e.steps} running={false} />
                {!e.ok && <SyncOutcome result={e} />}
                {e.commit !== null && <p className="muted">Commit {e.commit.slice(0, 10)}</p>}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
