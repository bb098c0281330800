/** Words the review views use for card kinds and states. */
import type { CardStatus, TopicCard } from '../../../../core/api/reviewApi';
import { formatDue } from './formatDue';

/** Where a card came from, in words. */
export const kindLabel: Record<TopicCard['kind'], string> = {
  check: 'Check yourself',
  api: 'API',
  details: 'Details block',
  qa: 'Q/A pair',
  heading: 'Question heading',
  table: 'Term table',
  user: 'Yours',
};

/** The learner's decision, in words. */
export const statusLabel: Record<CardStatus, string> = { own: 'yours', suggested: 'suggested', accepted: 'in review', dismissed: 'dismissed' };

/** When a card comes up next, in words. */
export function nextDue(card: Pick<TopicCard, 'due' | 'reps'>): string {
  return card.due === null || card.reps === 0 ? 'new, not reviewed yet' : `due ${formatDue(card.due)}`;
}
