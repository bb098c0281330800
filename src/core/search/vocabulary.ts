/**
 * The index's vocabulary: every term with a numeric id and how many entries hold it (for idf),
 * and the expansions a query word may take: completions of a prefix, spellings one edit away,
 * forms of the same stem, and long compounds holding the word as a part. Lookup structures are
 * kept per term as terms arrive (stems, compound parts) or per first character (sorted
 * completion buckets), so no query ever scans the whole vocabulary.
 */
import { stem } from './stem';

/** An indexed term a query word expanded to, with how much a match on it counts (0..1]. */
export type Expansion = { term: string; weight: number; how: 'exact' | 'stem' | 'prefix' | 'typo' | 'part' };

const MAX_PREFIX_EXPANSIONS = 24;
const MAX_TYPO_EXPANSIONS = 8;
/**
 * Long compound words are found by a part of 4 letters or more (see `decompound`). Measured on
 * ../shared/eval/queries-fastapi.tsv: success@1/@3 and MRR unchanged (0.767 / 0.917 / 0.839).
 * Splitting where only one side is a word of the hub found junk (`stand` -> `standardthe`,
 * `class` -> `classifiers`) and lowered MRR to 0.838, so both sides must be words.
 */
const COMPOUND_MIN = 8;
const PART_MIN = 4;
const PART_WEIGHT = 0.5;
const PLAIN_WORD = /^[a-z]+$/;
/** Characters a typo may insert or substitute in a plain word (the word's own characters are added). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789_';

/** Term ids, document frequencies and the expansion structures. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly df: number[] = [];
  /** stem -> ids of the terms with that stem (filled as terms arrive, or by `prepare`). */
  private readonly stems = new Map<string, number[]>();
  private stemmed = 0;
  /** First code unit -> terms starting with it, sorted once the bucket is needed. */
  private readonly buckets = new Map<number, { terms: string[]; sorted: boolean }>();
  private bucketed = 0;
  /** Part (4+ letters) -> ids of the long compound terms made of it and another indexed word. */
  private readonly parts = new Map<string, number[]>();
  private decompounded = 0;
  /** The vocabulary size when `parts` was last built over every term (by `prepare`). */
  private partsFor = -1;
  /** Non-ASCII letters seen in terms, by 256-code-unit block (Cyrillic, Greek…), for typos. */
  private readonly letters = new Map<number, Set<string>>();

  /** The id of `term`, adding it (with no entries yet) when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.df.push(0);
    }
    return id;
  }

  /** The id of `term`, or undefined when no entry ever held it. */
  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Counts one more entry holding the term with this id. */
  addEntryTerm(id: number): void {
    this.df[id]! += 1;
  }

  /** How many entries hold `term`. */
  count(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.df[id]!;
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.terms.length;
  }

  /** Terms in id order and their counts, for the on-disk cache. */
  toJSON(): { terms: string[]; df: number[] } {
    return { terms: this.terms.slice(), df: this.df.slice() };
  }

  /** Restores a vocabulary saved with toJSON (run `prepare` before the first query to spread its cost). */
  static fromJSON(saved: { terms: ArrayLike<string>; df: ArrayLike<number> }): Vocabulary {
    const v = new Vocabulary();
    for (const _ of v.load(saved)) {
      // Runs to the end in one go.
    }
    return v;
  }

  /** Fills an empty vocabulary from `toJSON` output, in steps (see `prepare`). */
  *load(saved: { terms: ArrayLike<string>; df: ArrayLike<number> }): Generator<void, void, void> {
    for (let i = 0; i < saved.terms.length; i++) {
      const t = saved.terms[i]!;
      this.ids.set(t, i);
      this.terms.push(t);
      this.df.push(saved.df[i] ?? 0);
      if (i % 10_000 === 9_999) {
        yield;
      }
    }
  }

  /**
   * Builds the lookup structures for terms added since the last call, in steps: each `next()`
   * does a few milliseconds of work, so a caller can yield to its event loop between steps.
   * Queries work without it (they finish what is missing), only the first one is slower.
   */
  *prepare(): Generator<void, void, void> {
    const STEP = 2000;
    while (this.stemmed < this.terms.length || this.bucketed < this.terms.length) {
      this.catchUp(STEP);
      yield;
    }
    for (const bucket of this.buckets.values()) {
      if (!bucket.sorted) {
        bucket.terms.sort();
        bucket.sorted = true;
        yield;
      }
    }
    if (this.partsFor !== this.terms.length) {
      // Terms split before their other part arrived are split again, now that every term is in.
      this.parts.clear();
      this.decompounded = 0;
      while (this.decompounded < this.terms.length) {
        this.decompound(STEP);
        yield;
      }
      this.partsFor = this.terms.length;
    }
  }

  private catchUp(max = Infinity): void {
    const stemEnd = Math.min(this.terms.length, this.stemmed + max);
    for (; this.stemmed < stemEnd; this.stemmed++) {
      const t = this.terms[this.stemmed]!;
      const s = stem(t);
      // Most terms (identifiers, numbers, other languages) are their own stem: `stemGroup` finds those by id.
      if (s === t) {
        continue;
      }
      const list = this.stems.get(s);
      if (list === undefined) {
        this.stems.set(s, [this.stemmed]);
      } else {
        list.push(this.stemmed);
      }
    }
    const bucketEnd = Math.min(this.terms.length, this.bucketed + max);
    for (; this.bucketed < bucketEnd; this.bucketed++) {
      const t = this.terms[this.bucketed]!;
      this.learnLetters(t);
      const key = t.charCodeAt(0);
      const bucket = this.buckets.get(key);
      if (bucket === undefined) {
        this.buckets.set(key, { terms: [t], sorted: true });
      } else {
        // A cached vocabulary arrives in sorted order: its buckets never need sorting.
        if (bucket.sorted && bucket.terms[bucket.terms.length - 1]! > t) {
          bucket.sorted = false;
        }
        bucket.terms.push(t);
      }
    }
  }

  /**
   * Splits long plain words where both sides are indexed words of 3 letters or more (`websocket`
   * = web + socket, `dataclasses` = data + classes), so a side of 4 letters or more finds them.
   * Both sides must be words of the hub: `configuration` is not found by `ration`.
   */
  private decompound(max: number): void {
    const end = Math.min(this.terms.length, this.decompounded + max);
    for (; this.decompounded < end; this.decompounded++) {
      const t = this.terms[this.decompounded]!;
      if (t.length < COMPOUND_MIN || !PLAIN_WORD.test(t)) {
        continue;
      }
      for (let i = 3; i <= t.length - 3; i++) {
        const head = t.slice(0, i);
        const tail = t.slice(i);
        if (this.count(head) === 0 || this.count(tail) === 0) {
          continue;
        }
        for (const part of [head, tail]) {
          if (part.length >= PART_MIN) {
            const list = this.parts.get(part);
            if (list === undefined) {
              this.parts.set(part, [this.decompounded]);
            } else if (list[list.length - 1] !== this.decompounded) {
              list.push(this.decompounded);
            }
          }
        }
      }
    }
  }

  private learnLetters(term: string): void {
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      // CJK terms are bigrams (too short for typos): their thousands of characters stay out.
      if (c > 127 && c < 0x2e80) {
        const block = c >> 8;
        let set = this.letters.get(block);
        if (set === undefined) {
          set = new Set();
          this.letters.set(block, set);
        }
        set.add(term[i]!);
      }
    }
  }

  /** The letters a typo in `word` may insert or substitute: ASCII, its own, and its scripts' letters seen. */
  private alphabet(word: string): string[] {
    const chars = new Set(ALPHABET + word);
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c > 127) {
        for (const letter of this.letters.get(c >> 8) ?? []) {
          chars.add(letter);
        }
      }
    }
    return [...chars];
  }

  /** Ways `word` may match: itself, other forms of its stem, and (as asked) completions and typos. */
  expand(word: string, options: { prefix: boolean; typo: boolean }): Expansion[] {
    this.catchUp();
    // Terms added since `prepare` are split against the terms known now (the next `prepare` redoes them all).
    this.decompound(Infinity);
    const out = new Map<string, Expansion>();
    const put = (e: Expansion): void => {
      const prev = out.get(e.term);
      if (prev === undefined || prev.weight < e.weight) {
        out.set(e.term, e);
      }
    };
    const known = this.count(word) > 0;
    if (known) {
      put({ term: word, weight: 1, how: 'exact' });
    }
    const bases: Array<[string, number]> = [[word, 1]];
    if (options.typo && !known && word.length >= 4) {
      for (const term of this.typos(word)) {
        put({ term, weight: 0.7, how: 'typo' });
        bases.push([term, 0.7]);
      }
    }
    for (const [base, weight] of bases) {
      for (const term of this.stemGroup(stem(base))) {
        put({ term, weight: 0.8 * weight, how: 'stem' });
      }
    }
    if (word.length >= PART_MIN) {
      for (const id of this.parts.get(word) ?? []) {
        if (this.df[id]! > 0) {
          put({ term: this.terms[id]!, weight: PART_WEIGHT, how: 'part' });
        }
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

  /** The indexed terms whose stem is `s`: the term `s` itself, and those the stem map lists. */
  private stemGroup(s: string): string[] {
    const out: string[] = [];
    const own = this.ids.get(s);
    if (own !== undefined && this.df[own]! > 0 && stem(s) === s) {
      out.push(s);
    }
    for (const id of this.stems.get(s) ?? []) {
      if (this.df[id]! > 0) {
        out.push(this.terms[id]!);
      }
    }
    return out;
  }

  /** All terms in sorted order as term ids, in steps, for a cache whose buckets load sorted. */
  *sortedIds(): Generator<void, number[], void> {
    this.catchUp();
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    const out: number[] = [];
    for (const key of keys) {
      const bucket = this.buckets.get(key)!;
      if (!bucket.sorted) {
        bucket.terms.sort();
        bucket.sorted = true;
        yield;
      }
      for (const t of bucket.terms) {
        out.push(this.ids.get(t)!);
        if (out.length % 5000 === 0) {
          yield;
        }
      }
    }
    return out;
  }

  /** The most frequent terms that start with `prefix` (not the prefix itself), at most 24. */
  completions(prefix: string): string[] {
    this.catchUp();
    const bucket = this.buckets.get(prefix.charCodeAt(0));
    if (bucket === undefined) {
      return [];
    }
    if (!bucket.sorted) {
      bucket.terms.sort();
      bucket.sorted = true;
    }
    const sorted = bucket.terms;
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
    // Keep the top counts in a small array sorted by count (desc); ties keep alphabetical order.
    const top: Array<[string, number]> = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const term = sorted[i]!;
      const n = this.count(term);
      if (term === prefix || n === 0 || (top.length === MAX_PREFIX_EXPANSIONS && n <= top[top.length - 1]![1])) {
        continue;
      }
      let at = top.length;
      while (at > 0 && top[at - 1]![1] < n) {
        at--;
      }
      top.splice(at, 0, [term, n]);
      if (top.length > MAX_PREFIX_EXPANSIONS) {
        top.pop();
      }
    }
    return top.map(([t]) => t);
  }

  /**
   * Indexed terms one edit (insertion, deletion, substitution, swap of neighbours) from `word`,
   * most frequent first. The candidates are generated from the word and looked up, so the cost
   * depends on the word's length, not on the vocabulary's size.
   */
  typos(word: string): string[] {
    this.catchUp();
    const found = new Set<string>();
    const check = (candidate: string): void => {
      if (candidate !== word && this.count(candidate) > 0) {
        found.add(candidate);
      }
    };
    const chars = this.alphabet(word);
    for (let i = 0; i <= word.length; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      for (const c of chars) {
        check(head + c + tail);
        if (i < word.length) {
          check(head + c + tail.slice(1));
        }
      }
      if (i < word.length) {
        check(head + tail.slice(1));
      }
      if (i + 1 < word.length) {
        check(head + tail[1]! + tail[0]! + tail.slice(2));
      }
    }
    return [...found].sort((a, b) => this.count(b) - this.count(a) || (a < b ? -1 : 1)).slice(0, MAX_TYPO_EXPANSIONS);
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
