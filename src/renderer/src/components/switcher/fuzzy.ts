/**
 * Fuzzy matching for the quick switcher: the query's characters must appear in order in the
 * text (case-insensitive); runs of consecutive characters, word starts and a match early in the
 * text score higher, so "sysdes" finds "System Design" before "says descriptions".
 */

/** A match: a score (higher is better) and the indices of the matched characters. */
export type FuzzyMatch = { score: number; indices: number[] };

const isWordStart = (text: string, i: number): boolean => {
  if (i === 0) {
    return true;
  }
  const prev = text[i - 1] ?? '';
  const cur = text[i] ?? '';
  return /[\s/_\-.#(]/.test(prev) || (/[a-z]/.test(prev) && /[A-Z]/.test(cur)) || (/\D/.test(prev) && /\d/.test(cur));
};

/**
 * Matches `query` (spaces ignored) against `text`. Null when some character is missing. Each
 * character is placed greedily but prefers a word start or the next character of a run.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') {
    return { score: 0, indices: [] };
  }
  const lower = text.toLowerCase();
  // Quick reject, and the latest position each query character may take.
  const last: number[] = [];
  let at = lower.length;
  for (let k = q.length - 1; k >= 0; k--) {
    if (at <= 0) {
      return null;
    }
    at = lower.lastIndexOf(q[k] ?? '', at - 1);
    if (at === -1) {
      return null;
    }
    last[k] = at;
  }
  const indices: number[] = [];
  let score = 0;
  let from = 0;
  for (let k = 0; k < q.length; k++) {
    const ch = q[k] ?? '';
    const limit = last[k] ?? lower.length;
    const prev = indices[k - 1];
    let pick = -1;
    // The next character of a run first, then a word start, else the first occurrence.
    if (prev !== undefined && lower[prev + 1] === ch && prev + 1 <= limit) {
      pick = prev + 1;
    } else {
      let first = -1;
      for (let i = lower.indexOf(ch, from); i !== -1 && i <= limit; i = lower.indexOf(ch, i + 1)) {
        if (first === -1) {
          first = i;
        }
        if (isWordStart(text, i)) {
          pick = i;
          break;
        }
      }
      if (pick === -1) {
        pick = first;
      }
    }
    if (pick === -1) {
      return null;
    }
    score += 1;
    if (prev !== undefined && pick === prev + 1) {
      score += 5;
    }
    if (isWordStart(text, pick)) {
      score += 3;
    }
    if (prev !== undefined) {
      score -= Math.min(3, (pick - prev - 1) * 0.1);
    }
    indices.push(pick);
    from = pick + 1;
  }
  // An earlier first match and a shorter text win ties.
  score -= Math.min(5, (indices[0] ?? 0) * 0.05) + Math.min(2, text.length * 0.005);
  if (lower.startsWith(q)) {
    score += 4;
  }
  return { score, indices };
}

/** A doc the switcher can open. */
export type SwitcherItem = { path: string; title: string; kind: 'doc' | 'spec' };

/** A ranked item: the match of its title (when that is where it matched) and of its path. */
export type RankedItem = SwitcherItem & { score: number; titleIndices: number[]; pathIndices: number[] };

/**
 * Ranks items by the better of their title match and path match (a title match weighs more).
 * An empty query keeps the given order.
 */
export function rankItems(items: readonly SwitcherItem[], query: string, limit = 50): RankedItem[] {
  const ranked: RankedItem[] = [];
  for (const item of items) {
    const t = fuzzyMatch(query, item.title);
    const p = fuzzyMatch(query, item.path);
    if (t === null && p === null) {
      continue;
    }
    const titleScore = t === null ? -Infinity : t.score + 2;
    const pathScore = p === null ? -Infinity : p.score;
    ranked.push({
      ...item,
      score: Math.max(titleScore, pathScore),
      titleIndices: titleScore >= pathScore ? (t?.indices ?? []) : [],
      pathIndices: titleScore >= pathScore ? [] : (p?.indices ?? []),
    });
  }
  if (query.trim() !== '') {
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    ranked.sort((a, b) => b.score - a.score || collator.compare(a.path, b.path));
  }
  return ranked.slice(0, limit);
}
