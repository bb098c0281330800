import { useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { ReviewStats } from '../../../../core/api/reviewApi';
import type { Route } from '../../route';
import { RetentionChart } from './RetentionChart';
import './review.css';
import { BoundedText } from '../BoundedText';

type Props = { api: StudyApi; onNavigate: (route: Route) => void; version: number };

const slugOf = (topicId: string): string | null => topicId.slice(topicId.indexOf('#') + 1) || null;

/** The dashboard's review part: cards due today, review streak, 30-day retention, weak and changed topics. */
export function ReviewPanel({ api, onNavigate, version }: Props) {
  const [stats, setStats] = useState<ReviewStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api['review.stats']({}).then((res) => {
      if (live) {
        if (res.ok) {
          setStats(res.value);
        } else {
          setError(res.error.message);
        }
      }
    });
    return () => {
      live = false;
    };
  }, [api, version]);
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
          <div className="muted">cards due today{stats.newCards > 0 ? ` (${stats.newCards} new)` : ''}</div>
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
