/**
 * The search index: a FlexSearch Document index over four fields (title, heading path and
 * keywords, body, code) fed with our own terms, plus the vocabulary and field lengths that
 * ranking needs. Queries expand each word (stem forms, typos, prefix for the last word), look
 * every expansion up per field and rank with a BM25-style score, results with all words first.
 */
import { Document } from 'flexsearch';
import { highlightTitle, makeSnippet } from './snippet';
import { queryWords, tokenize } from './tokenize';
import type { SearchEntry, SearchFilters, SearchHit, SearchResult, StudyFacts } from './types';
import { type Expansion, Vocabulary } from './vocabulary';

/** FlexSearch's document: one string of space-joined terms per field. */
type IndexedDoc = { id: number; t: string; h: string; b: string; c: string };

/** The fields, with how much a match in each counts and how much its length dampens it. */
const FIELDS = [
  { name: 't', weight: 4, b: 0.6 },
  { name: 'h', weight: 1.6, b: 0.4 },
  { name: 'b', weight: 1, b: 0.75 },
  { name: 'c', weight: 0.45, b: 0.75 },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
const K1 = 1.2;
const MAX_CANDIDATES = 200_000;
const RERANK = 50;
const TITLE_COVER_BONUS = 0.35;

type Ranked = { id: number; score: number; matched: number };

/** What `SearchIndex.export` produces and `SearchIndex.import` takes (JSON-safe). */
export type SearchIndexDump = {
  version: 1;
  entries: Array<Omit<SearchEntry, 'body' | 'code'> | null>;
  lengths: number[][];
  vocabulary: Array<[string, number]>;
  flex: Record<string, string>;
};

/** Options of one query. */
export type SearchOptions = {
  limit?: number;
  filters?: SearchFilters;
  study?: StudyFacts | null;
  /** The last word is still being typed: match it as a prefix (default true). */
  prefix?: boolean;
};

function createDocument(): Document<IndexedDoc> {
  // Terms arrive already tokenised; FlexSearch only splits on the spaces we joined them with.
  return new Document<IndexedDoc>({
    document: { id: 'id', index: FIELDS.map((f) => f.name) },
    tokenize: 'strict',
    resolution: 1,
    fastupdate: false,
    cache: false,
    encode: (text: string) => (text === '' ? [] : text.split(' ')),
  });
}

/** A searchable index of sections, endpoints and notes. */
export class SearchIndex {
  private doc = createDocument();
  private entries: Array<SearchEntry | null> = [];
  private readonly byKey = new Map<string, number>();
  /** Per field: term count of each entry (index = internal id). */
  private lengths: number[][] = FIELDS.map(() => []);
  private totals = FIELDS.map(() => 0);
  private vocabulary = new Vocabulary();
  private live = 0;

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
    const distinct = new Set<string>();
    FIELDS.forEach((f, i) => {
      const terms = fields[f.name];
      this.lengths[i]![id] = terms.length;
      this.totals[i]! += terms.length;
      for (const t of terms) {
        distinct.add(t);
      }
    });
    this.vocabulary.addEntry(distinct);
    this.entries.push(entry);
    this.byKey.set(entry.key, id);
    this.live++;
    this.doc.add({ id, t: fields.t.join(' '), h: fields.h.join(' '), b: fields.b.join(' '), c: fields.c.join(' ') });
  }

  /**
   * Removes an entry. Its postings stay in FlexSearch (removal without fastupdate scans the whole
   * index); the id is retired and skipped when ranking. Owners rebuild when staleCount grows.
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
    const averages = this.totals.map((t) => Math.max(1, t / Math.max(1, this.entries.length)));
    const matchedTerms = new Set<string>();
    // Per candidate: best score of each word, and how many words it matched.
    const perWord = new Map<number, Float64Array>();
    words.forEach((word, wi) => {
      const isLast = wi === words.length - 1 && all[all.length - 1]?.term === word.term;
      const expansions: Expansion[] = this.vocabulary.expand(word.term, { prefix: typing && isLast, typo: true });
      for (const e of expansions) {
        const df = this.vocabulary.count(e.term);
        if (df === 0) {
          continue;
        }
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const perField = this.doc.search({ query: e.term, index: FIELDS.map((f) => f.name), limit: MAX_CANDIDATES });
        for (const { field, result } of perField) {
          const fi = FIELDS.findIndex((f) => f.name === field);
          const f = FIELDS[fi]!;
          const lens = this.lengths[fi]!;
          const avg = averages[fi]!;
          for (const raw of result) {
            const id = raw as number;
            if (this.entries[id] === null) {
              continue;
            }
            const norm = (K1 + 1) / (1 + K1 * (1 - f.b + (f.b * (lens[id] ?? 0)) / avg));
            const s = e.weight * f.weight * idf * norm;
            let scores = perWord.get(id);
            if (scores === undefined) {
              scores = new Float64Array(words.length);
              perWord.set(id, scores);
            }
            if (s > scores[wi]!) {
              scores[wi] = s;
            }
            matchedTerms.add(e.term);
          }
        }
      }
    });

    const ranked: Ranked[] = [];
    for (const [id, scores] of perWord) {
      const entry = this.entries[id];
      if (entry === null || entry === undefined || !passes(entry, options.filters, options.study ?? null)) {
        continue;
      }
      let score = 0;
      let matched = 0;
      for (const s of scores) {
        score += s;
        matched += s > 0 ? 1 : 0;
      }
      ranked.push({ id, score, matched });
    }
    // Every word of the query matters: hits with more of the words come first.
    const order = (a: Ranked, b: Ranked): number => b.matched - a.matched || b.score - a.score || a.id - b.id;
    ranked.sort(order);
    // Among the leaders, a title made mostly of the query's words is the section the query names.
    const head = ranked.slice(0, RERANK);
    for (const r of head) {
      const titleTerms = tokenize(this.entries[r.id]!.title);
      if (titleTerms.length > 0) {
        const covered = titleTerms.filter((t) => matchedTerms.has(t)).length / titleTerms.length;
        r.score *= 1 + TITLE_COVER_BONUS * covered;
      }
    }
    head.sort(order);
    ranked.splice(0, head.length, ...head);
    const terms = [...matchedTerms];
    const hits: SearchHit[] = ranked.slice(0, limit).map(({ id, score, matched }) => {
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
        snippet: makeSnippet(entry, matchedTerms),
        score,
        matched,
      };
    });
    return { hits, total: ranked.length, terms, wordCount: words.length };
  }

  /** A JSON-safe copy of the index (bodies and code are left out: the hub has them). */
  export(): SearchIndexDump {
    const flex: Record<string, string> = {};
    void this.doc.export((key: string, data: string) => {
      flex[key] = data;
    });
    return {
      version: 1,
      entries: this.entries.map((e) => (e === null ? null : { ...e, body: undefined, code: undefined })),
      lengths: this.lengths,
      vocabulary: this.vocabulary.toJSON(),
      flex,
    };
  }

  /**
   * Restores an exported index. `text(key)` gives back each entry's body and code; an entry it
   * has none for (its file is gone) is dropped.
   */
  static import(dump: SearchIndexDump, text: (key: string) => { body: string; code: string } | null): SearchIndex {
    const index = new SearchIndex();
    for (const [key, data] of Object.entries(dump.flex)) {
      index.doc.import(key, data);
    }
    index.lengths = dump.lengths;
    index.totals = dump.lengths.map((lens) => lens.reduce((a, b) => a + (b ?? 0), 0));
    index.vocabulary = Vocabulary.fromJSON(dump.vocabulary);
    index.entries = dump.entries.map((meta, id) => {
      if (meta === null) {
        return null;
      }
      const t = text(meta.key);
      if (t === null) {
        return null;
      }
      index.byKey.set(meta.key, id);
      index.live++;
      return { ...meta, body: t.body, code: t.code };
    });
    return index;
  }
}

function passes(entry: SearchEntry, filters: SearchFilters | undefined, study: StudyFacts | null): boolean {
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
