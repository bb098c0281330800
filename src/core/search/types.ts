/** Types of the search index: what goes in (entries), what comes out (hits). */

/** What a search entry is: a doc section, an API operation, or one of the learner's notes. */
export type SearchKind = 'section' | 'endpoint' | 'note';

/** One thing to index. `key` is unique in the index (a topic id, or `note:<id>`). */
export type SearchEntry = {
  key: string;
  kind: SearchKind;
  /** The hub file it lives in ('' for a free note). */
  docPath: string;
  docTitle: string;
  /** The topic to open (a note's topic, if any). */
  topicId: string | null;
  slug: string | null;
  title: string;
  /** Titles above this one: doc title, then parent headings (for an endpoint: its tags). */
  headingPath: string[];
  /** Extra words that rank like headings (an endpoint's operationId and summary, a note's tags). */
  keywords: string;
  body: string;
  code: string;
  /**
   * A doc's table of contents: its text is mostly the titles of the doc's own headings. Its body
   * counts for little, so the sections it lists rank above it.
   */
  toc?: boolean;
};

/** A [start, end) range of characters in a shown string. */
export type HighlightRange = [start: number, end: number];

/** Text to show with the matched words marked. */
export type Highlighted = { text: string; ranges: HighlightRange[] };

/** What narrows a search. Empty means everything. */
export type SearchFilters = {
  /** Docs whose path equals, or folders whose path starts, with one of these. */
  paths?: string[];
  kinds?: SearchKind[];
  notDone?: boolean;
  hasNotes?: boolean;
};

/** Answers the study-based filters and badges (progress and notes), when the study domain exists. */
export type StudyFacts = { isDone(topicId: string): boolean; hasNotes(topicId: string): boolean };

/** One ranked result: where the entry lives, with its title and a snippet marked up. */
export type SearchHit = Pick<SearchEntry, 'key' | 'kind' | 'docPath' | 'docTitle' | 'topicId' | 'slug' | 'headingPath'> & {
  title: Highlighted;
  snippet: Highlighted;
  score: number;
  /** How many of the query's words it matched, of `wordCount`. */
  matched: number;
};

/** A query's answer. */
export type SearchResult = {
  hits: SearchHit[];
  /** Hits before the limit was applied. */
  total: number;
  /** Folded terms that matched, for highlighting in the reader. */
  terms: string[];
  wordCount: number;
};
