import { useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { TopicCard } from '../../../../core/api/reviewApi';
import type { Topic } from '../../../../core/hub/types';
import { formatDue } from './formatDue';
import './review.css';
import './topicCards.css';
import { BoundedText } from '../BoundedText';

type Props = {
  api: StudyApi;
  topic: Topic | null;
  /** Bumped when cards change elsewhere (one was made, a review graded): the list is read again. */
  version?: number;
  /** A card was deleted here. */
  onChanged?: () => void;
};

const kindLabel: Record<TopicCard['kind'], string> = { check: 'Check yourself', api: 'API', user: 'Yours' };

/** When a card comes up next, in words. */
function nextDue(card: TopicCard): string {
  return card.due === null ? 'new, not reviewed yet' : `due ${formatDue(card.due)}`;
}

/** "Cards (N)": the topic's review cards with their schedule; the learner's own cards can be deleted. */
export function TopicCards({ api, topic, version = 0, onChanged }: Props) {
  const topicId = topic?.id ?? null;
  const [loaded, setLoaded] = useState<{ topicId: string; cards: TopicCard[] } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (topicId === null) {
      return undefined;
    }
    let live = true;
    void api['review.cards']({ topicId }).then((res) => {
      if (live) {
        setLoaded(res.ok ? { topicId, cards: res.value.cards } : null);
        setError(res.ok ? null : res.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [api, topicId, version]);

  const remove = async (card: TopicCard): Promise<void> => {
    if (card.userCardId === null) {
      return;
    }
    const res = await api['review.deleteCard']({ id: card.userCardId });
    setConfirming(null);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setError(null);
    setLoaded((prev) => (prev === null ? prev : { ...prev, cards: prev.cards.filter((c) => c.id !== card.id) }));
    onChanged?.();
  };

  // A list fetched for another topic is never shown under this one.
  const cards = loaded !== null && loaded.topicId === topicId ? loaded.cards : [];
  if (topicId === null || (cards.length === 0 && error === null)) {
    return null;
  }
  return (
    <details className="topic-cards">
      <summary>Cards ({cards.length})</summary>
      {error !== null && (
        <p className="save-error" role="alert">
          <BoundedText text={error} />
        </p>
      )}
      <ul aria-label="Review cards of this topic">
        {cards.map((card) => (
          <li key={card.id}>
            <span className="topic-card-question" title={card.question}>
              {card.question}
            </span>
            <span className="muted">
              {kindLabel[card.kind]} · {nextDue(card)}
            </span>
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
          </li>
        ))}
      </ul>
    </details>
  );
}
