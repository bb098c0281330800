/**
 * The bundled OpenAPI spec as the content tests read it: the raw YAML (refs kept), its
 * operations, and a JSON Schema validator that checks any value against any schema of the spec.
 *
 * Validation uses Ajv's draft 2020-12 build, the dialect OpenAPI 3.1 schemas are written in. Ajv
 * reaches this project through @readme/openapi-parser, which depends on it; it is not a direct
 * devDependency yet.
 */
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseYaml } from 'yaml';
import { readHub } from './helpers';

export const SPEC_PATH = 'api-specs/openapi.yml';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The parts of an OpenAPI document these tests read. Everything else stays `unknown`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One media type of a request body or response, with the examples it shows. */
export type ExampleSite = {
  /** Where the example sits, e.g. `POST /orders/ 201 application/json example`. */
  where: string;
  /** The schema the example must satisfy (may be a `$ref`). */
  schema: Json;
  value: Json;
  /** Requests may not carry readOnly properties; responses may not carry writeOnly ones. */
  direction: 'request' | 'response' | 'parameter';
  /** The example's name in an `examples` map, or null for a single `example`. */
  name: string | null;
};

export type SpecOperation = { method: string; path: string; operationId: string; op: JsonObject };

const SPEC_ID = 'https://nexus.invalid/openapi.yml';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The raw spec, parsed from YAML with its `$ref`s untouched. */
export function loadSpec(): JsonObject {
  const raw = parseYaml(readHub(SPEC_PATH)) as unknown;
  if (!isObject(raw)) {
    throw new Error(`${SPEC_PATH} is not a YAML mapping`);
  }
  return raw;
}

/** Follows internal `$ref`s (`#/a/b`) until a value that is not a reference. */
export function deref(spec: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) {
      throw new Error(`external $ref ${ref} is not supported here`);
    }
    let target: Json | undefined = spec;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) {
      throw new Error(`$ref ${ref} points nowhere`);
    }
    current = target;
  }
  return current;
}

/** Every operation of the spec, in document order. */
export function operationsOf(spec: JsonObject): SpecOperation[] {
  const paths = isObject(spec.paths) ? spec.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const op = isObject(item) ? item[method] : undefined;
      return isObject(op) ? [{ method: method.toUpperCase(), path, operationId: typeof op.operationId === 'string' ? op.operationId : '', op }] : [];
    }),
  );
}

/** The responses of an operation by status, each with its `$ref` followed. */
export function responsesOf(spec: JsonObject, op: JsonObject): [string, JsonObject][] {
  const responses = isObject(op.responses) ? op.responses : {};
  return Object.entries(responses).flatMap(([status, response]) => {
    const resolved = deref(spec, response);
    return isObject(resolved) ? [[status, resolved] as [string, JsonObject]] : [];
  });
}

/** The examples of one media-type (or parameter) object: `example` and every `examples` entry. */
function examplesIn(spec: JsonObject, holder: JsonObject): { name: string | null; value: Json }[] {
  const found: { name: string | null; value: Json }[] = [];
  if (holder.example !== undefined) {
    found.push({ name: null, value: holder.example });
  }
  if (isObject(holder.examples)) {
    for (const [name, entry] of Object.entries(holder.examples)) {
      const resolved = deref(spec, entry);
      if (isObject(resolved) && resolved.value !== undefined) {
        found.push({ name, value: resolved.value });
      }
    }
  }
  return found;
}

/** Every example in the spec's operations with the schema it has to satisfy. */
export function exampleSites(spec: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const { method, path, op } of operationsOf(spec)) {
    const item = paths[path];
    const shared = isObject(item) && Array.isArray(item.parameters) ? item.parameters : [];
    const own = Array.isArray(op.parameters) ? op.parameters : [];
    for (const raw of [...shared, ...own]) {
      const param = deref(spec, raw);
      if (isObject(param) && param.schema !== undefined) {
        for (const { name, value } of examplesIn(spec, param)) {
          sites.push({ where: `${method} ${path} parameter ${typeof param.name === 'string' ? param.name : '?'}`, schema: param.schema, value, direction: 'parameter', name });
        }
      }
    }
    const body = deref(spec, op.requestBody);
    const bodyContent = isObject(body) && isObject(body.content) ? body.content : {};
    for (const [mediaType, media] of Object.entries(bodyContent)) {
      if (isObject(media) && media.schema !== undefined) {
        for (const { name, value } of examplesIn(spec, media)) {
          sites.push({ where: `${method} ${path} request ${mediaType}${name ? ` ${name}` : ''}`, schema: media.schema, value, direction: 'request', name });
        }
      }
    }
    for (const [status, response] of responsesOf(spec, op)) {
      const content = isObject(response.content) ? response.content : {};
      for (const [mediaType, media] of Object.entries(content)) {
        if (isObject(media) && media.schema !== undefined) {
          for (const { name, value } of examplesIn(spec, media)) {
            sites.push({ where: `${method} ${path} ${status} ${mediaType}${name ? ` ${name}` : ''}`, schema: media.schema, value, direction: 'response', name });
          }
        }
      }
    }
  }
  return sites;
}

const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  uri: /^[a-z][a-z0-9+.-]*:\/\/\S+$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  password: /^[\s\S]*$/,
};

/** Validates values against schemas of one spec document; `$ref`s resolve inside that document. */
export type SpecValidator = {
  /** Error messages for `value` against `schema` (a schema object or `{ $ref }`); empty when valid. */
  check: (schema: Json, value: unknown) => string[];
  /** Error messages for `value` against `#/components/schemas/<name>`. */
  checkComponent: (name: string, value: unknown) => string[];
};

export function specValidator(spec: JsonObject): SpecValidator {
  // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (`example`).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  for (const [name, pattern] of Object.entries(FORMATS)) {
    ajv.addFormat(name, pattern);
  }
  ajv.addSchema(spec, SPEC_ID);
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const check = (schema: Json, value: unknown): string[] => {
    // Inline schemas are wrapped so that their relative `#/components/...` refs resolve in the spec.
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      const wrapped: object =
        isObject(schema) && typeof schema.$ref === 'string'
          ? { $ref: `${SPEC_ID}${schema.$ref}` }
          : { $id: `https://nexus.invalid/inline/${compiled.size}.json`, ...(rebase(schema) as JsonObject) };
      validate = ajv.compile(wrapped);
      compiled.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim());
  };
  return { check, checkComponent: (name, value) => check({ $ref: `#/components/schemas/${name}` }, value) };
}

/** Makes every `#/...` ref inside an inline schema absolute, so it points into the spec. */
function rebase(schema: Json): Json {
  if (Array.isArray(schema)) {
    return schema.map(rebase);
  }
  if (isObject(schema)) {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${SPEC_ID}${value}` : rebase(value)]),
    );
  }
  return schema;
}

/**
 * Property names in `value` that the schema marks `readOnly` (for requests) or `writeOnly` (for
 * responses). Follows `$ref`, `allOf`, `properties` and `items`; enough for this spec.
 */
export function forbiddenProperties(spec: JsonObject, schema: Json, value: Json, flag: 'readOnly' | 'writeOnly', at = ''): string[] {
  const resolved = deref(spec, schema);
  if (!isObject(resolved)) {
    return [];
  }
  const found: string[] = [];
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf) {
      found.push(...forbiddenProperties(spec, part, value, flag, at));
    }
  }
  if (isObject(resolved.properties) && isObject(value)) {
    for (const [name, propSchema] of Object.entries(resolved.properties)) {
      if (!(name in value)) {
        continue;
      }
      const prop = deref(spec, propSchema);
      if (isObject(prop) && prop[flag] === true) {
        found.push(`${at}/${name}`);
      } else {
        found.push(...forbiddenProperties(spec, propSchema, value[name] ?? null, flag, `${at}/${name}`));
      }
    }
  }
  if (resolved.items !== undefined && Array.isArray(value)) {
    value.forEach((entry, index) => found.push(...forbiddenProperties(spec, resolved.items ?? null, entry, flag, `${at}/${index}`)));
  }
  return found;
}

/** True when a response status is an error (4xx, 5xx or the `4XX`/`5XX` ranges). */
export const isErrorStatus = (status: string): boolean => /^[45]/.test(status);
