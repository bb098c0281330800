import { useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';

type Progress = { done: number; total: number; phase: 'indexing' | 'ready' };

/** Shows indexing progress while the search index is being built; nothing once it is ready. */
export function IndexStatus({ api, events }: { api: StudyApi; events: EventSource }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    let live = true;
    void api['search.status']({}).then((res) => {
      if (live && res.ok) {
        setProgress((p) => p ?? res.value);
      }
    });
    const unsubscribe = events.subscribe((e) => {
      if (e.type === 'index.progress') {
        setProgress({ done: e.done, total: e.total, phase: e.phase });
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, events]);
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
