/** The learner's last searches, kept in localStorage (per browser profile; nothing secret). */
const KEY = 'nexus.recentSearches';
const MAX = 8;

/** Most recent first. */
export function loadRecent(): string[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    const list: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Remembers a search (moved to the front if already there). */
export function rememberSearch(q: string): string[] {
  const query = q.trim();
  if (query === '') {
    return loadRecent();
  }
  const next = [query, ...loadRecent().filter((x) => x !== query)].slice(0, MAX);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: recent searches are a convenience only.
  }
  return next;
}
