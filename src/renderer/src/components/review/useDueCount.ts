import { useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';

/** What the top bar and the tree show of review: cards due now and the done topics that need review. */
export type ReviewSummary = { due: number | null; needsReview: ReadonlySet<string> };

const NONE: ReadonlySet<string> = new Set();

/** Cards due now and the topics whose cards are mostly forgotten, re-read whenever `version` changes. */
export function useReviewSummary(api: StudyApi, version: number): ReviewSummary {
  const [summary, setSummary] = useState<ReviewSummary>({ due: null, needsReview: NONE });
  useEffect(() => {
    let live = true;
    void api['review.stats']({}).then((res) => {
      if (live && res.ok) {
        setSummary({ due: res.value.dueToday, needsReview: new Set(res.value.needsReview.map((t) => t.topicId)) });
      }
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  return summary;
}
