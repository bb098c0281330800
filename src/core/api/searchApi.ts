/** StudyApi domain `search.*`: full-text search over sections, API endpoints and notes. */
import { z } from 'zod';
import type { SearchHit } from '../search/types';

const searchFilters = z
  .object({
    /** Docs or folders (hub-relative) to search in. */
    paths: z.array(z.string().min(1).max(4096)).max(50).optional(),
    kinds: z.array(z.enum(['section', 'endpoint', 'note'])).max(3).optional(),
    /** Only topics not marked done (needs progress). */
    notDone: z.boolean().optional(),
    /** Only topics that have notes (and notes themselves). */
    hasNotes: z.boolean().optional(),
  })
  .strict();

/** Argument schemas of `search.*`. */
export const searchSchemas = {
  /** Ranked hits for a query as typed (the last word matches as a prefix unless `prefix` is false). */
  'search.query': z
    .object({
      q: z.string().max(500),
      limit: z.number().int().min(1).max(500).optional(),
      filters: searchFilters.optional(),
      prefix: z.boolean().optional(),
    })
    .strict(),
  /** Whether the index is ready, and how far indexing got. */
  'search.status': z.object({}).strict(),
} as const;

/** Study badges of a hit; null where progress or notes do not exist (yet). */
export type SearchBadges = { done: boolean | null; hasNotes: boolean | null };

/** One hit as the UI gets it. */
export type SearchApiHit = SearchHit & { badges: SearchBadges };

/** The answer to `search.query`. */
export type SearchQueryResult = {
  hits: SearchApiHit[];
  total: number;
  /** Folded terms that matched, for highlighting in the reader. */
  terms: string[];
  /** True while the index is still being built (hits may be incomplete). */
  indexing: boolean;
  tookMs: number;
};

/** The answer to `search.status`. */
export type SearchStatus = {
  phase: 'indexing' | 'ready';
  done: number;
  total: number;
  entries: number;
  /** The index came from the on-disk cache. */
  fromCache: boolean;
  /** Entries (re-)indexed by the last build: all of them without a cache, changed docs' with one. */
  reindexed: number;
};

/** Results of `search.*`. */
export type SearchResults = {
  'search.query': SearchQueryResult;
  'search.status': SearchStatus;
};
