/**
 * The index's vocabulary: how many entries hold each term (for idf), and the expansions a query
 * word may take: completions of a prefix, spellings one edit away, and forms of the same stem.
 */
import { stem } from './stem';

/** An indexed term a query word expanded to, with how much a match on it counts (0..1]. */
export type Expansion = { term: string; weight: number; how: 'exact' | 'stem' | 'prefix' | 'typo' };

const MAX_PREFIX_EXPANSIONS = 24;
const MAX_TYPO_EXPANSIONS = 8;

/** Term statistics plus lazily built lookup structures (rebuilt after the vocabulary changes). */
export class Vocabulary {
  private readonly df = new Map<string, number>();
  private sorted: string[] | null = null;
  private byLength: Map<number, string[]> | null = null;
  private stems: Map<string, string[]> | null = null;

  /** Counts the distinct `terms` of one entry. */
  addEntry(terms: Iterable<string>): void {
    for (const t of terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.sorted = null;
    this.byLength = null;
    this.stems = null;
  }

  /** How many entries hold `term`. */
  count(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.df.size;
  }

  /** The raw counts, for the on-disk cache. */
  toJSON(): Array<[string, number]> {
    return [...this.df];
  }

  /** Restores counts saved with toJSON. */
  static fromJSON(pairs: Array<[string, number]>): Vocabulary {
    const v = new Vocabulary();
    for (const [t, n] of pairs) {
      v.df.set(t, n);
    }
    return v;
  }

  /** Ways `word` may match: itself, other forms of its stem, and (as asked) completions and typos. */
  expand(word: string, options: { prefix: boolean; typo: boolean }): Expansion[] {
    const out = new Map<string, Expansion>();
    const put = (e: Expansion): void => {
      const prev = out.get(e.term);
      if (prev === undefined || prev.weight < e.weight) {
        out.set(e.term, e);
      }
    };
    if (this.df.has(word)) {
      put({ term: word, weight: 1, how: 'exact' });
    }
    const bases: Array<[string, number]> = [[word, 1]];
    if (options.typo && !this.df.has(word) && word.length >= 4) {
      for (const term of this.typos(word)) {
        put({ term, weight: 0.7, how: 'typo' });
        bases.push([term, 0.7]);
      }
    }
    for (const [base, weight] of bases) {
      for (const form of this.stemGroup(stem(base))) {
        put({ term: form, weight: 0.8 * weight, how: 'stem' });
      }
    }
    if (options.prefix) {
      for (const term of this.completions(word)) {
        // Longer completions of a short prefix count less: `ca` is weak evidence for `cache_control`.
        put({ term, weight: 0.9 * Math.min(1, (word.length + 2) / term.length), how: 'prefix' });
      }
    }
    return [...out.values()];
  }

  private completions(prefix: string): string[] {
    const sorted = (this.sorted ??= [...this.df.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      if (sorted[i] !== prefix) {
        found.push(sorted[i]!);
      }
    }
    if (found.length > MAX_PREFIX_EXPANSIONS) {
      found.sort((a, b) => this.count(b) - this.count(a));
      found.length = MAX_PREFIX_EXPANSIONS;
    }
    return found;
  }

  private typos(word: string): string[] {
    if (this.byLength === null) {
      this.byLength = new Map();
      for (const t of this.df.keys()) {
        const list = this.byLength.get(t.length);
        if (list === undefined) {
          this.byLength.set(t.length, [t]);
        } else {
          list.push(t);
        }
      }
    }
    const found: string[] = [];
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      for (const t of this.byLength.get(len) ?? []) {
        if (withinOneEdit(word, t)) {
          found.push(t);
        }
      }
    }
    found.sort((a, b) => this.count(b) - this.count(a));
    return found.slice(0, MAX_TYPO_EXPANSIONS);
  }

  private stemGroup(s: string): string[] {
    if (this.stems === null) {
      this.stems = new Map();
      for (const t of this.df.keys()) {
        const k = stem(t);
        const list = this.stems.get(k);
        if (list === undefined) {
          this.stems.set(k, [t]);
        } else {
          list.push(t);
        }
      }
    }
    return this.stems.get(s) ?? [];
  }
}

/** True when `a` becomes `b` by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) {
    return false;
  }
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++;
  }
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) {
      return true;
    }
    // A swap of two neighbours: `uplaods` -> `uploads`.
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
