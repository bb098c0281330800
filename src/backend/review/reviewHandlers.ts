/** `review.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import type { reviewSchemas } from '../../core/api/reviewApi';
import type { ReviewService } from './reviewService';

/** Creates the review handlers over a ReviewService. */
export function createReviewHandlers(review: ReviewService): Handlers<keyof typeof reviewSchemas> {
  return {
    'review.due': ({ limit }) => review.due(limit),
    'review.grade': ({ cardId, grade }) => review.grade(cardId, grade),
    'review.cards': ({ topicId }) => review.topicCards(topicId),
    'review.createCard': (input) => review.createCard(input),
    'review.deleteCard': ({ id }) => review.deleteCard(id),
    'review.stats': () => review.stats(),
    'review.stale': () => review.stale(),
    'review.diff': ({ topicId }) => Promise.resolve(review.diff(topicId)),
    'review.acceptChange': ({ topicId }) => review.acceptChange(topicId),
  };
}
