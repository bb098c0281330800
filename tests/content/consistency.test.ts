/**
 * The docs describe the same Nexus Shop as the spec: every API path and method they name exists,
 * every error body they show is the spec's one envelope, order states and error codes come from
 * the spec, request bodies use the spec's field names, Compose files agree with the settings and
 * URLs around them, and Python blocks only import models the hub defines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import type { CodeBlock } from './helpers';
import { TOPIC_DOCS, codeBlocksOf, readHub } from './helpers';
import type { PyValue } from './pyfacts';
import { docLine, readPyFacts } from './pyfacts';
import type { Json, JsonObject } from './spec';
import { deref, exampleSites, isObject, loadSpec, operationsOf, specValidator } from './spec';

const spec = loadSpec();
const validator = specValidator(spec);
const operations = operationsOf(spec);
const docs = TOPIC_DOCS.map((doc) => ({ doc, text: readHub(doc), blocks: codeBlocksOf(doc, readHub(doc)) }));
const allBlocks = docs.flatMap((d) => d.blocks);
const where = (block: CodeBlock, line = 0): string => `${block.doc}:${block.line + line}`;

/**
 * Paths the docs name on purpose although the public spec does not have them, with the reason.
 * Matched against the path after the `/api/v1` prefix is removed.
 */
const NOT_IN_SPEC: { pattern: RegExp; reason: string }[] = [
  { pattern: /^\/exports\//, reason: 'staff export jobs live in the internal admin API (Long-Running Tasks says so)' },
  { pattern: /^\/cart\//, reason: 'the Git Workflow Q&A removes a deprecated endpoint' },
  { pattern: /^\/orders$/, reason: 'the CORS pitfall shows the URL without its trailing slash on purpose' },
];

// ---------------------------------------------------------------------------------------------
// Paths and methods

/** Spec path templates as regexes: `{orderId}` matches one segment. */
const specPaths = operations.map(({ method, path }) => ({
  method,
  path,
  regex: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
const SPEC_ROOTS = new Set(operations.map(({ path }) => path.split('/')[1]));

/** A path as the docs write it, reduced to the spec's form (no host, base path, query or markup). */
export function normaliseDocPath(raw: string): string | null {
  let path = raw.replace(/[`'",;)\].]+$/, '').replace(/^https?:\/\/[^/]+/, '');
  path = (path.split(/[?#]/)[0] ?? '').replace(/<[^>]*>/g, '{x}');
  if (path.startsWith('/api/v1/') || path === '/api/v1') {
    const rest = path.slice('/api/v1'.length);
    return rest === '/' || rest === '' ? null : rest; // the base path itself
  }
  if (path.startsWith('/api/')) {
    return null; // another sample (the job board) or a deliberately wrong URL
  }
  return SPEC_ROOTS.has(path.split('/')[1]) ? path : null;
}

type PathMention = { doc: string; line: number; method: string | null; path: string; raw: string };

function pathMentions(doc: string, text: string): PathMention[] {
  const found: PathMention[] = [];
  text.split('\n').forEach((lineText, index) => {
    const methodRe = /\b(GET|POST|PUT|PATCH|DELETE)\s+`?((?:https?:\/\/[^\s/`]+)?\/(?:<[^>]*>|[\w{}.:/-])*)/g;
    const seen = new Set<number>();
    for (const match of lineText.matchAll(methodRe)) {
      const path = normaliseDocPath(match[2] ?? '');
      seen.add((match.index ?? 0) + match[0].indexOf(match[2] ?? ''));
      if (path !== null) {
        found.push({ doc, line: index + 1, method: match[1] ?? null, path, raw: match[0] });
      }
    }
    for (const match of lineText.matchAll(/(?:https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?)?\/api\/v1\/[\w{}<>.:/-]*/g)) {
      if (!seen.has(match.index ?? -1)) {
        const path = normaliseDocPath(match[0]);
        if (path !== null) {
          found.push({ doc, line: index + 1, method: null, path, raw: match[0] });
        }
      }
    }
  });
  return found;
}

const mentions = docs.flatMap(({ doc, text }) => pathMentions(doc, text));

describe('API paths and methods named in the docs', () => {
  test('the docs name API paths', () => {
    expect(mentions.length).toBeGreaterThan(30);
  });

  test('every /api/v1 path (and every "METHOD /path") exists in the spec', () => {
    const problems = mentions.flatMap((m) => {
      if (NOT_IN_SPEC.some(({ pattern }) => pattern.test(m.path))) {
        return [];
      }
      const matching = specPaths.filter((p) => p.regex.test(m.path));
      if (matching.length === 0) {
        return [`${m.doc}:${m.line} ${m.raw} -> ${m.path} is not a path of the spec`];
      }
      if (m.method !== null && !matching.some((p) => p.method === m.method)) {
        return [`${m.doc}:${m.line} ${m.raw}: the spec has no ${m.method} on ${matching[0]?.path ?? m.path}`];
      }
      return [];
    });
    expect(problems).toEqual([]);
  });

  test('normaliseDocPath strips hosts, the base path and punctuation, and ignores other samples', () => {
    expect(normaliseDocPath('http://localhost:8000/api/v1/orders/1042/?page=2')).toBe('/orders/1042/');
    expect(normaliseDocPath('/api/v1/orders/{id}/cancel/`')).toBe('/orders/{id}/cancel/');
    expect(normaliseDocPath('http://127.0.0.1:4010/products/')).toBe('/products/');
    expect(normaliseDocPath('/api/jobs/7/')).toBeNull();
    expect(normaliseDocPath('/etc/passwd')).toBeNull();
    expect(normaliseDocPath('/api/v1/')).toBeNull();
    expect(normaliseDocPath('/orders/<any id>/')).toBe('/orders/{x}/');
  });
});

// ---------------------------------------------------------------------------------------------
// Error bodies, codes and order states

/** Error codes the spec's examples use. */
const specCodes = new Set(
  exampleSites(spec).flatMap((site) => {
    const inner = isObject(site.value) ? site.value.error : undefined;
    return isObject(inner) && typeof inner.code === 'string' ? [inner.code] : [];
  }),
);
const orderSchema = deref(spec, { $ref: '#/components/schemas/OrderStatus' });
const ORDER_STATES = new Set(isObject(orderSchema) && Array.isArray(orderSchema.enum) ? orderSchema.enum.map(String) : []);
const paymentSchema = deref(spec, { $ref: '#/components/schemas/Payment' });
const paymentStatus = isObject(paymentSchema) && isObject(paymentSchema.properties) ? paymentSchema.properties.status : undefined;
const PAYMENT_STATES = new Set(isObject(paymentStatus) && Array.isArray(paymentStatus.enum) ? paymentStatus.enum.map(String) : []);

/** The text of the balanced `{...}` that starts at `start`, or null. */
function balancedObject(text: string, start: number): string | null {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '{') {
      depth += 1;
    } else if (ch === '}') {
      depth -= 1;
      if (depth === 0) {
        return text.slice(start, i + 1);
      }
    }
  }
  return null;
}

type FoundBody = { at: string; value: Json; schema: string };

/** Error bodies and tagged examples in JSON blocks, and `{ error: ... }` objects in JS blocks. */
function docBodies(): { bodies: FoundBody[]; unparsable: string[] } {
  const bodies: FoundBody[] = [];
  const unparsable: string[] = [];
  for (const block of allBlocks) {
    const tagged = /\bschema=(\w+)/.exec(block.meta)?.[1];
    if (block.lang === 'json') {
      let value: Json;
      try {
        value = JSON.parse(block.value) as Json;
      } catch {
        unparsable.push(where(block));
        continue;
      }
      if (tagged) {
        bodies.push({ at: where(block), value, schema: tagged });
      } else if (isObject(value) && ('error' in value || 'detail' in value)) {
        bodies.push({ at: where(block), value, schema: 'Error' });
      }
    }
    if (['javascript', 'js', 'typescript', 'ts'].includes(block.lang)) {
      for (const match of block.value.matchAll(/\{\s*error:\s*\{/g)) {
        const literal = balancedObject(block.value, match.index ?? 0);
        if (literal) {
          const line = block.value.slice(0, match.index).split('\n').length;
          bodies.push({ at: where(block, line), value: runInNewContext(`(${literal})`, {}) as Json, schema: 'Error' });
        }
      }
    }
  }
  return { bodies, unparsable };
}

const { bodies, unparsable } = docBodies();

// Python facts, from the same blocks the python test compiles.
const pyBlocks = allBlocks.filter((b) => ['python', 'py', 'python3'].includes(b.lang) && !/\bfragment\b/.test(b.meta));
const workDir = mkdtempSync(join(tmpdir(), 'hub-facts-'));
const pyFiles = pyBlocks.map((block, index) => {
  const file = join(workDir, `block_${index}.py`);
  writeFileSync(file, block.value, 'utf8');
  return file;
});
const py = readPyFacts(pyFiles);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const pyAt = (blockIndex: number, line: number): string => {
  const block = pyBlocks[blockIndex];
  return block ? `${block.doc}:${docLine(block, line)}` : `python block ${blockIndex}`;
};

/** Replaces computed Python values (`<expr>`) by something of the right type for the schema. */
function withComputed(value: PyValue, key = ''): Json {
  if (value === '<expr>') {
    return key === 'details' ? {} : 'computed';
  }
  if (Array.isArray(value)) {
    return value.map((entry) => withComputed(entry));
  }
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withComputed(v, k)]));
  }
  return value;
}

describe('error bodies in the docs', () => {
  test('every json block parses', () => {
    expect(unparsable).toEqual([]);
  });

  test('the docs show error bodies in JSON, JavaScript and Python', () => {
    expect(bodies.filter((b) => b.schema === 'Error').length).toBeGreaterThanOrEqual(3);
    expect(py.errorDicts.length).toBeGreaterThanOrEqual(3);
  });

  test('every JSON and JavaScript body matches the spec schema it stands for (untagged errors: Error)', () => {
    const problems = bodies.flatMap(({ at, value, schema }) => validator.checkComponent(schema, value).map((e) => `${at} (${schema}): ${e}`));
    expect(problems).toEqual([]);
  });

  test('every Python error dict is the envelope (no bare {"detail": ...}), with literal parts valid', () => {
    const problems: string[] = [];
    for (const { value, block, line } of py.errorDicts) {
      if (!isObject(value)) {
        continue;
      }
      const at = pyAt(block, line);
      if ('detail' in value && !('error' in value)) {
        problems.push(`${at}: a {"detail": ...} body; use the {"error": {...}} envelope`);
        continue;
      }
      const inner = 'error' in value ? value.error : value;
      if (inner === '<expr>') {
        continue; // built elsewhere; that dict is checked on its own
      }
      const body = withComputed({ error: inner });
      problems.push(...validator.checkComponent('Error', body).map((e) => `${at}: ${e}`));
    }
    expect(problems).toEqual([]);
  });

  test('every error code a doc shows is one the spec documents', () => {
    const codes = [
      ...bodies.flatMap(({ at, value }) => (isObject(value) && isObject(value.error) && typeof value.error.code === 'string' ? [{ at, code: value.error.code }] : [])),
      ...py.errorDicts.flatMap(({ value, block, line }) => {
        const inner = isObject(value) && 'error' in value ? value.error : value;
        return isObject(inner) && typeof inner.code === 'string' && inner.code !== '<expr>' ? [{ at: pyAt(block, line), code: inner.code }] : [];
      }),
    ];
    const unknown = codes.filter(({ code }) => !specCodes.has(code)).map(({ at, code }) => `${at}: ${code}`);
    expect(codes.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });

  test('no prose or table still describes the retired {detail, code, errors} body', () => {
    const hits = docs.flatMap(({ doc, text }) =>
      text.split('\n').flatMap((line, index) => (/\{\s*"?detail"?\s*,\s*"?code"?/.test(line) ? [`${doc}:${index + 1}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

describe('order and payment states in the docs', () => {
  test('Order.Status and Payment.Status choices equal the spec enums', () => {
    const problems: string[] = [];
    for (const { model, values, block, line } of py.statusChoices) {
      const expected = model === 'Order' ? ORDER_STATES : PAYMENT_STATES;
      if ([...values].sort().join() !== [...expected].sort().join()) {
        problems.push(`${pyAt(block, line)}: ${model}.Status is [${values.join(', ')}], the spec says [${[...expected].join(', ')}]`);
      }
    }
    expect(py.statusChoices.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('every order state used in code and examples is in the spec enum', () => {
    const used = [
      ...py.orderStates.map(({ value, block, line }) => ({ at: pyAt(block, line), value })),
      ...allBlocks
        .filter((b) => ['javascript', 'js', 'json'].includes(b.lang) && /\/orders\//.test(b.value + b.meta) === true)
        .flatMap((b) => [...b.value.matchAll(/["']?status["']?\s*:\s*["']([a-z_]+)["']/g)].map((m) => ({ at: where(b), value: m[1] ?? '' }))),
    ];
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter(({ value }) => !ORDER_STATES.has(value)).map(({ at, value }) => `${at}: ${value}`)).toEqual([]);
  });

  test('prose names no order state the spec lacks', () => {
    const hits = docs.flatMap(({ doc, text }) =>
      text.split('\n').flatMap((line, index) => (/\bpending_payment\b|\bawaiting_payment\b/.test(line) ? [`${doc}:${index + 1}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Request bodies and Prism examples

/** Property names of `value` that `schema` does not declare (follows $ref, allOf, items). */
function unknownKeys(schema: Json | undefined, value: Json, at = ''): string[] {
  const resolved = deref(spec, schema);
  if (!isObject(resolved)) {
    return [];
  }
  const parts = [resolved, ...(Array.isArray(resolved.allOf) ? resolved.allOf.map((p) => deref(spec, p)) : [])].filter(isObject);
  const properties: JsonObject = {};
  for (const part of parts) {
    Object.assign(properties, isObject(part.properties) ? part.properties : {});
  }
  const items = parts.find((p) => p.items !== undefined)?.items;
  if (Array.isArray(value)) {
    return value.flatMap((entry, index) => unknownKeys(items, entry, `${at}/${index}`));
  }
  if (!isObject(value) || Object.keys(properties).length === 0) {
    return [];
  }
  return Object.entries(value).flatMap(([key, entry]) => (key in properties ? unknownKeys(properties[key], entry, `${at}/${key}`) : [`${at}/${key}`]));
}

function requestSchema(method: string, path: string): Json | undefined {
  const op = specPaths.find((p) => p.method === method && p.regex.test(path));
  const found = op ? operations.find((o) => o.method === op.method && o.path === op.path) : undefined;
  const body = found ? deref(spec, found.op.requestBody) : undefined;
  const content = isObject(body) && isObject(body.content) ? body.content['application/json'] : undefined;
  return isObject(content) ? content.schema : undefined;
}

describe('request bodies in the docs', () => {
  const requests = [
    ...py.requests.map((r) => ({ at: pyAt(r.block, r.line), method: r.method, path: normaliseDocPath(r.path), body: withComputed(r.body) })),
    ...allBlocks
      .filter((b) => b.lang === 'bash')
      .flatMap((b) =>
        [...b.value.matchAll(/curl[^\n]*?(\S*\/api\/v1\/\S*)[\s\S]*?--json '([^']+)'/g)].map((m) => ({
          at: where(b),
          method: 'POST',
          path: normaliseDocPath(m[1] ?? ''),
          body: JSON.parse(m[2] ?? '{}') as Json,
        })),
      ),
  ].filter((r): r is { at: string; method: string; path: string; body: Json } => r.path !== null && !NOT_IN_SPEC.some(({ pattern }) => pattern.test(r.path ?? '')));

  test('the docs post bodies to spec paths', () => {
    expect(requests.length).toBeGreaterThanOrEqual(3);
  });

  test('every field they send is a field of the operation request schema', () => {
    const problems = requests.flatMap(({ at, method, path, body }) => {
      const schema = requestSchema(method, path);
      if (schema === undefined) {
        return [`${at}: ${method} ${path} takes no JSON body in the spec`];
      }
      return unknownKeys(schema, body).map((key) => `${at}: ${method} ${path} sends ${key}, which the spec does not define`);
    });
    expect(problems).toEqual([]);
  });
});

describe('mock-server examples', () => {
  const exampleNames = new Set(exampleSites(spec).flatMap((site) => (site.name ? [site.name] : [])));
  test('every "Prefer: example=NAME" names an example of the spec', () => {
    const named = docs.flatMap(({ doc, text }) =>
      [...text.matchAll(/Prefer: example=([A-Za-z][\w-]*)/g)].map((m) => ({ doc, name: m[1] ?? '' })),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ name }) => !exampleNames.has(name)).map(({ doc, name }) => `${doc}: ${name}`)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Compose files, settings and URLs

type Service = { doc: string; name: string; image: string; env: Record<string, string>; command: string };

/** KEY=VALUE lines of the .env-style blocks of a doc. */
function dotenvOf(blocks: CodeBlock[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const block of blocks.filter((b) => b.lang === 'bash' && /^# \.env\b/m.test(b.value))) {
    for (const match of block.value.matchAll(/^([A-Z][A-Z0-9_]*)=(\S*)/gm)) {
      env[match[1] ?? ''] = match[2] ?? '';
    }
  }
  return env;
}

function envOf(raw: unknown): Record<string, string> {
  if (Array.isArray(raw)) {
    return Object.fromEntries(raw.map((entry) => String(entry).split('=', 2) as [string, string]));
  }
  return isObject(raw) ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) : {};
}

/** Services of every Compose file in a doc; `env_file: .env` pulls in the doc's .env block. */
function servicesOf(doc: string, blocks: CodeBlock[]): Service[] {
  const dotenv = dotenvOf(blocks);
  return blocks
    .filter((b) => b.lang === 'yaml')
    .flatMap((b) => {
      const parsed = parseYaml(b.value, { merge: true }) as unknown;
      const services = isObject(parsed) && isObject(parsed.services) ? parsed.services : null;
      if (!services || 'jobs' in (parsed as JsonObject)) {
        return [];
      }
      return Object.entries(services).flatMap(([name, raw]) => {
        if (!isObject(raw)) {
          return [];
        }
        const fromFile = raw.env_file === undefined ? {} : dotenv;
        const command = Array.isArray(raw.command) ? raw.command.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ') : typeof raw.command === 'string' ? raw.command : '';
        return [{ doc, name, image: typeof raw.image === 'string' ? raw.image : '', env: { ...fromFile, ...envOf(raw.environment) }, command }];
      });
    });
}

/** `image:` tags of CI service containers (GitHub Actions `jobs.*.services`). */
function ciImages(blocks: CodeBlock[]): string[] {
  return blocks
    .filter((b) => b.lang === 'yaml')
    .flatMap((b) => {
      const parsed = parseYaml(b.value) as unknown;
      const jobs = isObject(parsed) && isObject(parsed.jobs) ? parsed.jobs : {};
      return Object.values(jobs).flatMap((job) =>
        isObject(job) && isObject(job.services) ? Object.values(job.services).flatMap((s) => (isObject(s) && typeof s.image === 'string' ? [s.image] : [])) : [],
      );
    });
}

const services = docs.flatMap(({ doc, blocks }) => servicesOf(doc, blocks));
const urlsIn = (text: string, scheme: string): { user: string; pass: string; host: string; raw: string }[] =>
  [...text.matchAll(new RegExp(`${scheme}://(?:([^:@\\s/"']+)(?::([^@\\s/"']*))?@)?([\\w.-]+)`, 'g'))].map((m) => ({
    user: m[1] ?? '',
    pass: m[2] ?? '',
    host: m[3] ?? '',
    raw: m[0],
  }));

describe('Compose files, settings and URLs agree', () => {
  test('the docs have Compose files with a database, a broker and Redis', () => {
    for (const image of ['postgres', 'rabbitmq', 'redis']) {
      expect(services.some((s) => s.image.startsWith(`${image}:`)), image).toBe(true);
    }
  });

  test('every amqp:// URL to a Compose host logs in as a user the rabbitmq service creates', () => {
    const problems: string[] = [];
    for (const { doc, text } of docs) {
      for (const url of urlsIn(text, 'amqp')) {
        if (url.host === 'localhost' || url.host === '127.0.0.1') {
          continue;
        }
        const brokers = services.filter((s) => s.name === url.host && s.image.startsWith('rabbitmq:'));
        const sameDoc = brokers.filter((s) => s.doc === doc);
        const candidates = sameDoc.length > 0 ? sameDoc : brokers;
        if (candidates.length === 0) {
          problems.push(`${doc}: ${url.raw} names no rabbitmq service`);
        } else if (!candidates.some((s) => s.env.RABBITMQ_DEFAULT_USER === url.user && (url.pass.startsWith('<') || url.pass === '...' || s.env.RABBITMQ_DEFAULT_PASS === url.pass))) {
          problems.push(`${doc}: ${url.raw} logs in as "${url.user}", but the rabbitmq service creates ${candidates.map((s) => `"${s.env.RABBITMQ_DEFAULT_USER ?? 'guest (localhost only)'}"`).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every postgres:// URL to a Compose host matches that service user and database', () => {
    const problems: string[] = [];
    for (const { doc, text } of docs) {
      for (const m of text.matchAll(/postgres(?:ql)?:\/\/([^:@\s]+):([^@\s]*)@([\w.-]+):\d+\/(\w+)/g)) {
        const db = services.find((s) => s.doc === doc && s.name === m[3] && s.image.startsWith('postgres:'));
        if (db && (db.env.POSTGRES_USER !== m[1] || db.env.POSTGRES_DB !== m[4] || db.env.POSTGRES_PASSWORD !== m[2])) {
          problems.push(`${doc}: ${m[0]} does not match the ${db.name} service's POSTGRES_* settings`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every redis:// host is a Redis service, and the result backend never evicts', () => {
    const problems: string[] = [];
    const redisNames = new Set(services.filter((s) => s.image.startsWith('redis:')).map((s) => s.name));
    for (const { doc, text } of docs) {
      for (const url of urlsIn(text, 'redis')) {
        if (!['localhost', '127.0.0.1'].includes(url.host) && !redisNames.has(url.host)) {
          problems.push(`${doc}: ${url.raw} names no Redis service`);
        }
      }
      for (const m of text.matchAll(/(?:CELERY_RESULT_BACKEND\S*?|result backend\S*?)[=:,(\s"]+["']?redis:\/\/([\w.-]+)/g)) {
        for (const s of services.filter((svc) => svc.name === m[1] && svc.image.startsWith('redis:'))) {
          if (/allkeys-/.test(s.command)) {
            problems.push(`${doc}: the Celery result backend ${m[1]} runs with an allkeys-* eviction policy (${s.doc})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('each image (postgres, redis, rabbitmq) has one major version across Compose and CI', () => {
    const images = [...services.map((s) => s.image), ...docs.flatMap(({ blocks }) => ciImages(blocks))];
    const majors = new Map<string, Set<string>>();
    for (const image of images) {
      const [name, tag = ''] = image.split(':');
      const major = /^\d+/.exec(tag)?.[0] ?? tag;
      if (name && ['postgres', 'redis', 'rabbitmq'].includes(name)) {
        majors.set(name, (majors.get(name) ?? new Set()).add(major));
      }
    }
    const mixed = [...majors].filter(([, set]) => set.size > 1).map(([name, set]) => `${name}: ${[...set].join(', ')}`);
    expect(mixed).toEqual([]);
    // RabbitMQ 3.13 left community support; the hub teaches a supported series.
    expect([...(majors.get('rabbitmq') ?? [])].every((major) => Number(major) >= 4)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Models

describe('Python blocks use the models the hub defines', () => {
  const modelNames = new Set(py.models.map((m) => m.name));

  test('the hub defines the sample models', () => {
    for (const name of ['CustomerProfile', 'Category', 'Product', 'Order', 'OrderItem', 'Payment']) {
      expect(modelNames.has(name), name).toBe(true);
    }
  });

  test('every name imported from shop.models (or .models in shop/) is a model some block defines', () => {
    const problems = py.imports.filter(({ name }) => !modelNames.has(name)).map(({ name, block, line }) => `${pyAt(block, line)}: ${name}`);
    expect(problems).toEqual([]);
  });

  test('every "shop.X" string reference names a defined model', () => {
    const problems = py.stringRefs.filter(({ name }) => !modelNames.has(name)).map(({ name, block, line }) => `${pyAt(block, line)}: shop.${name}`);
    expect(problems).toEqual([]);
  });

  test('the retired names (Customer model, OrderLine) are gone from code', () => {
    expect(modelNames.has('OrderLine')).toBe(false);
    const stale = py.imports.filter(({ name }) => name === 'Customer' || name === 'OrderLine').map(({ block, line }) => pyAt(block, line));
    expect(stale).toEqual([]);
  });
});
