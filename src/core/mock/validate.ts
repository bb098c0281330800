/** Checks values against prepared schemas with ajv (JSON Schema 2020-12); failures name each field. */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { linearRegExp, withPatternBudget } from './regex';
import type { FieldProblem, Json, JsonObject } from './types';

/** Most problems reported for one value. */
const MAX_PROBLEMS = 50;

/** A validator for one spec: compiled schemas are kept per schema object. */
export class SchemaValidator {
  private readonly ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: false,
    validateSchema: false,
    // A spec's `$ref`s are inlined before compiling; nothing is ever loaded.
    loadSchema: undefined,
    // Patterns run on RE2 (linear time): no spec pattern can make a crafted value hang the backend.
    code: { regExp: linearRegExp },
  });
  private readonly compiled = new WeakMap<JsonObject, ValidateFunction | string>();

  /** The failures of `value` against `schema` ([] when it fits). `where` and `prefix` name the field. */
  check(schema: JsonObject, value: Json, where: FieldProblem['in'], prefix: string): FieldProblem[] {
    const fn = this.compile(schema);
    if (typeof fn === 'string') {
      // The schema itself cannot be compiled: say so instead of rejecting the learner's request.
      return [];
    }
    // Objects without a prototype: a property the spec names `constructor` or `toString` is then
    // absent unless sent (ajv reads `data.constructor`, which a plain object inherits).
    const input = bare(value);
    if (withPatternBudget(() => fn(input))) {
      return [];
    }
    return (fn.errors ?? []).slice(0, MAX_PROBLEMS).map((e) => problemOf(e, where, prefix));
  }

  /** Why `schema` cannot be used to check values, or null when it can. */
  problem(schema: JsonObject): string | null {
    const fn = this.compile(schema);
    return typeof fn === 'string' ? fn : null;
  }

  private compile(schema: JsonObject): ValidateFunction | string {
    let fn = this.compiled.get(schema);
    if (fn === undefined) {
      try {
        fn = this.ajv.compile(schema);
      } catch (e) {
        fn = `its schema cannot be checked (${e instanceof Error ? e.message.slice(0, 200) : 'invalid'})`;
      }
      this.compiled.set(schema, fn);
    }
    return fn;
  }
}

/** A deep copy of `value` whose objects have no prototype. */
function bare(value: Json, depth = 0): Json {
  if (value === null || typeof value !== 'object' || depth > 200) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => bare(v, depth + 1));
  }
  const out = Object.create(null) as Record<string, Json>;
  for (const [k, v] of Object.entries(value)) {
    out[k] = bare(v, depth + 1);
  }
  return out;
}

function problemOf(e: ErrorObject, where: FieldProblem['in'], prefix: string): FieldProblem {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as { missingProperty?: unknown; additionalProperty?: unknown };
  let message = e.message ?? 'is not valid';
  if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
    segments.push(params.missingProperty);
    message = 'is required';
  } else if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
    message = 'is not allowed here';
  }
  const field = [prefix, ...segments].filter((s) => s !== '').join('.');
  return { in: where, field, message };
}
