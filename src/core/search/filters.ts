/** Whether an entry passes the search filters (doc/folder, kind, study facts). */
import type { SearchEntry, SearchFilters, StudyFacts } from './types';

/** True when `entry` is inside the filtered docs or folders, of a filtered kind, and meets the study filters. */
export function passes(entry: SearchEntry, filters: SearchFilters | undefined, study: StudyFacts | null): boolean {
  if (filters === undefined) {
    return true;
  }
  if (filters.kinds !== undefined && filters.kinds.length > 0 && !filters.kinds.includes(entry.kind)) {
    return false;
  }
  if (filters.paths !== undefined && filters.paths.length > 0) {
    const inside = filters.paths.some((p) => entry.docPath === p || entry.docPath.startsWith(p.endsWith('/') ? p : `${p}/`));
    if (!inside) {
      return false;
    }
  }
  if (study !== null && entry.topicId !== null) {
    if (filters.notDone === true && study.isDone(entry.topicId)) {
      return false;
    }
    if (filters.hasNotes === true && !study.hasNotes(entry.topicId)) {
      return false;
    }
  } else if (filters.hasNotes === true && entry.kind !== 'note') {
    return false;
  }
  return true;
}
