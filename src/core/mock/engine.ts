/**
 * The mock's request handling: route, check credentials, check parameters and body against the
 * spec, then act on the stored resources (create, list with DRF pagination, read, replace, update,
 * delete) or answer with the spec's example (or data generated from its schema). Pure: the state
 * goes in and a new state comes out; nothing is sent anywhere.
 */
import { type MockModel, type MockOperation, type MockResponseSpec, type NamedExample, ownerItem, parentCollection } from './model';
import { generate, pageItemSchema, propertiesOf, requiredOf, typesOf, uuidFor } from './schema';
import { countUnchecked } from './regex';
import {
  type FieldProblem,
  type JournalEntry,
  type Json,
  type JsonObject,
  MAX_JOURNAL,
  type MockCollection,
  type MockRequest,
  type MockResponse,
  type MockState,
} from './types';

/** Longest request path or body read. */
export const MAX_MOCK_BODY_CHARS = 1_000_000;
/** Most resources one collection keeps (the oldest are dropped beyond it). */
export const MAX_COLLECTION_ITEMS = 1_000;
/** Default and largest DRF page size when the spec does not say. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * What a handled request gives: the response and the state after it. `seen`: a read or list that
 * returned resources the learner created (not a change of the state; the host may journal it with
 * `withJournal` for exercises).
 */
export type MockOutcome = { response: MockResponse; state: MockState; changed: boolean; seen?: JournalEntry };

/** The journal of a state, malformed entries (a hand-edited file) left out. */
export function journalOf(state: MockState): JournalEntry[] {
  return (Array.isArray(state.journal) ? state.journal : []).filter(
    (e): e is JournalEntry =>
      e !== null &&
      typeof e === 'object' &&
      typeof e.op === 'string' &&
      typeof e.collection === 'string' &&
      typeof e.field === 'string' &&
      typeof e.key === 'string' &&
      (e.keys === undefined || (Array.isArray(e.keys) && e.keys.every((k) => typeof k === 'string'))),
  );
}

/** Longest key or collection path journaled. */
const MAX_JOURNAL_TEXT = 500;

const sameEntry = (a: JournalEntry, b: JournalEntry): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `state` with `entry` journaled (the same state when an identical entry is already there). */
export function withJournal(state: MockState, entry: JournalEntry): MockState {
  const journal = journalOf(state);
  // Bounded: an absurdly long key (a 1 MB slug) is not journaled, so the state file stays small.
  const tooLong = [entry.collection, entry.key, ...(entry.keys ?? [])].some((t) => t.length > MAX_JOURNAL_TEXT);
  if (tooLong || journal.some((e) => sameEntry(e, entry))) {
    return state;
  }
  return { ...state, journal: [...journal, entry].slice(-MAX_JOURNAL) };
}

/** Options of one request: the clock (ISO text) for timestamps. */
export type MockOptions = { now: string };

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
};

const isObject = (v: Json | undefined): v is JsonObject => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** A stored value as text, for comparing with a path or query value. */
function text(v: Json | undefined): string {
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function problem(
  status: number,
  detail: string,
  errors: FieldProblem[] = [],
  extraHeaders: Record<string, string> = {},
  operation: string | null = null,
): MockResponse {
  const body: JsonObject = { type: 'about:blank', title: STATUS_TITLES[status] ?? 'Error', status, detail };
  if (errors.length > 0) {
    body['errors'] = errors.map((e) => ({ in: e.in, field: e.field, message: e.message }));
  }
  return { status, headers: { 'content-type': 'application/problem+json', ...extraHeaders }, body, operation, example: null, examples: [] };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function splitPath(raw: string): { path: string; query: Map<string, string[]> } {
  const hash = raw.indexOf('#');
  const noHash = hash >= 0 ? raw.slice(0, hash) : raw;
  const q = noHash.indexOf('?');
  const path = (q >= 0 ? noHash.slice(0, q) : noHash).trim() || '/';
  const query = new Map<string, string[]>();
  if (q >= 0) {
    for (const pair of noHash.slice(q + 1).split('&')) {
      if (pair === '') {
        continue;
      }
      const eq = pair.indexOf('=');
      const key = decode(eq >= 0 ? pair.slice(0, eq) : pair);
      query.set(key, [...(query.get(key) ?? []), decode(eq >= 0 ? pair.slice(eq + 1) : '')]);
    }
  }
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

type Match = { op: MockOperation; params: Record<string, string> };

/** The operation a path and method reach, or why none does (404 / 405 with the allowed methods). */
export function route(
  model: MockModel,
  method: string,
  path: string,
): { kind: 'ok'; match: Match } | { kind: 'not-found' } | { kind: 'wrong-method'; allowed: string[] } {
  const candidates = [path];
  if (model.basePath !== '' && path.startsWith(`${model.basePath}/`)) {
    candidates.push(path.slice(model.basePath.length));
  }
  for (const candidate of candidates) {
    const variants = [candidate, candidate.endsWith('/') ? candidate.slice(0, -1) : `${candidate}/`];
    for (const p of variants) {
      let best: { template: string; specificity: number; groups: string[] } | null = null;
      for (const op of model.operations) {
        const m = op.pattern.exec(p);
        if (m !== null && (best === null || op.specificity > best.specificity)) {
          best = { template: op.template, specificity: op.specificity, groups: m.slice(1).map((g) => (typeof g === 'string' ? g : '')) };
        }
      }
      if (best === null) {
        continue;
      }
      const ops = model.operations.filter((o) => o.template === best.template);
      const op = ops.find((o) => o.method === method.toUpperCase());
      if (op === undefined) {
        return { kind: 'wrong-method', allowed: ops.map((o) => o.method) };
      }
      const params: Record<string, string> = {};
      op.paramNames.forEach((name, i) => {
        params[name] = decode(best.groups[i] ?? '');
      });
      return { kind: 'ok', match: { op, params } };
    }
  }
  return { kind: 'not-found' };
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lower) {
      return v;
    }
  }
  return undefined;
}

function cookieOf(headers: Record<string, string>, name: string): string | undefined {
  const cookie = headerOf(headers, 'cookie') ?? '';
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}

/** True when the request carries the credentials of at least one of the operation's alternatives. */
function authorised(model: MockModel, op: MockOperation, headers: Record<string, string>, query: Map<string, string[]>): boolean {
  if (op.security.length === 0) {
    return true;
  }
  const auth = (headerOf(headers, 'authorization') ?? '').trim();
  const present = (schemeName: string): boolean => {
    const s = model.schemes[schemeName];
    if (s === undefined) {
      return auth !== '';
    }
    if (s.type === 'apiKey') {
      const v = s.in === 'query' ? query.get(s.name)?.[0] : s.in === 'cookie' ? cookieOf(headers, s.name) : headerOf(headers, s.name);
      return v !== undefined && v.trim() !== '';
    }
    if (s.type === 'http' || s.type === 'basic') {
      const scheme = s.type === 'basic' ? 'basic' : s.scheme;
      // The scheme is spec text: compared as a word, never made into a regex.
      const given = /^(\S+)\s+\S/.exec(auth)?.[1];
      return given !== undefined && (scheme === '' || given.toLowerCase() === scheme);
    }
    // oauth2, openIdConnect and anything else: a bearer token.
    return /^bearer\s+\S/i.test(auth);
  };
  return op.security.some((alternative) => alternative.every(present));
}

function coerce(raw: string | string[], schema: JsonObject): Json {
  const types = typesOf(schema);
  if (types.includes('array')) {
    const list = Array.isArray(raw) ? raw : raw.split(',');
    const items = isObject(schema['items']) ? schema['items'] : {};
    return list.map((v) => coerce(v, items));
  }
  const value = Array.isArray(raw) ? (raw[0] ?? '') : raw;
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  if (types.includes('boolean') && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  if (types.includes('null') && value === 'null') {
    return null;
  }
  return value;
}

function checkParams(
  model: MockModel,
  op: MockOperation,
  params: Record<string, string>,
  query: Map<string, string[]>,
  headers: Record<string, string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const p of op.params) {
    const raw =
      p.in === 'path'
        ? params[p.name]
        : p.in === 'query'
          ? query.get(p.name)
          : p.in === 'header'
            ? headerOf(headers, p.name)
            : cookieOf(headers, p.name);
    if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      if (p.required) {
        problems.push({ in: p.in === 'cookie' ? 'header' : p.in, field: p.name, message: 'is required' });
      }
      continue;
    }
    noteUncheckable(model, op, p.schema);
    problems.push(...model.validator.check(p.schema, coerce(raw, p.schema), p.in === 'cookie' ? 'header' : p.in, p.name));
  }
  return problems;
}

/** Most form fields read from one body. */
const MAX_FORM_FIELDS = 200;

/**
 * A form body (`name=Kettle&price=34.90`, urlencoded; multipart fields are sent the same way, a
 * file as its name) as an object, each value coerced to its property's type.
 */
export function formFields(text: string, schema: JsonObject): JsonObject {
  const props = propertiesOf(schema);
  const raw = new Map<string, string[]>();
  for (const pair of text.replace(/^\?/, '').split('&').slice(0, MAX_FORM_FIELDS)) {
    if (pair.trim() === '') {
      continue;
    }
    const eq = pair.indexOf('=');
    const name = decode(eq >= 0 ? pair.slice(0, eq) : pair).trim();
    raw.set(name, [...(raw.get(name) ?? []), decode(eq >= 0 ? pair.slice(eq + 1) : '')]);
  }
  const out: JsonObject = {};
  for (const [name, values] of raw) {
    const p = props[name] ?? {};
    out[name] = coerce(typesOf(p).includes('array') ? values : (values[0] ?? ''), p);
  }
  return out;
}

function checkBody(
  model: MockModel,
  op: MockOperation,
  text: string,
): { body: Json | undefined; problems: FieldProblem[]; status: number | null } {
  if (text.trim() === '') {
    return {
      body: undefined,
      problems:
        op.body?.required === true
          ? [{ in: 'body', field: '', message: op.body.kind === 'json' ? 'a JSON body is required' : 'a form body is required' }]
          : [],
      status: null,
    };
  }
  if (op.body !== null && op.body.kind !== 'json') {
    const body = formFields(text, op.body.schema ?? {});
    if (op.body.schema === null) {
      return { body, problems: [], status: null };
    }
    noteUncheckable(model, op, op.body.schema);
    return { body, problems: model.validator.check(op.body.schema, body, 'body', ''), status: null };
  }
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch (e) {
    return {
      body: undefined,
      problems: [{ in: 'body', field: '', message: `is not JSON (${e instanceof Error ? e.message : 'cannot be read'})` }],
      status: 400,
    };
  }
  if (op.body === null || op.body.schema === null) {
    return { body, problems: [], status: null };
  }
  noteUncheckable(model, op, op.body.schema);
  return { body, problems: model.validator.check(op.body.schema, body, 'body', ''), status: null };
}

/** Records on the operation (once) that one of its schemas cannot be compiled, so the learner is told. */
function noteUncheckable(model: MockModel, op: MockOperation, schema: JsonObject): void {
  const why = model.validator.problem(schema);
  const note = why === null ? null : `A request part is not checked: ${why}.`;
  if (note !== null && !op.problems.includes(note)) {
    op.problems.push(note);
  }
}

/** The 2xx response an operation answers with (201 first for create). */
function successOf(op: MockOperation): { status: number; spec: MockResponseSpec | null } {
  const ok = op.responses.filter((r) => /^2\d\d$/.test(r.status));
  const preferred = op.role === 'create' ? ok.find((r) => r.status === '201') : undefined;
  const chosen = preferred ?? ok[0] ?? op.responses.find((r) => /^(2XX|default)$/i.test(r.status)) ?? null;
  const fallback = op.role === 'create' ? 201 : op.role === 'delete' ? 204 : 200;
  const status = chosen !== null && /^2\d\d$/.test(chosen.status) ? Number(chosen.status) : fallback;
  return { status, spec: chosen };
}

function pickExample(examples: NamedExample[], name: string | undefined): NamedExample | null {
  if (name !== undefined && name !== '') {
    const found = examples.find((e) => e.name === name);
    if (found !== undefined) {
      return found;
    }
  }
  return examples[0] ?? null;
}

/** The response header that says a value was too long to check against its pattern. */
export const UNCHECKED_HEADER = 'x-mock-unchecked';

/**
 * Handles one request against `state` (not changed: a new state is returned). Never throws. A value
 * too long to check against its pattern in the time allowed is let through, and the response says so.
 */
export function handleMockRequest(model: MockModel, state: MockState, request: MockRequest, options: MockOptions): MockOutcome {
  const { value: outcome, unchecked } = countUnchecked(() => handle(model, state, request, options));
  if (unchecked === 0) {
    return outcome;
  }
  const note = `${unchecked} value${unchecked > 1 ? 's were' : ' was'} too long to check against the spec's pattern and ${unchecked > 1 ? 'were' : 'was'} not checked`;
  return { ...outcome, response: { ...outcome.response, headers: { ...outcome.response.headers, [UNCHECKED_HEADER]: note } } };
}

function handle(model: MockModel, state: MockState, request: MockRequest, options: MockOptions): MockOutcome {
  const next = clone(state as unknown as Json) as unknown as MockState;
  const { path, query } = splitPath(request.path.slice(0, MAX_MOCK_BODY_CHARS));
  for (const [k, v] of Object.entries(request.query ?? {})) {
    query.set(k, [...(query.get(k) ?? []), ...(Array.isArray(v) ? v : [v])]);
  }
  const headers = request.headers ?? {};
  const method = request.method.toUpperCase();
  const found = route(model, method, path);
  if (found.kind === 'not-found') {
    return { response: problem(404, `No operation of ${model.title} matches ${method} ${path}.`), state, changed: false };
  }
  if (found.kind === 'wrong-method') {
    return {
      response: problem(405, `${path} does not allow ${method}; it allows ${found.allowed.join(', ')}.`, [], {
        allow: found.allowed.join(', '),
      }),
      state,
      changed: false,
    };
  }
  const { op, params } = found.match;
  if (!authorised(model, op, headers, query)) {
    const schemes = [...new Set(op.security.flat())];
    return {
      response: problem(
        401,
        `${op.method} ${op.template} needs credentials (${schemes.join(' or ')}); send them, e.g. an Authorization header.`,
        [],
        { 'www-authenticate': challenge(model, schemes) },
        op.slug,
      ),
      state,
      changed: false,
    };
  }
  const paramProblems = checkParams(model, op, params, query, headers);
  const body = checkBody(model, op, (request.body ?? '').slice(0, MAX_MOCK_BODY_CHARS + 1));
  if (paramProblems.length > 0 || body.problems.length > 0) {
    const declared = new Set(op.responses.map((r) => r.status));
    const status = body.status ?? (paramProblems.length === 0 && declared.has('422') && !declared.has('400') ? 422 : 400);
    const all = [...paramProblems, ...body.problems];
    return {
      response: problem(
        status,
        `The request does not match the spec: ${all.length} problem${all.length === 1 ? '' : 's'}.`,
        all,
        {},
        op.slug,
      ),
      state,
      changed: false,
    };
  }
  const ctx: ActContext = {
    model,
    op,
    params,
    query,
    body: body.body,
    state: next,
    options,
    exampleName: request.exampleName,
    mutated: false,
  };
  const response = act(ctx);
  // Seeding a collection from the spec's example on a read is not a change: it is the same next time.
  return {
    response,
    state: ctx.mutated ? next : state,
    changed: ctx.mutated,
    ...(ctx.seen !== undefined && response.status < 300 ? { seen: ctx.seen } : {}),
  };
}

function challenge(model: MockModel, schemes: string[]): string {
  const s = schemes.map((n) => model.schemes[n]).find((x) => x !== undefined && x.type === 'http');
  return s !== undefined && s !== null && s.scheme === 'basic' ? 'Basic realm="mock"' : 'Bearer realm="mock"';
}

type ActContext = {
  model: MockModel;
  op: MockOperation;
  params: Record<string, string>;
  query: Map<string, string[]>;
  body: Json | undefined;
  state: MockState;
  options: MockOptions;
  exampleName: string | undefined;
  /** Set when the request created, changed or removed a resource. */
  mutated: boolean;
  /** A read of the learner's own resources (see MockOutcome.seen). */
  seen?: JournalEntry;
};

/** Journals a change (done on the new state, so it is saved with it). */
function record(ctx: ActContext, entry: Omit<JournalEntry, 'op'>): void {
  ctx.state.journal = withJournal(ctx.state, { op: ctx.op.slug, ...entry }).journal ?? [];
  ctx.mutated = true;
}

/** Keys the learner created (and journaled) in a concrete collection. */
function createdKeys(ctx: ActContext, collection: string): Set<string> {
  const creates = new Set(ctx.model.operations.filter((o) => o.role === 'create').map((o) => o.slug));
  return new Set(
    journalOf(ctx.state)
      .filter((e) => creates.has(e.op) && e.collection === collection)
      .map((e) => e.key),
  );
}

function ok(
  ctx: ActContext,
  status: number,
  body: Json,
  spec: MockResponseSpec | null,
  example: NamedExample | null,
  headers: Record<string, string> = {},
): MockResponse {
  return {
    status,
    headers: status === 204 || body === null ? headers : { 'content-type': 'application/json', ...headers },
    body: status === 204 ? null : body,
    operation: ctx.op.slug,
    example: example?.name ?? null,
    examples: (spec?.examples ?? []).map((e) => e.name),
  };
}

function act(ctx: ActContext): MockResponse {
  switch (ctx.op.role) {
    case 'create':
      return create(ctx);
    case 'list':
      return list(ctx);
    case 'read':
    case 'replace':
    case 'update':
    case 'delete':
      return item(ctx);
    case 'action':
      return action(ctx);
    case 'singleton':
      return singleton(ctx);
    default:
      return answer(ctx);
  }
}

/** A static answer: the chosen example, else data generated from the schema. */
function answer(ctx: ActContext): MockResponse {
  const { status, spec } = successOf(ctx.op);
  const example = pickExample(spec?.examples ?? [], ctx.exampleName);
  const body =
    example !== null ? clone(example.value) : spec !== null && spec.schema !== null ? generate(spec.schema, genContext(ctx)) : null;
  return ok(ctx, status, body, spec, example);
}

function genContext(ctx: ActContext): { now: string; seq: () => number } {
  return { now: ctx.options.now, seq: () => ++ctx.state.seq };
}

/** Fills the concrete path of a template from the request's parameters (`/products/{productId}/reviews/`). */
function concrete(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}/]+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/** The GET operation that lists `collection`, when the spec has one. */
function listOp(model: MockModel, collection: string): MockOperation | undefined {
  return model.operations.find((o) => o.template === collection && o.role === 'list');
}

/** The schema of one resource of a collection: the list's item schema, else create's response. */
function resourceSchema(model: MockModel, collection: string): JsonObject | null {
  const lister = listOp(model, collection);
  const listSchema = lister === undefined ? null : (successOf(lister).spec?.schema ?? null);
  if (listSchema !== null) {
    const page = pageItemSchema(listSchema);
    if (page !== null) {
      return page;
    }
    if (isObject(listSchema['items'])) {
      return listSchema['items'];
    }
  }
  for (const o of model.operations) {
    if ((o.role === 'create' && o.template === collection) || (o.role === 'read' && o.collection === collection)) {
      const s = successOf(o).spec?.schema ?? null;
      if (s !== null) {
        return s;
      }
    }
  }
  return null;
}

/** The field of a resource that its item path names (`slug` for `{slug}`, else `id`). */
function keyField(model: MockModel, collection: string, keyParam: string | null): string {
  const props = propertiesOf(resourceSchema(model, collection) ?? {});
  if (keyParam !== null && props[keyParam] !== undefined) {
    return keyParam;
  }
  return 'id';
}

/** The collection's stored resources, seeded from the list example the first time it is used. */
function collectionOf(ctx: ActContext, collection: string, key: string): MockCollection {
  const existing = ctx.state.collections[key];
  if (existing !== undefined) {
    return existing;
  }
  const items: JsonObject[] = [];
  const lister = listOp(ctx.model, collection);
  if (lister !== undefined && !underLearnerResource(ctx, collection)) {
    const example = pickExample(successOf(lister).spec?.examples ?? [], undefined);
    const value = example?.value;
    const results = isObject(value) && Array.isArray(value['results']) ? value['results'] : Array.isArray(value) ? value : [];
    // No spread: a list example may hold ~200k items (under the 2 MiB spec limit), past the argument limit.
    for (const r of results) {
      if (isObject(r)) {
        items.push(clone(r));
      }
    }
  }
  const ids = items.map((i) => i['id']).filter((id): id is number => typeof id === 'number' && Number.isInteger(id));
  const created: MockCollection = { nextId: ids.reduce((a, b) => Math.max(a, b + 1), 1), items };
  ctx.state.collections[key] = created;
  return created;
}

/** True when a nested collection belongs to a resource the learner created (it starts empty then). */
function underLearnerResource(ctx: ActContext, collection: string): boolean {
  const itemOps = ctx.model.operations.filter((o) => ['read', 'replace', 'update', 'delete'].includes(o.role));
  const owner = ownerItem(collection, itemOps);
  if (owner === null || owner.collection === null || owner.keyParam === null) {
    return false;
  }
  const value = ctx.params[owner.keyParam];
  return value !== undefined && createdKeys(ctx, concrete(owner.collection, ctx.params)).has(value);
}

function slugify(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      // ASCII only, as Django's slugify (and the usual `^[a-z0-9-]+$` slug patterns): `Ñandú` -> `nandu`.
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 80)
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

function create(ctx: ActContext): MockResponse {
  const { op, model } = ctx;
  const collection = op.collection ?? op.template;
  const key = concrete(collection, ctx.params);
  const missing = missingParent(ctx, collection);
  if (missing !== null) {
    return missing;
  }
  const store = collectionOf(ctx, collection, key);
  const { status, spec } = successOf(op);
  const schema = spec?.schema ?? resourceSchema(model, collection);
  const props = propertiesOf(schema ?? {});
  const example = pickExample(spec?.examples ?? [], ctx.exampleName);
  const sent = isObject(ctx.body) ? ctx.body : {};
  const sample = example !== null && isObject(example.value) ? example.value : null;
  let resource: JsonObject;
  if (Object.keys(props).length === 0) {
    resource = { ...(sample !== null ? clone(sample) : {}), ...sent };
  } else {
    // What the learner sent, plus the server's read-only fields (from the example, else generated).
    resource = {};
    for (const [name, p] of Object.entries(props)) {
      if (p['readOnly'] === true && sent[name] === undefined) {
        resource[name] =
          p['format'] === 'date-time'
            ? ctx.options.now
            : sample !== null && sample[name] !== undefined
              ? clone(sample[name])
              : generate(p, genContext(ctx));
      }
    }
    Object.assign(resource, sent);
  }
  const named = sent['name'] ?? sent['title'];
  if (props['slug']?.['readOnly'] === true && typeof named === 'string') {
    resource['slug'] = slugify(named);
  }
  const idSchema = props['id'];
  const field = keyField(model, collection, op.keyParam);
  // No schema names an id, yet items are read by one (`/things/{id}/`): the server still hands one out.
  if (idSchema !== undefined || 'id' in resource || (field === 'id' && op.keyParam !== null)) {
    const types = idSchema === undefined ? [] : typesOf(idSchema);
    if (idSchema?.['format'] === 'uuid' || (types.includes('string') && !types.includes('integer'))) {
      resource['id'] = uuidFor(++ctx.state.seq);
    } else {
      resource['id'] = store.nextId++;
    }
  }
  if (field !== 'id' && resource[field] === undefined) {
    resource[field] = typeof named === 'string' ? slugify(named) : String(resource['id'] ?? store.nextId);
  }
  // The answer's other required fields the learner did not send (`status`, `total`): the example's, else generated.
  for (const name of requiredOf(schema ?? {})) {
    const p = props[name];
    if (resource[name] === undefined && p !== undefined) {
      resource[name] = sample !== null && sample[name] !== undefined ? clone(sample[name]) : generate(p, genContext(ctx));
    }
  }
  const keyValue = resource[field];
  if (keyValue !== undefined && store.items.some((i) => text(i[field]) === text(keyValue))) {
    return problem(
      409,
      `A resource with ${field} ${text(keyValue)} already exists in ${key}.`,
      [{ in: 'body', field, message: 'is already taken' }],
      {},
      op.slug,
    );
  }
  store.items.push(resource);
  ctx.mutated = true;
  if (keyValue !== undefined) {
    record(ctx, { collection: key, field, key: text(keyValue) });
  }
  if (store.items.length > MAX_COLLECTION_ITEMS) {
    store.items.splice(0, store.items.length - MAX_COLLECTION_ITEMS);
  }
  const child = model.operations.find((o) => o.collection === collection && o.role === 'read');
  const headers: Record<string, string> =
    child === undefined || keyValue === undefined
      ? {}
      : { location: `${key.replace(/\/$/, '')}/${encodeURIComponent(text(keyValue))}${child.template.endsWith('/') ? '/' : ''}` };
  return ok(ctx, status, clone(resource), spec, null, headers);
}

function queryValue(query: Map<string, string[]>, name: string): string | undefined {
  return query.get(name)?.[0];
}

function list(ctx: ActContext): MockResponse {
  const { op } = ctx;
  const collection = op.collection ?? op.template;
  const key = concrete(collection, ctx.params);
  const missing = missingParent(ctx, collection);
  if (missing !== null) {
    return missing;
  }
  const store = collectionOf(ctx, collection, key);
  const { status, spec } = successOf(op);
  const schema = spec?.schema ?? null;
  const field = keyField(ctx.model, collection, op.keyParam);
  const mine = createdKeys(ctx, key);
  const see = (shown: Json[]): void => {
    const keys = shown
      .filter(isObject)
      .map((i) => text(i[field]))
      .filter((k) => mine.has(k));
    if (keys.length > 0) {
      ctx.seen = { op: op.slug, collection: key, field, key: '', keys: keys.slice(0, 50) };
    }
  };
  let items = store.items.slice();
  // Query parameters named like a field of the resources filter them (`?category=kitchen`).
  const fields = new Set(items.flatMap((i) => Object.keys(i)));
  for (const p of op.params) {
    const v = queryValue(ctx.query, p.name);
    if (p.in === 'query' && v !== undefined && v !== '' && fields.has(p.name)) {
      items = items.filter((i) => text(i[p.name]) === v);
    }
  }
  const ordering = queryValue(ctx.query, 'ordering');
  if (ordering !== undefined && fields.has(ordering.replace(/^-/, ''))) {
    const f = ordering.replace(/^-/, '');
    const dir = ordering.startsWith('-') ? -1 : 1;
    items.sort((a, b) => dir * compare(a[f], b[f]));
  }
  if (schema !== null && pageItemSchema(schema) !== null) {
    const sizeParam = op.params.find((p) => p.name === 'page_size' && p.in === 'query');
    const defaultSize = typeof sizeParam?.schema['default'] === 'number' ? sizeParam.schema['default'] : DEFAULT_PAGE_SIZE;
    const maxSize = typeof sizeParam?.schema['maximum'] === 'number' ? sizeParam.schema['maximum'] : MAX_PAGE_SIZE;
    const size = Math.max(1, Math.min(maxSize, Number(queryValue(ctx.query, 'page_size') ?? defaultSize) || defaultSize));
    const page = Math.max(1, Math.floor(Number(queryValue(ctx.query, 'page') ?? 1) || 1));
    const pages = Math.max(1, Math.ceil(items.length / size));
    if (page > pages) {
      return problem(
        404,
        `Invalid page: ${page} (there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}).`,
        [{ in: 'query', field: 'page', message: 'is past the last page' }],
        {},
        op.slug,
      );
    }
    const link = (n: number): string => {
      const q: string[] = [];
      for (const [k, vs] of ctx.query) {
        if (k !== 'page') {
          q.push(...vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
        }
      }
      if (n > 1) {
        q.push(`page=${n}`);
      }
      return `${ctx.model.serverUrl}${key}${q.length > 0 ? `?${q.join('&')}` : ''}`;
    };
    const body: JsonObject = {
      count: items.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: clone(items.slice((page - 1) * size, page * size)),
    };
    see(body['results'] as Json[]);
    return ok(ctx, status, body, spec, null);
  }
  const shown = clone(items.slice(0, MAX_PAGE_SIZE * 10));
  see(shown);
  return ok(ctx, status, shown, spec, null);
}

function compare(a: Json | undefined, b: Json | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  const x = text(a);
  const y = text(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Finds the collection that holds an item: its own, else one with the same last name (`/reviews/{id}/`). */
function storeFor(ctx: ActContext, collection: string): { key: string; store: MockCollection } {
  const key = concrete(collection, ctx.params);
  if (ctx.state.collections[key] !== undefined || listOp(ctx.model, collection) !== undefined) {
    return { key, store: collectionOf(ctx, collection, key) };
  }
  const last = collection.replace(/\/$/, '').split('/').pop() ?? '';
  for (const [k, store] of Object.entries(ctx.state.collections)) {
    if (k.replace(/\/$/, '').split('/').pop() === last) {
      const field = keyField(ctx.model, collection, ctx.op.keyParam);
      const value = ctx.params[ctx.op.keyParam ?? ''];
      if (store.items.some((i) => text(i[field]) === value)) {
        return { key: k, store };
      }
    }
  }
  return { key, store: collectionOf(ctx, collection, key) };
}

function item(ctx: ActContext): MockResponse {
  const { op, model } = ctx;
  const collection = op.collection ?? parentCollection(op.template)?.collection ?? op.template;
  const { key: storeKey, store } = storeFor(ctx, collection);
  const field = keyField(model, collection, op.keyParam);
  const value = ctx.params[op.keyParam ?? ''] ?? '';
  const index = store.items.findIndex((i) => text(i[field]) === value);
  const { status, spec } = successOf(op);
  if (index < 0) {
    return problem(404, `There is no resource with ${field} ${value} (create it with POST first).`, [], {}, op.slug);
  }
  const current = store.items[index] ?? {};
  const entry = { collection: storeKey, field, key: value };
  if (op.role === 'read') {
    if (createdKeys(ctx, storeKey).has(value)) {
      ctx.seen = { op: op.slug, ...entry };
    }
    return ok(ctx, status, clone(current), spec, null);
  }
  record(ctx, entry);
  if (op.role === 'delete') {
    store.items.splice(index, 1);
    ctx.mutated = true;
    return ok(ctx, status, status === 204 ? null : clone(current), spec, null);
  }
  const sent = isObject(ctx.body) ? ctx.body : {};
  const props = propertiesOf(resourceSchema(model, collection) ?? {});
  let updated: JsonObject;
  if (op.role === 'replace') {
    updated = {};
    for (const [name, v] of Object.entries(current)) {
      if (name === field || name === 'id' || props[name]?.['readOnly'] === true) {
        updated[name] = v;
      }
    }
    Object.assign(updated, sent);
  } else {
    updated = { ...current, ...sent };
  }
  // The key and read-only fields are the server's; timestamps of the change are now.
  updated[field] = current[field] ?? null;
  for (const name of ['updated_at', 'updatedAt', 'modified_at', 'modifiedAt']) {
    if (props[name]?.['format'] === 'date-time') {
      updated[name] = ctx.options.now;
    }
  }
  store.items[index] = updated;
  ctx.mutated = true;
  return ok(ctx, status, clone(updated), spec, null);
}

/** For a nested collection (`/orders/{orderId}/items/`): a 404 when the resource it belongs to does not exist. */
function missingParent(ctx: ActContext, collection: string): MockResponse | null {
  const itemOps = ctx.model.operations.filter((o) => ['read', 'replace', 'update', 'delete'].includes(o.role));
  const owner = ownerItem(collection, itemOps);
  if (owner === null || owner.collection === null || owner.keyParam === null || ctx.params[owner.keyParam] === undefined) {
    return null;
  }
  const found = findItem(ctx, owner.collection, owner.keyParam);
  if (found.index >= 0) {
    return null;
  }
  return problem(
    404,
    `There is no resource with ${found.field} ${found.value} in ${concrete(owner.collection, ctx.params)}, so nothing can be added to it or listed under it.`,
    [{ in: 'path', field: owner.keyParam, message: 'names no resource' }],
    {},
    ctx.op.slug,
  );
}

/** Finds the stored resource an item path names. */
function findItem(
  ctx: ActContext,
  collection: string,
  keyParam: string | null,
): { key: string; store: MockCollection; field: string; value: string; index: number } {
  const saved = ctx.op.keyParam;
  // storeFor reads the operation's key parameter: look the owner up under its own.
  ctx.op = { ...ctx.op, keyParam };
  const { key, store } = storeFor(ctx, collection);
  ctx.op = { ...ctx.op, keyParam: saved };
  const field = keyField(ctx.model, collection, keyParam);
  const value = ctx.params[keyParam ?? ''] ?? '';
  return { key, store, field, value, index: store.items.findIndex((i) => text(i[field]) === value) };
}

/**
 * An action on a stored resource (`POST /orders/{orderId}/cancel/`): 404 when the resource does not
 * exist; when the resource has a `status` whose allowed values include the action's past form
 * (`cancel` -> `cancelled`), the status changes (409 when it already has it). Nothing new is stored.
 */
function action(ctx: ActContext): MockResponse {
  const { op, model } = ctx;
  const collection = op.collection ?? '';
  const found = findItem(ctx, collection, op.keyParam);
  if (found.index < 0) {
    return problem(404, `There is no resource with ${found.field} ${found.value} (create it with POST first).`, [], {}, op.slug);
  }
  const current = found.store.items[found.index] ?? {};
  const { status, spec } = successOf(op);
  const props = propertiesOf(resourceSchema(model, collection) ?? {});
  const verb = (op.template.replace(/\/+$/, '').split('/').pop() ?? '').toLowerCase();
  const stem = verb.replace(/e$/, '');
  const allowed = Array.isArray(props['status']?.['enum']) ? props['status']['enum'].filter((v): v is string => typeof v === 'string') : [];
  const target = stem.length >= 3 ? allowed.find((v) => v.toLowerCase().startsWith(stem) && v.toLowerCase() !== verb) : undefined;
  let resource = current;
  if (target !== undefined && typeof current['status'] === 'string') {
    if (current['status'] === target) {
      return problem(
        409,
        `It is already ${target}.`,
        [{ in: 'path', field: op.keyParam ?? 'id', message: `is already ${target}` }],
        {},
        op.slug,
      );
    }
    resource = { ...current, status: target };
    for (const name of ['updated_at', 'updatedAt']) {
      if (props[name] !== undefined) {
        resource[name] = ctx.options.now;
      }
    }
    found.store.items[found.index] = resource;
    record(ctx, { collection: found.key, field: found.field, key: found.value });
  }
  // The answer: the resource when the response describes it, else the spec's own answer.
  const answerProps = propertiesOf(spec?.schema ?? {});
  if (answerProps[found.field] !== undefined && Object.keys(answerProps).every((k) => props[k] !== undefined)) {
    return ok(ctx, status, clone(resource), spec, null);
  }
  return answer(ctx);
}

/** A singleton (`/customers/me/`): one stored object, seeded from the GET example, changed by PUT/PATCH. */
function singleton(ctx: ActContext): MockResponse {
  const { op, model } = ctx;
  const getter = model.operations.find((o) => o.template === op.template && o.method === 'GET');
  const getSpec = getter === undefined ? null : successOf(getter).spec;
  const stored = ctx.state.singletons?.[op.template];
  const seedExample = pickExample(getSpec?.examples ?? [], undefined)?.value;
  const current: JsonObject =
    stored ??
    (isObject(seedExample)
      ? clone(seedExample)
      : getSpec !== null && getSpec.schema !== null
        ? asObject(generate(getSpec.schema, genContext(ctx)))
        : {});
  const { status, spec } = successOf(op);
  if (op.method === 'GET') {
    return ok(ctx, status, clone(current), spec, null);
  }
  const sent = isObject(ctx.body) ? ctx.body : {};
  const props = propertiesOf(getSpec?.schema ?? {});
  let updated: JsonObject;
  if (op.method === 'PUT') {
    updated = {};
    for (const [name, v] of Object.entries(current)) {
      if (name === 'id' || props[name]?.['readOnly'] === true) {
        updated[name] = v;
      }
    }
    Object.assign(updated, sent);
  } else {
    updated = { ...current, ...sent };
  }
  if ('id' in current) {
    updated['id'] = current['id'] ?? null;
  }
  ctx.state.singletons = { ...(ctx.state.singletons ?? {}), [op.template]: updated };
  record(ctx, { collection: op.template, field: '', key: '' });
  return ok(ctx, status, clone(updated), spec, null);
}

function asObject(v: Json): JsonObject {
  return isObject(v) ? v : {};
}

/**
 * Checks a success response of the mock against the schema the spec gives for its status: a
 * mismatch usually means the spec's own example does not fit its schema. Error answers (made by the
 * mock, not the spec) are not checked.
 */
export function checkResponse(model: MockModel, response: MockResponse): FieldProblem[] {
  const op = model.operations.find((o) => o.slug === response.operation);
  if (op === undefined || response.status < 200 || response.status >= 300 || response.body === null) {
    return [];
  }
  const status = String(response.status);
  const spec =
    op.responses.find((r) => r.status === status) ??
    op.responses.find((r) => r.status.toUpperCase() === `${status.charAt(0)}XX`) ??
    op.responses.find((r) => r.status === 'default');
  if (spec === undefined || spec.schema === null) {
    return [];
  }
  return model.validator.check(spec.schema, response.body, 'body', '');
}
