import type { ProgressView } from './useStudy';

const MARKS = { done: '✓', 'in-progress': '◐', skipped: '⤼', 'not-started': '' } as const;

/** The sidebar's progress for one row: a check (or state mark) on topics, a small bar on docs. */
export function TreeProgress({ rowKey, progress }: { rowKey: string; progress: ProgressView }) {
  if (rowKey.startsWith('topic:')) {
    const state = progress.progress[rowKey.slice('topic:'.length)]?.state ?? 'not-started';
    return state === 'not-started' ? null : (
      <span className={`tree-state state-${state}`} aria-label={state.replace('-', ' ')} title={state.replace('-', ' ')}>
        {MARKS[state]}
      </span>
    );
  }
  if (rowKey.startsWith('doc:') || rowKey.startsWith('spec:')) {
    const percent = progress.docPercent[rowKey.slice(rowKey.indexOf(':') + 1)];
    if (percent === undefined) {
      return null;
    }
    return (
      <span className="tree-bar" role="progressbar" aria-label={`${percent}% done`} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} title={`${percent}% done`}>
        <span className="tree-bar-fill" style={{ width: `${percent}%` }} />
      </span>
    );
  }
  return null;
}
