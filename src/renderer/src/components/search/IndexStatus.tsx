import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';

type Progress = { done: number; total: number; phase: 'indexing' | 'ready' };

/** Shows indexing progress while the search index is being built; nothing once it is ready. */
export function IndexStatus({ api, events }: { api: StudyApi; events: EventSource }) {
  const read = useApi(api, 'search.status', {});
  // A pushed progress event is newer than the status read at start.
  const [pushed, setPushed] = useState<Progress | null>(null);
  useEffect(
    () =>
      events.subscribe((e) => {
        if (e.type === 'index.progress') {
          setPushed({ done: e.done, total: e.total, phase: e.phase });
        }
      }),
    [events],
  );
  const progress: Progress | null = pushed ?? read.value ?? null;
  if (progress === null || progress.phase === 'ready') {
    return null;
  }
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <span className="index-status" role="status" aria-live="polite">
      Indexing… {pct}%
      <progress max={progress.total} value={progress.done} aria-label="Search indexing progress" />
    </span>
  );
}
