/**
 * The search index: postings per field (title, heading path and keywords, body, code) over our
 * own terms, plus the vocabulary and field lengths that ranking needs. Queries expand each word
 * (stem forms, typos, prefix for the last word), look every expansion up per field and rank with
 * a BM25-style score, results with all words first.
 *
 * Why not FlexSearch (DESIGN.md names it): we fed it pre-tokenised terms and used it only as a
 * term -> ids map, yet it took about 60% of indexing time, its export blocked for up to a second
 * on a large hub and its import for a third of one. Plain postings lists do the same job, load
 * from the cache as two typed arrays per field, and let ranking read norms precomputed per entry.
 */
import { passes } from './filters';
import { drain, leaders, type Ranked, ScoreBoard } from './scoreBoard';
import { type FlatPostings, Postings } from './postings';
import { highlightTitle, makeSnippet } from './snippet';
import { queryWords, tokenize } from './tokenize';
import type { SearchEntry, SearchFilters, SearchHit, SearchResult, StudyFacts } from './types';
import { type Expansion, Vocabulary } from './vocabulary';

/** The fields, with how much a match in each counts and how much its length dampens it. */
const FIELDS = [
  { name: 't', weight: 4, b: 0.6 },
  { name: 'h', weight: 1.6, b: 0.4 },
  { name: 'b', weight: 1, b: 0.75 },
  { name: 'c', weight: 0.45, b: 0.75 },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
const K1 = 1.2;
const RERANK = 50;
const TITLE_COVER_BONUS = 0.35;
/** How much a table of contents' body counts: the sections it lists rank above it. */
const TOC_BODY_WEIGHT = 0.15;

/** Field indexes of the body and code (what snippets are cut from). */
const TEXT_FIELDS = [2, 3];

/** What `SearchIndex.export` produces and `SearchIndex.import` takes (JSON-safe). */
export type SearchIndexDump = {
  version: 2;
  entries: Array<Omit<SearchEntry, 'body' | 'code'> | null>;
  lengths: number[][];
  /** Terms in id order and how many entries hold each. */
  terms: string[];
  df: ArrayLike<number>;
  /** Per field (title, headings, body, code): flat postings over the term ids. */
  postings: FlatPostings[];
};

/** Options of one query. */
export type SearchOptions = {
  limit?: number;
  filters?: SearchFilters;
  study?: StudyFacts | null;
  /** The last word is still being typed: match it as a prefix (default true). */
  prefix?: boolean;
};

/** A searchable index of sections, endpoints and notes. */
export class SearchIndex {
  private postings: Postings[] = FIELDS.map(() => new Postings());
  private entries: Array<SearchEntry | null> = [];
  private readonly byKey = new Map<string, number>();
  /** Per field: term count of each entry (index = internal id). */
  private lengths: number[][] = FIELDS.map(() => []);
  private totals = FIELDS.map(() => 0);
  private vocabulary = new Vocabulary();
  private live = 0;
  /** Per field: the BM25 length factor of each entry, recomputed after entries are added. */
  private norms: Float32Array[] | null = null;
  private readonly board = new ScoreBoard();

  /** Entries that can be found now. */
  get size(): number {
    return this.live;
  }

  /** Entries removed or replaced since the index was built (they still take space). */
  get staleCount(): number {
    return this.entries.length - this.live;
  }

  /** True when an entry with this key is indexed. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Adds an entry, replacing any entry with the same key. */
  add(entry: SearchEntry): void {
    this.remove(entry.key);
    const id = this.entries.length;
    const fields: Record<FieldName, string[]> = {
      t: tokenize(entry.title),
      h: tokenize(`${entry.headingPath.join(' ')} ${entry.keywords}`),
      b: tokenize(entry.body),
      c: tokenize(entry.code),
    };
    const distinct = new Set<number>();
    FIELDS.forEach((f, i) => {
      const terms = fields[f.name];
      this.lengths[i]![id] = terms.length;
      this.totals[i]! += terms.length;
      const postings = this.postings[i]!;
      for (const t of terms) {
        const termId = this.vocabulary.intern(t);
        postings.add(termId, id);
        distinct.add(termId);
      }
    });
    for (const termId of distinct) {
      this.vocabulary.addEntryTerm(termId);
    }
    this.entries.push(entry);
    this.byKey.set(entry.key, id);
    this.live++;
    this.norms = null;
  }

  /**
   * Builds the query-time lookup structures in steps of a few milliseconds (see
   * Vocabulary.prepare); run it after a build or import so the first keystroke stays fast.
   */
  *prepare(): Generator<void, void, void> {
    yield* this.vocabulary.prepare();
    this.fieldNorms();
  }

  private fieldNorms(): Float32Array[] {
    if (this.norms === null) {
      const count = Math.max(1, this.entries.length);
      this.norms = FIELDS.map((f, fi) => {
        const avg = Math.max(1, this.totals[fi]! / count);
        const lens = this.lengths[fi]!;
        const out = new Float32Array(this.entries.length);
        for (let id = 0; id < out.length; id++) {
          out[id] = (f.weight * (K1 + 1)) / (1 + K1 * (1 - f.b + (f.b * (lens[id] ?? 0)) / avg));
          if (f.name === 'b' && this.entries[id]?.toc === true) {
            out[id]! *= TOC_BODY_WEIGHT;
          }
        }
        return out;
      });
    }
    return this.norms;
  }

  /**
   * Removes an entry. Its postings stay (removing them would scan every list); the id is retired
   * and skipped when ranking. Owners rebuild when staleCount grows.
   */
  remove(key: string): void {
    const id = this.byKey.get(key);
    if (id !== undefined) {
      this.byKey.delete(key);
      this.entries[id] = null;
      this.live--;
    }
  }

  /** Every live key (to find what a changed file replaced). */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** The entry behind a key. */
  entry(key: string): SearchEntry | null {
    const id = this.byKey.get(key);
    return id === undefined ? null : (this.entries[id] ?? null);
  }

  /** Runs a query: ranked hits with snippets and highlight ranges. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 20;
    const all = queryWords(query);
    const content = all.filter((w) => !w.stop);
    const words = content.length > 0 ? content : all;
    if (words.length === 0) {
      return { hits: [], total: 0, terms: [], wordCount: 0 };
    }
    const typing = (options.prefix ?? true) && !/\s$/.test(query);
    const n = Math.max(1, this.live);
    const norms = this.fieldNorms();
    this.board.begin(this.entries.length, words.length);
    const matchedTerms = new Set<string>();
    words.forEach((word, wi) => {
      const isLast = wi === words.length - 1 && all[all.length - 1]?.term === word.term;
      const expansions: Expansion[] = this.vocabulary.expand(word.term, { prefix: typing && isLast, typo: true });
      for (const e of expansions) {
        const termId = this.vocabulary.idOf(e.term);
        const df = this.vocabulary.count(e.term);
        if (termId === undefined || df === 0) {
          continue;
        }
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        let any = false;
        const factor = e.weight * idf;
        for (let fi = 0; fi < FIELDS.length; fi++) {
          const norm = norms[fi]!;
          const { base, start, end, extra } = this.postings[fi]!.runs(termId);
          const total = end - start + extra.length;
          for (let i = 0; i < total; i++) {
            const id = i < end - start ? base[start + i]! : extra[i - (end - start)]!;
            if (this.entries[id] === null) {
              continue;
            }
            any = true;
            this.board.offer(id, wi, factor * norm[id]!);
          }
        }
        if (any) {
          matchedTerms.add(e.term);
        }
      }
    });

    const ranked: Ranked[] = this.board.collect().filter(({ id }) => {
      const entry = this.entries[id];
      return entry !== null && entry !== undefined && passes(entry, options.filters, options.study ?? null);
    });
    // Every word of the query matters: hits with more of the words come first.
    const order = (a: Ranked, b: Ranked): number => b.matched - a.matched || b.score - a.score || a.id - b.id;
    const top = leaders(ranked, Math.max(RERANK, limit));
    top.sort(order);
    // Among the leaders, a title made mostly of the query's words is the section the query names.
    const head = top.slice(0, RERANK);
    for (const r of head) {
      const titleTerms = tokenize(this.entries[r.id]!.title);
      if (titleTerms.length > 0) {
        const covered = titleTerms.filter((t) => matchedTerms.has(t)).length / titleTerms.length;
        r.score *= 1 + TITLE_COVER_BONUS * covered;
      }
    }
    head.sort(order);
    top.splice(0, head.length, ...head);
    const terms = [...matchedTerms];
    const hits: SearchHit[] = top.slice(0, limit).map(({ id, score, matched }) => {
      const entry = this.entries[id]!;
      return {
        key: entry.key,
        kind: entry.kind,
        docPath: entry.docPath,
        docTitle: entry.docTitle,
        topicId: entry.topicId,
        slug: entry.slug,
        title: highlightTitle(entry.title, matchedTerms),
        headingPath: entry.headingPath,
        snippet: makeSnippet(entry, this.termsIn(id, matchedTerms, TEXT_FIELDS)),
        score,
        matched,
      };
    });
    return { hits, total: ranked.length, terms, wordCount: words.length };
  }

  /** The terms of `terms` that entry `id` holds in one of `fields` (so a snippet looks for those only). */
  private termsIn(id: number, terms: ReadonlySet<string>, fields: number[]): Set<string> {
    const out = new Set<string>();
    for (const term of terms) {
      const termId = this.vocabulary.idOf(term);
      if (termId !== undefined && fields.some((f) => this.postings[f]!.has(termId, id))) {
        out.add(term);
      }
    }
    return out;
  }

  /** A JSON-safe copy of the index (bodies and code are left out: the hub has them). */
  export(): SearchIndexDump {
    const dump = drain(this.exportSteps());
    return { ...dump, postings: dump.postings.map((p) => ({ offsets: Array.from(p.offsets), ids: Array.from(p.ids) })) };
  }

  /** `export` in steps of a few milliseconds, postings as typed arrays (for the binary cache); add no entries until it is done. */
  *exportSteps(): Generator<void, SearchIndexDump, void> {
    // Terms go out in sorted order (ids renumbered), so a loaded vocabulary needs no sorting.
    yield* this.vocabulary.prepare();
    const order = yield* this.vocabulary.sortedIds();
    const saved = this.vocabulary.toJSON();
    const terms = order.map((id) => saved.terms[id]!);
    const df = order.map((id) => saved.df[id]!);
    yield;
    const postings: FlatPostings[] = [];
    for (const p of this.postings) {
      postings.push(yield* p.flatten(order.length, order));
    }
    const entries: SearchIndexDump['entries'] = [];
    for (const e of this.entries) {
      // Bodies and code stay out of the cache (undefined drops them from JSON): the hub has them.
      const meta = e === null ? null : { ...e, body: undefined, code: undefined };
      entries.push(meta);
      if (entries.length % 2000 === 0) {
        yield;
      }
    }
    return {
      version: 2,
      entries,
      lengths: this.lengths,
      terms,
      df,
      postings,
    };
  }

  /**
   * Restores an exported index. `text(key)` gives back each entry's body and code; an entry it
   * has none for (its file is gone) is dropped. Run `prepare()` before the first query to spread
   * the cost of the lookup structures.
   */
  static import(dump: SearchIndexDump, text: (key: string) => { body: string; code: string } | null): SearchIndex {
    return drain(SearchIndex.importSteps(dump, text));
  }

  /** `import` in steps of a few milliseconds. */
  static *importSteps(dump: SearchIndexDump, text: (key: string) => { body: string; code: string } | null): Generator<void, SearchIndex, void> {
    const index = new SearchIndex();
    index.postings = FIELDS.map((_, fi) => new Postings(dump.postings[fi] ?? null));
    index.lengths = dump.lengths;
    index.totals = dump.lengths.map((lens) => lens.reduce((a, b) => a + (b ?? 0), 0));
    yield* index.vocabulary.load({ terms: dump.terms, df: dump.df });
    index.entries = [];
    for (let id = 0; id < dump.entries.length; id++) {
      const meta = dump.entries[id]!;
      const t = meta === null ? null : text(meta.key);
      if (meta === null || t === null) {
        index.entries.push(null);
      } else {
        index.byKey.set(meta.key, id);
        index.live++;
        // The dump's entry objects become the index's own (a cache read is not shared).
        const entry = meta as SearchEntry;
        entry.body = t.body;
        entry.code = t.code;
        index.entries.push(entry);
      }
      if (id % 5000 === 4999) {
        yield;
      }
    }
    return index;
  }
}
