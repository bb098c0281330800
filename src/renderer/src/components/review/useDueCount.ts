import { useMemo } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import { useApi } from '../../api/useApi';

/** What the top bar and the tree show of review: cards due now and the done topics that need review. */
export type ReviewSummary = { due: number | null; needsReview: ReadonlySet<string> };

const NONE: ReadonlySet<string> = new Set();

/** Cards due now and the topics whose cards are mostly forgotten, re-read whenever `version` changes. */
export function useReviewSummary(api: StudyApi, version: number): ReviewSummary {
  const { value } = useApi(api, 'review.stats', {}, version);
  return useMemo(
    () => (value === undefined ? { due: null, needsReview: NONE } : { due: value.dueToday, needsReview: new Set(value.needsReview.map((t) => t.topicId)) }),
    [value],
  );
}
