import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { TopicCard } from '../../../../core/api/reviewApi';
import { useApi } from '../../api/useApi';
import type { Topic } from '../../../../core/hub/types';
import type { Route } from '../../route';
import { CardEditor } from './CardEditor';
import { ReviewSession } from './ReviewSession';
import { kindLabel, nextDue, statusLabel } from './cardLabels';
import './review.css';
import './topicCards.css';
import { BoundedText } from '../BoundedText';

type Props = {
  api: StudyApi;
  topic: Topic | null;
  /** Bumped when cards change elsewhere (one was made, a review graded): the list is read again. */
  version?: number;
  /** A card was accepted, dismissed, edited or deleted here. */
  onChanged?: () => void;
  /** Where a card's links lead (the topic review session renders cards). */
  onNavigate?: (route: Route) => void;
};

/**
 * "Cards (N)": the topic's cards. Found cards are suggestions: accept all, accept one, edit then
 * accept, or dismiss (remembered; dismissed ones can be restored). The learner's own cards can be
 * deleted. Leeches are flagged.
 */
export function TopicCards({ api, topic, version = 0, onChanged, onNavigate }: Props) {
  const topicId = topic?.id ?? null;
  const read = useApi(api, 'review.cards', topicId === null ? null : { topicId }, version);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? read.error?.message ?? null;

  const after = (res: { ok: true } | { ok: false; error: { message: string } }): void => {
    setError(res.ok ? null : res.error.message);
    read.reload();
    onChanged?.();
  };
  const decide = async (ids: string[], status: 'accepted' | 'dismissed' | 'suggested'): Promise<void> => {
    after(await api['review.decide']({ cardIds: ids, status }));
  };
  const edit = async (card: TopicCard, question: string, answer: string): Promise<void> => {
    setEditing(null);
    after(await api['review.editCard']({ cardId: card.id, question, answer }));
  };
  const remove = async (card: TopicCard): Promise<void> => {
    if (card.userCardId === null) {
      return;
    }
    setConfirming(null);
    after(await api['review.deleteCard']({ id: card.userCardId }));
  };

  // A list fetched for another topic is never shown under this one.
  const cards: TopicCard[] = read.value?.cards ?? [];
  if (topicId === null || (cards.length === 0 && error === null)) {
    return null;
  }
  const shown = cards.filter((c) => c.status !== 'dismissed');
  const dismissed = cards.filter((c) => c.status === 'dismissed');
  const suggested = shown.filter((c) => c.status === 'suggested');
  const leeches = cards.filter((c) => c.leech).length;
  const weak = read.value?.needsReview === true;
  return (
    <details className="topic-cards">
      <summary>
        Cards ({shown.length}){suggested.length > 0 ? ` · ${suggested.length} suggested` : ''}
        {leeches > 0 && (
          <span className="leech-badge">
            {' '}
            {leeches} leech{leeches > 1 ? 'es' : ''}
          </span>
        )}
        {weak && <span className="needs-review-badge">needs review</span>}
      </summary>
      {/* Over the text, not in the flow: opening the list or a card editor does not move the page. */}
      <div className="topic-cards-body">
        {weak && (
          <button type="button" onClick={() => setReviewing(reviewing === topicId ? null : topicId)}>
            {reviewing === topicId ? 'Close the review' : 'Review this topic'}
          </button>
        )}
        {reviewing === topicId && (
          <ReviewSession
            api={api}
            onNavigate={onNavigate ?? (() => undefined)}
            topicId={topicId}
            {...(onChanged !== undefined ? { onReviewed: onChanged } : {})}
          />
        )}
        {error !== null && (
          <p className="save-error" role="alert">
            <BoundedText text={error} />
          </p>
        )}
        {suggested.length > 1 && (
          <button
            type="button"
            onClick={() =>
              void decide(
                suggested.map((c) => c.id),
                'accepted',
              )
            }
          >
            Accept all {suggested.length}
          </button>
        )}
        <ul aria-label="Review cards of this topic">
          {shown.map((card) => (
            <li key={card.id} data-card-id={card.id}>
              {editing === card.id ? (
                <CardEditor
                  question={card.question}
                  answer={card.answer}
                  saveLabel={card.status === 'suggested' ? 'Accept' : 'Save'}
                  onSave={(q, a) => void edit(card, q, a)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <span className="topic-card-question" title={card.question}>
                    {card.question}
                  </span>
                  <span className="muted">
                    {kindLabel[card.kind]} ·{' '}
                    {card.status === 'suggested' && !card.active
                      ? 'suggested'
                      : card.suspended
                        ? 'suspended'
                        : card.active
                          ? nextDue(card)
                          : statusLabel[card.status]}
                    {card.edited ? ' · edited' : ''}
                  </span>
                  {card.leech && <span className="leech-badge">leech</span>}
                  {card.status === 'suggested' && (
                    <button type="button" aria-label={`Accept card: ${card.question}`} onClick={() => void decide([card.id], 'accepted')}>
                      Accept
                    </button>
                  )}
                  <button type="button" aria-label={`Edit card: ${card.question}`} onClick={() => setEditing(card.id)}>
                    Edit
                  </button>
                  {card.status !== 'own' && (
                    <button type="button" aria-label={`Dismiss card: ${card.question}`} onClick={() => void decide([card.id], 'dismissed')}>
                      Dismiss
                    </button>
                  )}
                  {card.userCardId !== null &&
                    (confirming === card.id ? (
                      <span className="topic-card-confirm" role="group" aria-label="Confirm delete">
                        Delete this card?
                        <button type="button" className="danger" onClick={() => void remove(card)}>
                          Delete
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button type="button" aria-label={`Delete card: ${card.question}`} onClick={() => setConfirming(card.id)}>
                        Delete
                      </button>
                    ))}
                </>
              )}
            </li>
          ))}
        </ul>
        {dismissed.length > 0 && (
          <details>
            <summary>Dismissed ({dismissed.length})</summary>
            <ul aria-label="Dismissed cards of this topic">
              {dismissed.map((card) => (
                <li key={card.id}>
                  <span className="topic-card-question">{card.question}</span>
                  <button type="button" aria-label={`Restore card: ${card.question}`} onClick={() => void decide([card.id], 'suggested')}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </details>
  );
}
