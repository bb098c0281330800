/**
 * A spec read as a mock: every operation with its route, its prepared parameter, body and response
 * schemas, its security requirement, its examples, and the role it plays on the stored resources
 * (create, list, read, replace, update, delete, or a static answer). Nothing of the spec is run.
 */
import { RE2JS } from 're2js';
import { createSlugger } from '../hub/slug';
import { detectSpec } from '../openapi/detect';
import { operationSlugBase } from '../openapi/normalise';
import { deref } from '../openapi/refs';
import { type YamlValue, isMapping } from '../openapi/safeYaml';
import type { SpecDialect } from '../openapi/types';
import { type SchemaMode, prepareSchema, propertiesOf } from './schema';
import type { Json, JsonObject } from './types';
import { SchemaValidator } from './validate';

type Obj = { [key: string]: YamlValue };

/** What an operation does to the stored resources. */
export type MockRole = 'create' | 'list' | 'read' | 'replace' | 'update' | 'delete' | 'static' | 'action' | 'singleton';

/** How a request body is sent: JSON text, or form fields (urlencoded text in the request). */
export type BodyKind = 'json' | 'form' | 'multipart';

/** A parameter as the mock checks it. */
export type MockParam = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required: boolean; schema: JsonObject };

/** A named example (the unnamed `example` is called `example`). */
export type NamedExample = { name: string; value: Json };

/** One declared response. */
export type MockResponseSpec = { status: string; schema: JsonObject | null; examples: NamedExample[] };

/** A security scheme, as far as the mock checks credentials. */
export type MockScheme = { type: string; scheme: string; name: string; in: string };

/** One operation of the mock. */
export type MockOperation = {
  slug: string;
  method: string;
  /** Path template as written (`/products/{productId}/`). */
  template: string;
  /** Matches a concrete path (linear time: RE2); groups are the template's parameters in order. */
  pattern: RE2JS;
  paramNames: string[];
  /** Literal characters of the template: the more, the more specific the route. */
  specificity: number;
  params: MockParam[];
  body: { required: boolean; mediaType: string; kind: BodyKind; schema: JsonObject | null; examples: NamedExample[] } | null;
  operationId: string | null;
  /** The operation's tags (the first one groups it in the reference and in exercises). */
  tags: string[];
  summary: string;
  /** Alternatives; each lists the schemes that must all be present. [] or an empty alternative: none needed. */
  security: string[][];
  responses: MockResponseSpec[];
  role: MockRole;
  /** For resource roles: the collection template (`/products/`). */
  collection: string | null;
  /** For item roles (and actions): the path parameter that names the resource (`productId`). */
  keyParam: string | null;
  /** Why parts of this operation are not mocked in full, for the learner. */
  problems: string[];
};

/** A spec ready to be mocked. */
export type MockModel = {
  specPath: string;
  dialect: SpecDialect;
  title: string;
  /** The first server URL when it is absolute (for `next`/`previous` links), else ''. */
  serverUrl: string;
  /** The path part of the first server URL (`/api/v1`): requests may include it. */
  basePath: string;
  operations: MockOperation[];
  schemes: Record<string, MockScheme>;
  validator: SchemaValidator;
};

/** The outcome of reading a spec as a mock. */
export type MockModelRead = { ok: true; model: MockModel } | { ok: false; message: string };

const str = (v: YamlValue | undefined): string => (typeof v === 'string' ? v : '');

function resolved(root: Obj, value: YamlValue | undefined): Obj | null {
  const { value: v } = deref(root, value);
  return isMapping(v) ? v : null;
}

/** Reads spec `text` (hub file `specPath`) as a mock. Never throws. */
export function buildMockModel(specPath: string, text: string): MockModelRead {
  try {
    const detected = detectSpec(text);
    if (detected.kind === 'not-spec') {
      return { ok: false, message: `${specPath} is not an OpenAPI or Swagger file.` };
    }
    if (detected.kind === 'invalid') {
      return { ok: false, message: detected.message };
    }
    return { ok: true, model: modelOf(specPath, detected.dialect, detected.root) };
  } catch (e) {
    return { ok: false, message: `This spec cannot be mocked: ${e instanceof Error ? e.message : String(e)}.` };
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The first server URL (3.x `servers`, 2.0 `host` + `basePath`). */
function firstServer(dialect: SpecDialect, root: Obj): string {
  if (dialect === 'swagger-2.0') {
    const host = str(root['host']);
    const basePath = str(root['basePath']);
    const schemes = Array.isArray(root['schemes']) ? root['schemes'].filter((x): x is string => typeof x === 'string') : [];
    return host === '' ? basePath : `${schemes[0] ?? 'https'}://${host}${basePath}`;
  }
  const servers = root['servers'];
  const first = Array.isArray(servers) ? servers[0] : undefined;
  return isMapping(first) ? str(first['url']) : '';
}

function modelOf(specPath: string, dialect: SpecDialect, root: Obj): MockModel {
  const validator = new SchemaValidator();
  const paths = isMapping(root['paths']) ? root['paths'] : {};
  const globalSecurity = root['security'];
  const operations: MockOperation[] = [];
  // Slugs as the API reference makes them (same order, same slugger), without rendering descriptions.
  const slugger = createSlugger();
  for (const [pathTemplate, rawItem] of Object.entries(paths)) {
    const item = pathTemplate.startsWith('x-') ? null : resolved(root, rawItem);
    if (item === null) {
      continue;
    }
    for (const method of METHODS) {
      const raw = isMapping(item[method]) ? item[method] : null;
      if (raw === null) {
        continue;
      }
      const operationId = typeof raw['operationId'] === 'string' && raw['operationId'].trim() !== '' ? raw['operationId'] : null;
      const slug = slugger.slug(operationSlugBase(method, pathTemplate, operationId));
      operations.push(operationOf(root, dialect, pathTemplate, method.toUpperCase(), slug, item, raw, globalSecurity));
    }
  }
  assignRoles(operations);
  const server = firstServer(dialect, root);
  const basePath = (/^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(server)?.[1] ?? (server.startsWith('/') ? server : '')).replace(
    /\/+$/,
    '',
  );
  const info = isMapping(root['info']) ? root['info'] : {};
  return {
    specPath,
    dialect,
    title: str(info['title']) || specPath,
    serverUrl: /^https?:\/\//i.test(server) ? server.replace(/\/+$/, '') : '',
    basePath,
    operations,
    schemes: schemesOf(root, dialect),
    validator,
  };
}

function operationOf(
  root: Obj,
  dialect: SpecDialect,
  pathTemplate: string,
  method: string,
  slug: string,
  item: Obj,
  raw: Obj,
  globalSecurity: YamlValue | undefined,
): MockOperation {
  const notes = new Set<string>();
  const prep = (schema: YamlValue | undefined, mode: SchemaMode): JsonObject => prepareSchema(root, schema, mode, notes);
  const rawParams = mergedParams(root, item['parameters'], raw['parameters']);
  const params: MockParam[] = rawParams.flatMap((p) => {
    const where = str(p['in']);
    if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') {
      return [];
    }
    return [
      {
        name: str(p['name']),
        in: where,
        required: p['required'] === true || where === 'path',
        schema: prep(paramSchema(root, dialect, p), 'request'),
      },
    ];
  });
  const body = bodyOf(root, dialect, raw, rawParams, prep, notes);
  const responses = responsesOf(root, dialect, raw, prep);
  noteResponses(root, dialect, raw, responses, notes);
  const tags = Array.isArray(raw['tags']) ? raw['tags'].filter((t): t is string => typeof t === 'string').slice(0, 20) : [];
  return {
    slug,
    method,
    ...routeOf(pathTemplate),
    params,
    body,
    operationId: typeof raw['operationId'] === 'string' ? raw['operationId'] : null,
    tags,
    summary: str(raw['summary']).slice(0, 300),
    security: securityOf(raw['security'] !== undefined ? raw['security'] : globalSecurity),
    responses,
    role: 'static',
    collection: null,
    keyParam: null,
    problems: [...notes],
  };
}

function mergedParams(root: Obj, pathLevel: YamlValue | undefined, opLevel: YamlValue | undefined): Obj[] {
  const merged = new Map<string, Obj>();
  for (const list of [pathLevel, opLevel]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const p = resolved(root, raw);
      if (p !== null) {
        merged.set(`${str(p['name'])}\u0000${str(p['in'])}`, p);
      }
    }
  }
  return [...merged.values()];
}

function paramSchema(root: Obj, dialect: SpecDialect, p: Obj): YamlValue | undefined {
  if (p['schema'] !== undefined) {
    return p['schema'];
  }
  const content = resolved(root, p['content']);
  if (content !== null) {
    const first = Object.values(content)[0];
    return isMapping(first) ? first['schema'] : undefined;
  }
  if (dialect === 'swagger-2.0') {
    const { name: _n, in: _i, description: _d, required: _r, ...rest } = p;
    return rest;
  }
  return undefined;
}

const isJson = (mediaType: string): boolean => /^application\/(?:[\w.+-]+\+)?json\b/i.test(mediaType) || mediaType === '*/*';

function examplesOf(root: Obj, holder: Obj): NamedExample[] {
  const out: NamedExample[] = [];
  if (holder['example'] !== undefined) {
    out.push({ name: 'example', value: toJson(holder['example']) });
  }
  const examples = holder['examples'];
  if (isMapping(examples)) {
    for (const [name, raw] of Object.entries(examples)) {
      const ex = resolved(root, raw);
      if (ex !== null && ex['value'] !== undefined) {
        out.push({ name, value: toJson(ex['value']) });
      }
    }
  }
  return out;
}

function toJson(v: YamlValue): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

function kindOf(mediaType: string): BodyKind | null {
  const m = mediaType.toLowerCase();
  return isJson(m) ? 'json' : m.startsWith(FORM) ? 'form' : m.startsWith(MULTIPART) ? 'multipart' : null;
}

/** Swagger 2.0 `formData` parameters as one object schema (a `file` is sent as its name). */
function formDataSchema(params: Obj[]): Obj {
  const properties: Obj = {};
  const required: string[] = [];
  for (const p of params) {
    const name = str(p['name']);
    if (name === '') {
      continue;
    }
    const { name: _n, in: _i, description: _d, required: _r, ...rest } = p;
    properties[name] = rest['type'] === 'file' ? { type: 'string', format: 'binary' } : rest;
    if (p['required'] === true) {
      required.push(name);
    }
  }
  return { type: 'object', properties, required };
}

function bodyOf(
  root: Obj,
  dialect: SpecDialect,
  raw: Obj,
  params: Obj[],
  prep: (s: YamlValue | undefined, mode: SchemaMode) => JsonObject,
  notes: Set<string>,
): MockOperation['body'] {
  if (dialect === 'swagger-2.0') {
    const body = params.find((p) => p['in'] === 'body');
    if (body !== undefined) {
      return {
        required: body['required'] === true,
        mediaType: 'application/json',
        kind: 'json',
        schema: prep(body['schema'], 'request'),
        examples: [],
      };
    }
    const form = params.filter((p) => p['in'] === 'formData');
    if (form.length > 0) {
      const consumes = Array.isArray(raw['consumes']) ? raw['consumes'] : Array.isArray(root['consumes']) ? root['consumes'] : [];
      const multipart = consumes.some((c) => typeof c === 'string' && c.toLowerCase().startsWith(MULTIPART));
      return {
        required: form.some((p) => p['required'] === true),
        mediaType: multipart ? MULTIPART : FORM,
        kind: multipart ? 'multipart' : 'form',
        schema: prep(formDataSchema(form), 'request'),
        examples: [],
      };
    }
    return null;
  }
  const body = raw['requestBody'] !== undefined ? resolved(root, raw['requestBody']) : null;
  if (body === null) {
    return null;
  }
  const content = isMapping(body['content']) ? body['content'] : {};
  const entries = Object.entries(content);
  const entry = entries.find(([m]) => kindOf(m) === 'json') ?? entries.find(([m]) => kindOf(m) !== null);
  if (entry === undefined) {
    if (entries.length > 0) {
      notes.add(
        `The body is ${Object.keys(content).join(', ').slice(0, 200)}; the mock checks JSON and form bodies only, so this body is not checked.`,
      );
    }
    return null;
  }
  const media = isMapping(entry[1]) ? entry[1] : {};
  if (media['schema'] === undefined) {
    notes.add('The request body has no schema: any body is accepted.');
  }
  return {
    required: body['required'] === true,
    mediaType: entry[0],
    kind: kindOf(entry[0]) ?? 'json',
    schema: media['schema'] !== undefined ? prep(media['schema'], 'request') : null,
    examples: examplesOf(root, media),
  };
}

function responsesOf(
  root: Obj,
  dialect: SpecDialect,
  raw: Obj,
  prep: (s: YamlValue | undefined, mode: SchemaMode) => JsonObject,
): MockResponseSpec[] {
  const responses = isMapping(raw['responses']) ? raw['responses'] : {};
  return Object.entries(responses).flatMap(([status, value]) => {
    const r = resolved(root, value);
    if (r === null || status.startsWith('x-')) {
      return [];
    }
    if (dialect === 'swagger-2.0') {
      const examples = isMapping(r['examples']) ? r['examples'] : {};
      const json = Object.entries(examples).find(([m]) => isJson(m));
      return [
        {
          status,
          schema: r['schema'] !== undefined ? prep(r['schema'], 'response') : null,
          examples: json === undefined ? [] : [{ name: 'example', value: toJson(json[1]) }],
        },
      ];
    }
    const content = isMapping(r['content']) ? r['content'] : {};
    const entry = Object.entries(content).find(([m]) => isJson(m));
    const media = entry !== undefined && isMapping(entry[1]) ? entry[1] : null;
    return [
      {
        status,
        schema: media !== null && media['schema'] !== undefined ? prep(media['schema'], 'response') : null,
        examples: media === null ? [] : examplesOf(root, media),
      },
    ];
  });
}

/** Tells why the success answer is not mocked from the spec: no JSON content, no schema nor example. */
function noteResponses(root: Obj, dialect: SpecDialect, raw: Obj, responses: MockResponseSpec[], notes: Set<string>): void {
  const ok = responses.find((r) => /^2\d\d$/.test(r.status)) ?? responses.find((r) => /^(2XX|default)$/i.test(r.status));
  if (ok === undefined) {
    notes.add('No success (2xx) response is documented: the mock answers 200 with no body.');
    return;
  }
  if (ok.status === '204' || ok.schema !== null || ok.examples.length > 0) {
    return;
  }
  const r = resolved(root, (isMapping(raw['responses']) ? raw['responses'] : {})[ok.status]);
  const content = dialect === 'swagger-2.0' || r === null || !isMapping(r['content']) ? {} : r['content'];
  const types = Object.keys(content);
  notes.add(
    types.length > 0 && !types.some(isJson)
      ? `The ${ok.status} response is ${types.join(', ').slice(0, 200)}; the mock answers JSON only, so it sends no body.`
      : `The ${ok.status} response has no schema and no example: the mock cannot check it, and answers with stored data or no body.`,
  );
}

function securityOf(value: YamlValue | undefined): string[][] {
  if (!Array.isArray(value)) {
    return [];
  }
  const alternatives = value.filter(isMapping).map((req) => Object.keys(req));
  // An empty requirement object means "anonymous is fine": nothing is required.
  return alternatives.some((a) => a.length === 0) ? [] : alternatives;
}

function schemesOf(root: Obj, dialect: SpecDialect): Record<string, MockScheme> {
  const components = isMapping(root['components']) ? root['components'] : {};
  const table = dialect === 'swagger-2.0' ? root['securityDefinitions'] : components['securitySchemes'];
  const out: Record<string, MockScheme> = {};
  for (const [name, raw] of Object.entries(isMapping(table) ? table : {})) {
    const s = resolved(root, raw);
    if (s !== null) {
      out[name] = { type: str(s['type']), scheme: str(s['scheme']).toLowerCase(), name: str(s['name']), in: str(s['in']) };
    }
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function routeOf(template: string): Pick<MockOperation, 'template' | 'pattern' | 'paramNames' | 'specificity'> {
  const paramNames: string[] = [];
  let specificity = 0;
  const source = template
    .split(/(\{[^}/]+\})/)
    .map((part) => {
      const m = /^\{([^}/]+)\}$/.exec(part);
      if (m !== null) {
        paramNames.push(m[1] ?? '');
        return '([^/]+)';
      }
      specificity += part.length;
      return escapeRegExp(part);
    })
    .join('');
  // RE2: adjacent parameters (`/{a}{b}{c}x`) would backtrack polynomially in V8 on a long path.
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(`^${source}$`);
  } catch {
    // Too big for the engine: the route is never reached (a 404), rather than a thrown spec.
    pattern = RE2JS.compile('[^\\x{0}-\\x{10FFFF}]');
  }
  return { template, pattern, paramNames, specificity };
}

/** The template without its last segment when that segment is one parameter (`/a/{id}/` -> `/a/`). */
export function parentCollection(template: string): { collection: string; keyParam: string } | null {
  const m = /^(.*\/)\{([^}/]+)\}(\/?)$/.exec(template);
  if (m === null) {
    return null;
  }
  const slash = m[3] ?? '';
  const base = m[1] ?? '/';
  return { collection: slash === '' && base.length > 1 ? base.slice(0, -1) : base, keyParam: m[2] ?? '' };
}

const ITEM_ROLES: Record<string, MockRole> = { GET: 'read', PUT: 'replace', PATCH: 'update', DELETE: 'delete' };

function assignRoles(operations: MockOperation[]): void {
  const templates = new Set(operations.map((o) => o.template));
  const itemChild = new Map<string, string>();
  for (const t of templates) {
    const parent = parentCollection(t);
    if (parent !== null) {
      itemChild.set(parent.collection, parent.keyParam);
    }
  }
  const hasGet = new Set(operations.filter((o) => o.method === 'GET').map((o) => o.template));
  for (const op of operations) {
    const parent = parentCollection(op.template);
    if (parent !== null && ITEM_ROLES[op.method] !== undefined) {
      op.role = ITEM_ROLES[op.method] ?? 'static';
      op.collection = parent.collection;
      op.keyParam = parent.keyParam;
      continue;
    }
    const isCollection =
      itemChild.has(op.template) || (hasGet.has(op.template) && operations.some((o) => o.template === op.template && o.method === 'POST'));
    if (op.method === 'POST' && isCollection) {
      op.role = 'create';
    } else if (op.method === 'GET' && (isCollection || listShaped(op))) {
      op.role = 'list';
    }
    if (op.role !== 'static') {
      op.collection = op.template;
      op.keyParam = itemChild.get(op.template) ?? null;
    }
  }
  // Actions on a resource (`POST /orders/{id}/cancel/`) and singletons (`GET`/`PATCH /customers/me/`).
  const itemOps = operations.filter((o) => ['read', 'replace', 'update', 'delete'].includes(o.role));
  for (const op of operations) {
    if (op.role !== 'static') {
      continue;
    }
    const owner = ownerItem(op.template, itemOps);
    if (owner !== null && op.method !== 'GET') {
      op.role = 'action';
      op.collection = owner.collection;
      op.keyParam = owner.keyParam;
      continue;
    }
    const same = operations.filter((o) => o.template === op.template).map((o) => o.method);
    if (
      !op.template.includes('{') &&
      same.includes('GET') &&
      (same.includes('PUT') || same.includes('PATCH')) &&
      ['GET', 'PUT', 'PATCH'].includes(op.method)
    ) {
      op.role = 'singleton';
    }
  }
}

/** The item operation a sub-path acts on (`/orders/{orderId}/cancel/` -> the item `/orders/{orderId}/`). */
export function ownerItem(template: string, itemOps: MockOperation[]): MockOperation | null {
  const trimmed = template.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  if (cut <= 0 || trimmed.slice(cut + 1).includes('{')) {
    return null;
  }
  const parent = trimmed.slice(0, cut);
  return itemOps.find((o) => o.template === parent || o.template === `${parent}/`) ?? null;
}

function listShaped(op: MockOperation): boolean {
  const ok = op.responses.find((r) => /^2/.test(r.status));
  if (ok === undefined || ok.schema === null) {
    return false;
  }
  const props = propertiesOf(ok.schema);
  return ok.schema['type'] === 'array' || (props['results'] !== undefined && props['count'] !== undefined);
}
