import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import { useApi } from '../../api/useApi';
import type { Route } from '../../route';
import { RetentionChart } from './RetentionChart';
import { ReviewSession } from './ReviewSession';
import './review.css';
import { BoundedText } from '../BoundedText';

type Props = { api: StudyApi; onNavigate: (route: Route) => void; version: number };

const slugOf = (topicId: string): string | null => topicId.slice(topicId.indexOf('#') + 1) || null;

/**
 * The dashboard's review part: cards due today (under the daily limits), review streak, 30-day
 * retention, the future-due forecast, done topics that need review (one click reviews just that
 * topic), weak and changed topics.
 */
export function ReviewPanel({ api, onNavigate, version }: Props) {
  const [topicSession, setTopicSession] = useState<{ topicId: string; title: string } | null>(null);
  const read = useApi(api, 'review.stats', {}, version);
  const stats = read.value ?? null;
  const error = read.error?.message ?? null;
  if (error !== null) {
    return <p className="reader-status error" role="alert">
        <BoundedText text={error} />
      </p>;
  }
  if (stats === null) {
    return null;
  }
  return (
    <section className="review-panel" aria-label="Review">
      <h2>Review</h2>
      <div className="dash-cards">
        <div className="dash-card">
          <div className="dash-big" data-testid="due-today">{stats.dueToday}</div>
          <div className="muted">
            cards due today{stats.newCards > 0 ? ` (${stats.newCards} new)` : ''}
            {(stats.limited ?? 0) > 0 ? ` · ${stats.limited} more held back by your daily limits` : ''}
          </div>
          <button type="button" className="primary" disabled={stats.dueToday === 0} onClick={() => onNavigate({ view: 'review', path: null, slug: null })}>
            Review now
          </button>
        </div>
        <div className="dash-card">
          <div className="dash-big" data-testid="review-streak">{stats.streak}</div>
          <div className="muted">day review streak</div>
        </div>
        <div className="dash-card">
          <div className="dash-big">{stats.totalCards}</div>
          <div className="muted">cards from done topics</div>
        </div>
      </div>
      {topicSession !== null && (
        <section className="review-summary" aria-label={`Review of ${topicSession.title}`}>
          <p className="review-head">
            <strong>Reviewing “{topicSession.title}”</strong>
            <button
              type="button"
              onClick={() => {
                setTopicSession(null);
                read.reload();
              }}
            >
              Close
            </button>
          </p>
          <ReviewSession api={api} onNavigate={onNavigate} topicId={topicSession.topicId} />
        </section>
      )}
      {(stats.needsReview ?? []).length > 0 && (
        <>
          <h3>Needs review</h3>
          <p className="muted">Topics you finished whose cards are mostly forgotten or hold a leech.</p>
          <ul className="weak-list" aria-label="Topics that need review">
            {(stats.needsReview ?? []).map((t) => (
              <li key={t.topicId}>
                <span className="needs-review-badge">needs review</span>{' '}
                <button type="button" className="link-button" onClick={() => onNavigate({ view: 'read', path: t.docPath, slug: slugOf(t.topicId) })}>
                  {t.title}
                </button>{' '}
                <span className="muted">
                  {t.forgotten} of {t.cards} forgotten{t.leeches > 0 ? ` · ${t.leeches} leech${t.leeches > 1 ? 'es' : ''}` : ''}
                </span>{' '}
                <button type="button" onClick={() => setTopicSession({ topicId: t.topicId, title: t.title })}>
                  Review this topic
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Due in the next 14 days</h3>
      <Forecast days={stats.forecast ?? []} />
      <h3>Retention, last 30 days</h3>
      <RetentionChart days={stats.retention} />
      <h3>Weak topics</h3>
      {stats.weakTopics.length === 0 ? (
        <p className="muted">No forgotten cards yet.</p>
      ) : (
        <ul className="weak-list">
          {stats.weakTopics.map((w) => (
            <li key={w.topicId}>
              <button type="button" className="link-button" disabled={!w.exists} onClick={() => onNavigate({ view: 'read', path: w.docPath, slug: slugOf(w.topicId) })}>
                {w.title}
              </button>{' '}
              <span className="muted">
                {w.lapses} lapses · {w.again} × Again{!w.exists && ' · no longer in the hub'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {stats.staleCount > 0 && (
        <p className="stale-note">
          <span className="stale-badge">{stats.staleCount} finished topics changed or moved since you finished them</span> — open them to see what changed.
        </p>
      )}
    </section>
  );
}

/** Bars of the reviews falling due on each coming day. */
function Forecast({ days }: { days: ReadonlyArray<{ day: string; count: number }> }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  return (
    <div className="forecast" role="img" aria-label={`Forecast: ${total} reviews due in the next ${days.length} days`} data-testid="forecast">
      {days.map((d) => (
        <div key={d.day} className="forecast-bar" title={`${d.day}: ${d.count}`} style={{ height: `${(d.count / max) * 100}%` }} />
      ))}
    </div>
  );
}
