import { useEffect, useEffectEvent, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { DueCard } from '../../../../core/api/reviewApi';
import type { Route } from '../../route';
import { useApi } from '../../api/useApi';
import { DocContent } from '../DocContent';
import { isTyping } from '../study/ProgressControls';
import { kindLabel } from './cardLabels';
import { formatDue } from './formatDue';
import './review.css';
import { BoundedText } from '../BoundedText';

type Props = {
  api: StudyApi;
  onNavigate: (route: Route) => void;
  /** Called after each grade or undo (the topbar count). */
  onReviewed?: () => void;
  /** Review only this topic's due and fading cards, without the daily limits. */
  topicId?: string;
};

const GRADES = [
  { grade: 1, label: 'Again' },
  { grade: 2, label: 'Hard' },
  { grade: 3, label: 'Good' },
  { grade: 4, label: 'Easy' },
] as const;

type Queue = { cards: DueCard[]; total: number; nextDue: string | null; limited: number };

/** What this sitting did: cards answered, Again count, when it started. */
type Session = { cards: number; again: number; startedAt: number; lastAt: number; grades: number[] };

/**
 * A review session: one due card at a time. Space (or Enter) reveals the answer, rendered like the
 * hub; 1-4 grade it Again / Hard / Good / Easy; Ctrl+Z takes the last answer back. When the queue
 * is empty, a summary (cards, time, Again count) and the next due time.
 */
export function ReviewSession({ api, onNavigate, onReviewed, topicId }: Props) {
  const due = useApi(api, 'review.due', { limit: 50, ...(topicId !== undefined ? { topicId } : {}) });
  // The queue as graded here (the next card shows at once), until the next read of the due cards.
  const [local, setLocal] = useState<{ of: Queue | undefined; queue: Queue } | null>(null);
  const queue = local !== null && local.of === due.value ? local.queue : (due.value ?? null);
  const [revealed, setRevealed] = useState(false);
  const [last, setLast] = useState<{ question: string; due: string; grade: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? due.error?.message ?? null;
  const [session, setSession] = useState<Session>(() => ({ cards: 0, again: 0, startedAt: Date.now(), lastAt: Date.now(), grades: [] }));

  const card = queue?.cards[0] ?? null;

  const grade = async (g: 1 | 2 | 3 | 4): Promise<void> => {
    if (card === null || queue === null || !revealed) {
      return;
    }
    // The next card shows at once, so keys pressed while the grade is saved act on it.
    const rest = queue.cards.slice(1);
    setRevealed(false);
    setLocal({ of: due.value, queue: { ...queue, cards: rest, total: Math.max(0, queue.total - 1) } });
    const res = await api['review.grade']({ cardId: card.id, grade: g });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setLast({ question: card.topicTitle ?? 'Card', due: res.value.due, grade: GRADES[g - 1]?.label ?? '' });
    setNotice(res.value.leech ? 'That card was forgotten 8 times: it is now a leech and suspended. Rewrite it in the card browser, then unsuspend it.' : null);
    setSession((s) => ({ ...s, cards: s.cards + 1, again: s.again + (g === 1 ? 1 : 0), lastAt: Date.now(), grades: [...s.grades, g] }));
    onReviewed?.();
    if (rest.length === 0) {
      due.reload();
    } else {
      setLocal((l) => (l === null ? l : { ...l, queue: { ...l.queue, total: Math.min(l.queue.total, res.value.remaining) } }));
    }
  };

  const undo = async (): Promise<void> => {
    const res = await api['review.undo']({});
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    if (res.value.undone === null) {
      setNotice('Nothing to undo.');
      return;
    }
    setNotice(res.value.undone === 'answer' ? 'Your last answer was taken back.' : `Undone: ${res.value.undone}.`);
    if (res.value.undone === 'answer') {
      setSession((s) => ({ ...s, cards: Math.max(0, s.cards - 1), again: s.again - (s.grades.at(-1) === 1 ? 1 : 0), grades: s.grades.slice(0, -1) }));
      setLast(null);
    }
    setRevealed(false);
    due.reload();
    onReviewed?.();
  };

  const onKey = useEffectEvent((e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTyping(e.target)) {
      e.preventDefault();
      void undo();
      return;
    }
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
  const minutes = Math.max(1, Math.round((session.lastAt - session.startedAt) / 60_000));
  return (
    <div className="review-session">
      <p className="review-head">
        <span className="review-count" data-testid="review-remaining" aria-live="polite">
          {queue.total} due
        </span>
        <button type="button" aria-keyshortcuts="Control+Z Meta+Z" disabled={session.cards === 0} onClick={() => void undo()}>
          Undo answer <kbd>Ctrl Z</kbd>
        </button>
      </p>
      {notice !== null && (
        <p className="review-last" role="status" data-testid="review-notice">
          {notice}
        </p>
      )}
      {last !== null && (
        <p className="review-last" role="status" data-testid="review-last">
          {last.grade} — next review of “{last.question}” {formatDue(last.due)}.
        </p>
      )}
      {card === null && session.cards > 0 && (
        <section className="review-summary" aria-label="Session summary" data-testid="review-summary">
          <strong>Session done.</strong>
          <dl>
            <dt>Cards</dt>
            <dd>{session.cards}</dd>
            <dt>Time</dt>
            <dd>{minutes} min</dd>
            <dt>Again</dt>
            <dd>{session.again}</dd>
            <dt>Next due</dt>
            <dd>{queue.nextDue !== null ? formatDue(queue.nextDue) : 'nothing scheduled'}</dd>
          </dl>
        </section>
      )}
      {card === null ? (
        <div className="review-empty">
          {queue.limited > 0 && (
            <p data-testid="review-limited">
              <strong>Daily limit reached.</strong> {queue.limited} more cards wait for tomorrow (change the limits under Settings).
            </p>
          )}
          <p>
            <strong>Nothing due right now.</strong> Cards come from the questions found in the topics you mark done (or accept in a topic’s “Cards” list), and from cards you make.
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
            <span className="muted">
              {kindLabel[card.kind]}
              {card.state === 0 ? ' · new' : ''}
            </span>
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
    </div>
  );
}
