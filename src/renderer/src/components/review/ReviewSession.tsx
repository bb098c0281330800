import { useEffect, useEffectEvent, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { DueCard } from '../../../../core/api/reviewApi';
import type { Route } from '../../route';
import { DocContent } from '../DocContent';
import { isTyping } from '../study/ProgressControls';
import { formatDue } from './formatDue';
import './review.css';
import { BoundedText } from '../BoundedText';

type Props = { api: StudyApi; onNavigate: (route: Route) => void; /** Called after each grade (the topbar count). */ onReviewed?: () => void };

const GRADES = [
  { grade: 1, label: 'Again' },
  { grade: 2, label: 'Hard' },
  { grade: 3, label: 'Good' },
  { grade: 4, label: 'Easy' },
] as const;

type Queue = { cards: DueCard[]; total: number; nextDue: string | null };

/**
 * The Review view: one due card at a time. Space (or Enter) reveals the answer, rendered like the
 * hub; 1-4 grade it Again / Hard / Good / Easy; the next due date of the graded card is shown.
 */
export function ReviewView({ api, onNavigate, onReviewed }: Props) {
  const [queue, setQueue] = useState<Queue | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [last, setLast] = useState<{ question: string; due: string; grade: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api['review.due']({ limit: 50 }).then((res) => {
      if (!live) {
        return;
      }
      if (res.ok) {
        setQueue(res.value);
        setError(null);
      } else {
        setError(res.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [api, reload]);

  const card = queue?.cards[0] ?? null;

  const grade = async (g: 1 | 2 | 3 | 4): Promise<void> => {
    if (card === null || queue === null || !revealed) {
      return;
    }
    // The next card shows at once, so keys pressed while the grade is saved act on it.
    const rest = queue.cards.slice(1);
    setRevealed(false);
    setQueue({ ...queue, cards: rest, total: Math.max(0, queue.total - 1) });
    const res = await api['review.grade']({ cardId: card.id, grade: g });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setLast({ question: card.topicTitle ?? 'Card', due: res.value.due, grade: GRADES[g - 1]?.label ?? '' });
    onReviewed?.();
    if (rest.length === 0) {
      setReload((n) => n + 1);
    } else {
      setQueue((q) => (q === null ? q : { ...q, total: Math.min(q.total, res.value.remaining) }));
    }
  };

  const onKey = useEffectEvent((e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target) || card === null) {
      return;
    }
    if ((e.key === ' ' || e.key === 'Enter') && !revealed) {
      // Space on a focused button would click it too: one reveal only.
      e.preventDefault();
      setRevealed(true);
    } else if (revealed && ['1', '2', '3', '4'].includes(e.key)) {
      e.preventDefault();
      void grade(Number(e.key) as 1 | 2 | 3 | 4);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (error !== null) {
    return <div className="reader-status error" role="alert">
        <BoundedText text={error} />
      </div>;
  }
  if (queue === null) {
    return <div className="reader-status" role="status">Loading your review…</div>;
  }
  const openTopic = (): void => {
    if (card !== null && card.docPath !== null && card.topicId !== null) {
      onNavigate({ view: 'read', path: card.docPath, slug: card.topicId.slice(card.topicId.indexOf('#') + 1) || null });
    }
  };
  return (
    <section className="review-view" aria-label="Review">
      <header className="review-head">
        <h1>Review</h1>
        <span className="review-count" data-testid="review-remaining" aria-live="polite">
          {queue.total} due
        </span>
      </header>
      {last !== null && (
        <p className="review-last" role="status" data-testid="review-last">
          {last.grade} — next review of “{last.question}” {formatDue(last.due)}.
        </p>
      )}
      {card === null ? (
        <div className="review-empty">
          <p>
            <strong>Nothing due right now.</strong> Cards come from the “Check yourself” questions and API operations of the topics you mark done, and from cards you make.
          </p>
          {queue.nextDue !== null && <p className="muted">Next card due {formatDue(queue.nextDue)}.</p>}
        </div>
      ) : (
        <article className="review-card" aria-label="Card" data-card-id={card.id}>
          <div className="review-meta">
            {card.topicTitle !== null ? (
              <button type="button" className="link-button" onClick={openTopic}>
                {card.topicTitle}
              </button>
            ) : (
              <span className="muted">Your card</span>
            )}
            <span className="muted">{card.kind === 'api' ? 'API' : card.kind === 'user' ? 'your card' : 'check yourself'}{card.state === 0 ? ' · new' : ''}</span>
            {card.stale && <span className="stale-badge">topic changed since you finished it</span>}
          </div>
          <div className="review-question markdown-body">
            <DocContent safeHast={card.questionHast} api={api} onNavigate={onNavigate} />
          </div>
          {revealed ? (
            <>
              <div className="review-answer markdown-body" aria-label="Answer">
                <DocContent safeHast={card.answerHast} api={api} onNavigate={onNavigate} />
              </div>
              <div className="review-grades" role="group" aria-label="How well did you recall it?">
                {GRADES.map((g) => (
                  <button key={g.grade} type="button" className={`grade grade-${g.grade}`} aria-keyshortcuts={String(g.grade)} onClick={() => void grade(g.grade)}>
                    <kbd>{g.grade}</kbd> {g.label}
                    <span className="grade-due">{formatDue(card.preview[String(g.grade) as '1' | '2' | '3' | '4'])}</span>
                  </button>
                ))}
              </div>
            </>
          ) : (
            <button type="button" className="primary review-reveal" aria-keyshortcuts="Space" onClick={() => setRevealed(true)}>
              Show answer <kbd>Space</kbd>
            </button>
          )}
        </article>
      )}
    </section>
  );
}
