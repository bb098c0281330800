import { useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';

/** The number of review cards due now (for the topbar), re-read whenever `version` changes. */
export function useDueCount(api: StudyApi, version: number): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void api['review.stats']({}).then((res) => {
      if (live && res.ok) {
        setCount(res.value.dueToday);
      }
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  return count;
}
