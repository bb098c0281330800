/**
 * Raw spec schemas -> self-contained JSON Schemas the validator and the generator use. Internal
 * `$ref`s are inlined (a schema that refers to itself becomes `{}` at the repeat), `$ref`s outside
 * the file are never followed, OpenAPI 3.0 / Swagger 2.0 quirks (`nullable`, boolean
 * `exclusiveMinimum`) become JSON Schema 2020-12, and the work is bounded by a node budget.
 */
import { isInternalRef, resolveRef } from '../openapi/refs';
import { type YamlValue, isMapping } from '../openapi/safeYaml';
import { compilePattern, patternTest, sampleOf } from './regex';
import type { Json, JsonObject } from './types';

/** Most schema nodes one prepared schema may hold (a bigger one is cut to `{}` with a note). */
export const MAX_SCHEMA_NODES = 5_000;
/** Deepest nesting kept. */
const MAX_DEPTH = 40;
/** Longest `pattern` kept (longer ones are dropped: they would make big matching programs). */
const MAX_PATTERN = 500;

/** Keywords dropped: identifiers that could point elsewhere, and OpenAPI annotations. */
const DROPPED = new Set([
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$recursiveRef',
  '$recursiveAnchor',
  '$defs',
  'definitions',
  '$comment',
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'examples',
  'nullable',
  'x-nullable',
]);

/** Whether the schema checks a request (read-only fields are not required) or a response. */
export type SchemaMode = 'request' | 'response';

type Budget = { nodes: number; notes: Set<string> };

/** Prepares one raw schema of `root`. `notes` collects what was not followed. */
export function prepareSchema(root: YamlValue, schema: YamlValue | undefined, mode: SchemaMode, notes: Set<string>): JsonObject {
  const budget: Budget = { nodes: MAX_SCHEMA_NODES, notes };
  const out = convert(root, schema, mode, budget, [], 0);
  return isObject(out) ? out : {};
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

function convert(root: YamlValue, value: YamlValue | undefined, mode: SchemaMode, budget: Budget, stack: string[], depth: number): Json {
  if (value === true || value === false) {
    return value;
  }
  if (!isMapping(value)) {
    return {};
  }
  if (--budget.nodes < 0 || depth > MAX_DEPTH) {
    budget.notes.add('A schema is too big or too deep to check in full; its deepest parts accept anything.');
    return {};
  }
  const ref = value['$ref'];
  if (typeof ref === 'string') {
    if (!isInternalRef(ref)) {
      budget.notes.add(`Schema ${ref} is in another file or URL and is not followed; it accepts anything.`);
      return {};
    }
    if (stack.includes(ref)) {
      // Recursive schema: the repeat accepts anything, so validation and generation terminate.
      return {};
    }
    const target = resolveRef(root, ref);
    if (target.kind !== 'internal') {
      budget.notes.add(`Schema ${ref} cannot be followed (${target.kind === 'external' ? 'another file' : target.reason}).`);
      return {};
    }
    const inner = convert(root, target.value, mode, budget, [...stack, ref], depth + 1);
    // 3.1 allows keywords next to $ref: they apply together.
    const { $ref: _ref, ...siblings } = value;
    const rest = Object.keys(siblings).filter((k) => !DROPPED.has(k) && k !== 'description' && k !== 'summary');
    if (rest.length === 0) {
      return inner;
    }
    const own = convert(root, siblings, mode, budget, stack, depth + 1);
    return { allOf: [inner, own] };
  }
  const out: JsonObject = {};
  let skipAdditional = false;
  for (const [key, raw] of Object.entries(value)) {
    if (DROPPED.has(key) || key.startsWith('x-')) {
      continue;
    }
    switch (key) {
      case 'properties':
      case 'patternProperties':
      case 'dependentSchemas': {
        const bad = key === 'patternProperties' && isMapping(raw) ? Object.keys(raw).find((name) => patternProblem(name) !== null) : undefined;
        if (bad !== undefined) {
          // Dropping only that key would send its properties to `additionalProperties`: accept them all instead.
          budget.notes.add(`Pattern ${bad.slice(0, 60)} is not checked (${patternProblem(bad) ?? ''}); the properties it names accept anything.`);
          skipAdditional = true;
        } else if (isMapping(raw)) {
          const props: JsonObject = {};
          for (const [name, p] of Object.entries(raw)) {
            props[name] = convert(root, p, mode, budget, stack, depth + 1);
          }
          out[key] = props;
        }
        break;
      }
      case 'items':
        out[Array.isArray(raw) ? 'prefixItems' : 'items'] = Array.isArray(raw)
          ? raw.map((s) => convert(root, s, mode, budget, stack, depth + 1))
          : convert(root, raw, mode, budget, stack, depth + 1);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
      case 'prefixItems':
        if (Array.isArray(raw)) {
          out[key] = raw.map((s) => convert(root, s, mode, budget, stack, depth + 1));
        }
        break;
      case 'additionalProperties':
      case 'not':
      case 'contains':
      case 'propertyNames':
      case 'if':
      case 'then':
      case 'else':
      case 'unevaluatedProperties':
      case 'unevaluatedItems':
      case 'additionalItems':
        out[key] = convert(root, raw, mode, budget, stack, depth + 1);
        break;
      case 'type':
        if (raw === 'file') {
          break; // Swagger 2.0 upload: not JSON.
        }
        out[key] = copy(raw);
        break;
      case 'pattern':
        if (typeof raw === 'string') {
          const why = patternProblem(raw);
          if (why === null) {
            out[key] = raw;
          } else {
            budget.notes.add(`Pattern ${raw.slice(0, 60)} is not checked (${why}).`);
          }
        }
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (raw === true && typeof value[bound] === 'number') {
          out[key] = value[bound];
        } else if (typeof raw === 'number') {
          out[key] = raw;
        }
        break;
      }
      case 'minimum':
      case 'maximum': {
        const exclusive = key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
        if (value[exclusive] !== true) {
          out[key] = copy(raw);
        }
        break;
      }
      default:
        out[key] = copy(raw);
    }
  }
  if (value['nullable'] === true || value['x-nullable'] === true) {
    if (typeof out['type'] === 'string') {
      out['type'] = [out['type'], 'null'];
    }
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) {
      out['enum'] = [...out['enum'], null];
    }
  }
  if (skipAdditional) {
    delete out['patternProperties'];
    delete out['additionalProperties'];
    delete out['unevaluatedProperties'];
  }
  // Read-only fields are not sent in requests, write-only ones not returned: neither is required there.
  const props = out['properties'];
  if (Array.isArray(out['required']) && isObject(props)) {
    const skip = mode === 'request' ? 'readOnly' : 'writeOnly';
    out['required'] = out['required'].filter((name) => !(typeof name === 'string' && isObject(props[name]) && props[name][skip] === true));
  }
  return out;
}

/** Why `pattern` is not checked, or null when the linear-time engine runs it. */
function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) {
    return 'too long';
  }
  const re = compilePattern(pattern);
  return typeof re === 'string' ? re : null;
}

function copy(v: YamlValue): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

/** The properties of an object schema, allOf members merged (what a response or resource holds). */
export function propertiesOf(schema: Json, depth = 0): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  if (!isObject(schema) || depth > 8) {
    return out;
  }
  const props = schema['properties'];
  if (isObject(props)) {
    for (const [name, p] of Object.entries(props)) {
      if (isObject(p)) {
        out[name] = p;
      }
    }
  }
  for (const key of ['allOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members)) {
      for (const m of members) {
        Object.assign(out, propertiesOf(m, depth + 1));
      }
    }
  }
  return out;
}

/** The required property names of an object schema, allOf members merged. */
export function requiredOf(schema: Json, depth = 0): Set<string> {
  const out = new Set<string>();
  if (!isObject(schema) || depth > 8) {
    return out;
  }
  if (Array.isArray(schema['required'])) {
    for (const name of schema['required']) {
      if (typeof name === 'string') {
        out.add(name);
      }
    }
  }
  if (Array.isArray(schema['allOf'])) {
    for (const m of schema['allOf']) {
      for (const name of requiredOf(m, depth + 1)) {
        out.add(name);
      }
    }
  }
  return out;
}

/** The types a schema allows (empty: not stated). */
export function typesOf(schema: JsonObject): string[] {
  const t = schema['type'];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
}

/** When `schema` is a DRF page (`count`, `next`, `previous`, `results`), the schema of one result. */
export function pageItemSchema(schema: Json): JsonObject | null {
  const props = propertiesOf(schema);
  const results = props['results'];
  if (props['count'] === undefined || results === undefined || !('next' in props) || !('previous' in props)) {
    return null;
  }
  const items = results['items'];
  return isObject(items) ? items : {};
}

/** Generation context: a clock and a counter, so generated data is reproducible in tests. */
export type GenerateContext = { now: string; seq: () => number };

/** Most values one generated document may hold. */
const MAX_GENERATED = 500;
/** Deepest generated nesting. */
const MAX_GENERATED_DEPTH = 6;

/** A value that fits `schema` (examples and defaults first), bounded in depth and size. */
export function generate(schema: Json, ctx: GenerateContext): Json {
  const budget = { left: MAX_GENERATED };
  return gen(schema, ctx, budget, 0);
}

function gen(schema: Json, ctx: GenerateContext, budget: { left: number }, depth: number): Json {
  if (!isObject(schema) || --budget.left < 0 || depth > MAX_GENERATED_DEPTH) {
    return null;
  }
  if (schema['const'] !== undefined) {
    return schema['const'];
  }
  if (schema['default'] !== undefined) {
    return schema['default'];
  }
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0) {
    return enumValues[0] ?? null;
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf) && allOf.length > 0) {
    const parts = allOf.map((m) => gen(m, ctx, budget, depth + 1));
    if (parts.every((p) => isObject(p) || p === null) && parts.some(isObject)) {
      return Object.assign({}, ...parts.filter(isObject)) as JsonObject;
    }
    const own = Object.keys(schema).filter((k) => k !== 'allOf');
    if (own.length === 0) {
      return parts[0] ?? null;
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.length > 0) {
      return gen(members[0] ?? {}, ctx, budget, depth + 1);
    }
  }
  const types = typesOf(schema);
  const type =
    types.find((t) => t !== 'null') ?? (isObject(schema['properties']) ? 'object' : schema['items'] !== undefined ? 'array' : types[0]);
  switch (type) {
    case 'object': {
      const out: JsonObject = {};
      for (const [name, p] of Object.entries(propertiesOf(schema))) {
        if (budget.left <= 0) {
          break;
        }
        out[name] = gen(p, ctx, budget, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = typeof schema['minItems'] === 'number' ? Math.min(schema['minItems'], 3) : 1;
      const out: Json[] = [];
      for (let i = 0; i < Math.max(min, 1) && budget.left > 0 && depth < MAX_GENERATED_DEPTH; i++) {
        out.push(gen(schema['items'] ?? {}, ctx, budget, depth + 1));
      }
      return out;
    }
    case 'integer':
    case 'number': {
      const min =
        typeof schema['minimum'] === 'number'
          ? schema['minimum']
          : typeof schema['exclusiveMinimum'] === 'number'
            ? schema['exclusiveMinimum'] + 1
            : 1;
      const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : Number.POSITIVE_INFINITY;
      return Math.min(type === 'integer' ? Math.ceil(min) : min, max);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return stringFor(schema, ctx);
    default:
      return null;
  }
}

/** A string for `schema`: by its format, else a word; one the pattern matches when it has one. */
function stringFor(schema: JsonObject, ctx: GenerateContext): string {
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Number.POSITIVE_INFINITY;
  const plain = plainStringFor(schema, ctx, max);
  const pattern = schema['pattern'];
  if (typeof pattern !== 'string' || patternTest(pattern, plain) !== false) {
    return plain;
  }
  // A pattern the plain value misses: the shortest string of at least minLength the engine finds.
  const sample = sampleOf(pattern, Math.max(0, Math.ceil(min)));
  const length = sample === null ? -1 : [...sample].length;
  return sample !== null && length >= min && length <= max ? sample : plain;
}

function plainStringFor(schema: JsonObject, ctx: GenerateContext, maxLength: number): string {
  switch (schema['format']) {
    case 'date-time':
      return ctx.now;
    case 'date':
      return ctx.now.slice(0, 10);
    case 'uuid':
      return uuidFor(ctx.seq());
    case 'email':
      return 'learner@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    default: {
      const min = typeof schema['minLength'] === 'number' ? Math.min(schema['minLength'], 64) : 0;
      const base = 'string';
      return (base.length >= min ? base : base.padEnd(min, 'x')).slice(0, Math.max(0, Math.max(min, maxLength)));
    }
  }
}

/** A version-4-shaped uuid made from a counter: unique within a state, and reproducible. */
export function uuidFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}
