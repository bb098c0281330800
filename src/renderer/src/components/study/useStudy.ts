/** The learner's progress as the UI needs it: states by topic, percent by doc, and setters. */
import { useCallback, useEffect, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { ProgressEntry, ProgressState } from '../../../../core/api/studyApi';

/** What the sidebar and the reader show of progress. */
export type ProgressView = {
  progress: Record<string, ProgressEntry>;
  /** Percent done per doc path (skipped topics left out). */
  docPercent: Record<string, number>;
};

/** The study state hook: loads progress, sets states, refreshes after changes. */
export type StudyHandle = ProgressView & {
  stateOf: (topicId: string) => ProgressState;
  setState: (topicId: string, state: ProgressState) => Promise<string | null>;
  refresh: () => Promise<void>;
  /** Bumped after every change (views that show derived stats reload). */
  version: number;
};

type Loaded = { progress: ProgressView['progress'] | null; docPercent: ProgressView['docPercent'] | null };

async function load(api: StudyApi): Promise<Loaded> {
  const [p, d] = await Promise.all([api['progress.get']({}), api['study.dashboard']({})]);
  return {
    progress: p.ok ? p.value.progress : null,
    docPercent: d.ok ? Object.fromEntries(d.value.docs.map((doc) => [doc.path, doc.percent])) : null,
  };
}

/** Loads and updates progress through the API. */
export function useStudy(api: StudyApi): StudyHandle {
  const [view, setView] = useState<ProgressView>({ progress: {}, docPercent: {} });
  const [version, setVersion] = useState(0);

  const apply = useCallback((loaded: Loaded) => {
    setView((prev) => ({ progress: loaded.progress ?? prev.progress, docPercent: loaded.docPercent ?? prev.docPercent }));
    setVersion((v) => v + 1);
  }, []);
  const refresh = useCallback(async () => apply(await load(api)), [api, apply]);

  useEffect(() => {
    let live = true;
    void load(api).then((loaded) => {
      if (live) {
        apply(loaded);
      }
    });
    return () => {
      live = false;
    };
  }, [api, apply]);

  const setState = useCallback(
    async (topicId: string, state: ProgressState): Promise<string | null> => {
      const res = await api['progress.set']({ topicId, state });
      if (!res.ok) {
        return res.error.message;
      }
      setView((prev) => ({ ...prev, progress: { ...prev.progress, [topicId]: res.value } }));
      await refresh();
      return null;
    },
    [api, refresh],
  );

  const stateOf = useCallback((topicId: string): ProgressState => view.progress[topicId]?.state ?? 'not-started', [view.progress]);
  return { ...view, stateOf, setState, refresh, version };
}

/** Labels and keys of the four states. */
export const STATES: ReadonlyArray<{ state: ProgressState; label: string; key: string; icon: string }> = [
  { state: 'not-started', label: 'Not started', key: 'N', icon: '○' },
  { state: 'in-progress', label: 'In progress', key: 'I', icon: '◐' },
  { state: 'done', label: 'Done', key: 'D', icon: '✓' },
  { state: 'skipped', label: 'Skipped', key: 'S', icon: '⤼' },
];
