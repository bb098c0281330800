/** Types of the offline mock: a request a learner sends, the response it gets, the state it changes. */

/** A JSON value (what bodies, examples and state hold). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** One request to the mock: never sent over a network. */
export type MockRequest = {
  /** HTTP method, any case. */
  method: string;
  /** Path relative to the server (`/products/7/`); a query string after `?` is read too. */
  path: string;
  /** Query parameters (added to those in `path`). */
  query?: Record<string, string | string[]>;
  /** Request headers, any case. */
  headers?: Record<string, string>;
  /** The body as JSON text ('' or absent: no body). */
  body?: string;
  /** Which of the spec's named examples to answer with, when the operation has several. */
  exampleName?: string;
};

/** One failing field of a bad request. */
export type FieldProblem = {
  /** Where the field is: `path`, `query`, `header` or `body`. */
  in: 'path' | 'query' | 'header' | 'body';
  /** The field's name (`price`, `items/0/quantity`; '' for the whole body). */
  field: string;
  message: string;
};

/** What the mock answered. */
export type MockResponse = {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or null for none (204). */
  body: Json;
  /** Slug of the operation the request matched (null: no route). */
  operation: string | null;
  /** The named example the body came from, when it came from one. */
  example: string | null;
  /** Every named example of the chosen response, for a picker. */
  examples: string[];
};

/** The stored resources of one collection (a concrete collection path such as `/products/7/reviews/`). */
export type MockCollection = {
  /** Next integer id to hand out. */
  nextId: number;
  items: JsonObject[];
};

/**
 * What the learner did to the stored resources, for exercises: creates, changes, actions, and the
 * reads and lists that returned something the learner created. Bounded (the oldest go first).
 */
export type JournalEntry = {
  /** Slug of the operation. */
  op: string;
  /** Concrete collection (`/products/7/reviews/`). */
  collection: string;
  /** The field that names a resource (`id`, `slug`) and the resource's value of it ('' for a list). */
  field: string;
  key: string;
  /** For a list: the keys of learner-created resources it returned. */
  keys?: string[];
};

/** Most journal entries kept. */
export const MAX_JOURNAL = 200;

/** The state of one spec's mock: plain JSON, kept in the data folder. */
export type MockState = {
  version: 1;
  /** Counter for generated uuids and timestamps ordering. */
  seq: number;
  collections: Record<string, MockCollection>;
  /** Singleton resources (`/customers/me/`), by path, once changed or read. */
  singletons?: Record<string, JsonObject>;
  journal?: JournalEntry[];
};

/** A fresh, empty state. */
export function emptyMockState(): MockState {
  return { version: 1, seq: 0, collections: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when `value` has the shape of a MockState (read back from disk), down to each item and entry. */
export function isMockState(value: unknown): value is MockState {
  if (!isRecord(value)) {
    return false;
  }
  const v = value as { version?: unknown; seq?: unknown; collections?: unknown; journal?: unknown; singletons?: unknown };
  if (v.journal !== undefined && !(Array.isArray(v.journal) && v.journal.every(isJournalEntry))) {
    return false;
  }
  if (v.singletons !== undefined && !(isRecord(v.singletons) && Object.values(v.singletons).every(isRecord))) {
    return false;
  }
  if (v.version !== 1 || !Number.isFinite(v.seq) || !isRecord(v.collections)) {
    return false;
  }
  return Object.values(v.collections).every(
    (c) => isRecord(c) && Number.isInteger(c['nextId']) && Array.isArray(c['items']) && c['items'].every(isRecord),
  );
}

function isJournalEntry(e: unknown): boolean {
  return (
    isRecord(e) &&
    ['op', 'collection', 'field', 'key'].every((k) => typeof e[k] === 'string') &&
    (e['keys'] === undefined || (Array.isArray(e['keys']) && e['keys'].every((k) => typeof k === 'string')))
  );
}
