import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { Completion, Dashboard as DashboardData } from '../../../../core/api/studyApi';
import type { Route } from '../../route';
import { useApi } from '../../api/useApi';
import { ReviewPanel } from '../review/ReviewPanel';
import { ExportButton } from './ExportButton';
import { ResetProgress } from './ResetProgress';
import { BoundedText } from '../BoundedText';
import { Bar, HubOverview } from '../overview/HubOverview';
import { HubProgress } from '../HubProgress';

type Props = { api: StudyApi; onNavigate: (route: Route) => void; onProgressChanged: () => void; version: number };

/** A labelled progress bar. */
export function ProgressBar({ label, c }: { label: string; c: Completion }) {
  return (
    <div className="bar-row">
      <span className="bar-label" title={label}>
        {label}
      </span>
      <Bar label={label} c={c} />
    </div>
  );
}

function Heatmap({ cells }: { cells: DashboardData['heatmap'] }) {
  const level = (s: number, c: number): number => (c > 0 || s >= 180 ? Math.min(4, 1 + Math.floor(s / 900) + (c > 2 ? 1 : 0)) : s > 0 ? 0.5 : 0);
  return (
    <div className="heatmap" role="img" aria-label={`Study days: ${cells.filter((c) => c.studied).length} of the last ${cells.length} days`}>
      {cells.map((c) => (
        <span key={c.day} className={`heat heat-${String(level(c.readSeconds, c.stateChanges)).replace('.', '_')}`} title={`${c.day}: ${Math.round(c.readSeconds / 60)} min reading, ${c.stateChanges} changes`} />
      ))}
    </div>
  );
}

/** The dashboard: overall, per-folder and per-doc progress, study days, streak, recent topics. */
export function Dashboard({ api, onNavigate, onProgressChanged, version }: Props) {
  const [reload, setReload] = useState(0);
  const read = useApi(api, 'study.dashboard', {}, `${version}:${reload}`);
  const data: DashboardData | null = read.value ?? null;
  const error = data === null ? (read.error?.message ?? null) : null;

  if (error !== null) {
    return <div className="reader-status error" role="alert">
        <BoundedText text={error} />
      </div>;
  }
  if (data === null) {
    return <div className="reader-status" role="status">Loading your progress…</div>;
  }
  const open = (docPath: string, slug: string | null): void => onNavigate({ view: 'read', path: docPath, slug });
  return (
    <section className="dashboard" aria-label="Dashboard">
      <h1>Your progress</h1>
      <HubProgress onDone={() => setReload((r) => r + 1)} />
      <div className="dash-cards">
        <div className="dash-card">
          <div className="dash-big" data-testid="overall-percent">{data.overall.percent}%</div>
          <div className="muted">
            {data.overall.done} of {data.overall.counted} topics done
          </div>
        </div>
        <div className="dash-card">
          <div className="dash-big">{data.streak}</div>
          <div className="muted">day streak</div>
        </div>
        <div className="dash-card">
          <div className="dash-big">{data.noteCount}</div>
          <div className="muted">notes</div>
        </div>
        {data.continueAt !== null && (
          <div className="dash-card continue">
            <div className="muted">Continue where you left off</div>
            <button type="button" className="primary" onClick={() => open(data.continueAt?.docPath ?? '', data.continueAt?.slug ?? null)}>
              {data.continueAt.title} →
            </button>
          </div>
        )}
      </div>
      <ReviewPanel api={api} onNavigate={onNavigate} version={version + reload} />
      <h2>Study days</h2>
      <Heatmap cells={data.heatmap} />
      <div className="dash-columns">
        <div>
          <h2 id="hub-overview-title">Hub overview</h2>
          <section aria-labelledby="hub-overview-title">
            <HubOverview docs={data.docs} folders={data.folders} onOpen={(p) => open(p, null)} />
          </section>
        </div>
        <div>
          <h2>Recently read</h2>
          {data.recent.length === 0 && <p className="muted">Nothing read yet.</p>}
          <ul className="recent-list">
            {data.recent.slice(0, 10).map((r) => (
              <li key={r.topicId}>
                <button type="button" className="link-button" disabled={!r.exists} onClick={() => open(r.docPath, r.topicId.slice(r.topicId.indexOf('#') + 1))}>
                  {r.title}
                </button>{' '}
                <span className="muted">
                  {r.state.replace('-', ' ')} · {new Date(r.at).toLocaleDateString()}
                  {!r.exists && ' · no longer in the hub'}
                </span>
              </li>
            ))}
          </ul>
          <h2>Your data</h2>
          <ExportButton api={api} />
          <ResetProgress
            api={api}
            canUndo={data.canUndoReset}
            onChanged={() => {
              setReload((n) => n + 1);
              onProgressChanged();
            }}
          />
        </div>
      </div>
    </section>
  );
}
