/**
 * `<details><summary>question</summary>answer</details>` anywhere in a doc. Only a summary that
 * reads like a question makes a card: "router.ts" or "Example JSON Response" just folds code away.
 */
import type { Topic } from '../../hub/types';
import { extractDetails } from '../checkCards';
import type { ReviewCard } from '../types';
import { isQuestion } from './isQuestion';

/** The cards of the question-like `<details>` blocks of one doc. */
export function findDetailsCards(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[]): ReviewCard[] {
  return extractDetails(source, topics, { marker: false, accept: isQuestion, kind: 'details' }).cards;
}
