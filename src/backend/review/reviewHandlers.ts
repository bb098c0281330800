/** `review.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import type { reviewSchemas } from '../../core/api/reviewApi';
import { CardBrowser } from './cardBrowser';
import type { ReviewService } from './reviewService';

/** Creates the review handlers over a ReviewService. */
export function createReviewHandlers(review: ReviewService): Handlers<keyof typeof reviewSchemas> {
  const browser = new CardBrowser(review);
  return {
    'review.due': ({ limit, topicId }) => review.due(limit, topicId),
    'review.grade': ({ cardId, grade }) => review.grade(cardId, grade),
    'review.undo': () => review.undo(),
    'review.cards': ({ topicId }) => browser.topicCards(topicId),
    'review.decide': ({ cardIds, status }) => browser.decide(cardIds, status),
    'review.editCard': ({ cardId, question, answer }) => browser.editCard(cardId, question, answer),
    'review.suspend': ({ cardId, suspended }) => browser.suspend(cardId, suspended),
    'review.resetCard': ({ cardId }) => browser.resetCard(cardId),
    'review.browse': (filter) => browser.browse(filter),
    'review.settings': () => Promise.resolve(review.settings()),
    'review.setSettings': (change) => review.setSettings(change),
    'review.orphans': () => browser.orphans(),
    'review.relink': ({ fromId, toId }) => browser.relink(fromId, toId),
    'review.createCard': (input) => review.createCard(input),
    'review.deleteCard': ({ id }) => review.deleteCard(id),
    'review.stats': () => review.stats(),
    'review.stale': () => review.stale(),
    'review.diff': ({ topicId }) => Promise.resolve(review.diff(topicId)),
    'review.acceptChange': ({ topicId }) => review.acceptChange(topicId),
  };
}
