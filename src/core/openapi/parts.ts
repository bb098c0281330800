/** Parameters, bodies, responses and examples of one operation, for Swagger 2.0 and OpenAPI 3.x. */
import { deref, refOf } from './refs';
import { type YamlValue, isMapping } from './safeYaml';
import { type SchemaConverter, valueText } from './schema';
import type { ApiExample, ApiMedia, ApiParameter, ApiResponse, SpecDialect } from './types';

type Obj = { [key: string]: YamlValue };

/** What the part readers share for one spec. */
export type PartContext = {
  root: YamlValue;
  dialect: SpecDialect;
  schemas: SchemaConverter;
  /** Swagger 2.0: the spec-level consumes/produces. */
  consumes: string[];
  produces: string[];
  /** Things not followed, for the learner. */
  note: (message: string) => void;
};

const text = (v: YamlValue | undefined): string => (typeof v === 'string' ? v : '');
const strings = (v: YamlValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Follows a `$ref` on a part; external or broken refs are noted and give null. */
export function part(ctx: PartContext, value: YamlValue | undefined, what: string): Obj | null {
  const { value: resolved, problem } = deref(ctx.root, value);
  if (problem !== null) {
    ctx.note(
      problem.kind === 'external'
        ? `${what} ${problem.ref} is in another file or URL and is not followed.`
        : `${what} ${problem.ref}: ${problem.reason}.`,
    );
    return null;
  }
  return isMapping(resolved) ? resolved : null;
}

function examplesOf(ctx: PartContext, holder: Obj): ApiExample[] {
  const out: ApiExample[] = [];
  if (holder['example'] !== undefined) {
    out.push({ name: null, summary: null, value: valueText(holder['example']) });
  }
  const examples = holder['examples'];
  if (isMapping(examples)) {
    for (const [name, raw] of Object.entries(examples)) {
      const ex = part(ctx, raw, `Example ${name}`);
      if (ex === null) {
        continue;
      }
      const external = typeof ex['externalValue'] === 'string' ? `(external example, not loaded: ${ex['externalValue']})` : '';
      out.push({
        name,
        summary: typeof ex['summary'] === 'string' ? ex['summary'] : null,
        value: ex['value'] !== undefined ? valueText(ex['value']) : external,
      });
    }
  }
  return out;
}

/** `content` of an OpenAPI 3.x body, response or parameter. */
function contentOf(ctx: PartContext, content: YamlValue | undefined): ApiMedia[] {
  if (!isMapping(content)) {
    return [];
  }
  return Object.entries(content).map(([mediaType, raw]) => {
    const media = isMapping(raw) ? raw : {};
    return {
      mediaType,
      schema: media['schema'] !== undefined ? ctx.schemas.convert(media['schema']) : null,
      examples: examplesOf(ctx, media),
    };
  });
}

/** A Swagger 2.0 non-body parameter or header carries its schema inline. */
function inlineSchema(ctx: PartContext, p: Obj): ApiParameter['schema'] {
  const { name: _n, in: _i, description: _d, required: _r, ...rest } = p;
  return ctx.schemas.convert(rest);
}

/** One parameter (or a 3.x header when `name` is given). */
export function parameterOf(ctx: PartContext, p: Obj, name?: string): ApiParameter {
  const content = contentOf(ctx, p['content']);
  const schema =
    p['schema'] !== undefined
      ? ctx.schemas.convert(p['schema'])
      : (content[0]?.schema ?? (ctx.dialect === 'swagger-2.0' ? inlineSchema(ctx, p) : null));
  const examples = [...examplesOf(ctx, p), ...content.flatMap((m) => m.examples)];
  const xExample = p['x-example'];
  if (xExample !== undefined && examples.length === 0) {
    examples.push({ name: null, summary: null, value: valueText(xExample) });
  }
  return {
    name: name ?? text(p['name']),
    in: name !== undefined ? 'header' : text(p['in']),
    required: p['required'] === true || p['in'] === 'path',
    deprecated: p['deprecated'] === true,
    description: text(p['description']),
    schema,
    examples,
  };
}

/** Path-level and operation-level parameters merged (the operation wins per name + in). */
export function parametersOf(ctx: PartContext, pathLevel: YamlValue | undefined, opLevel: YamlValue | undefined): Obj[] {
  const merged = new Map<string, Obj>();
  for (const list of [pathLevel, opLevel]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const ref = refOf(raw);
      const p = part(ctx, raw, 'Parameter');
      if (p === null) {
        if (ref !== null) {
          merged.set(`ref:${ref}`, { name: ref, in: 'unresolved', description: `Defined by $ref ${ref}, which is not followed.` });
        }
        continue;
      }
      merged.set(`${text(p['name'])}\u0000${text(p['in'])}`, p);
    }
  }
  return [...merged.values()];
}

/** The request body: 3.x `requestBody`, or 2.0 `in: body` / `in: formData` parameters. */
export function requestBodyOf(
  ctx: PartContext,
  op: Obj,
  params: Obj[],
): { description: string; required: boolean; content: ApiMedia[] } | null {
  if (ctx.dialect !== 'swagger-2.0') {
    const body = op['requestBody'] !== undefined ? part(ctx, op['requestBody'], 'Request body') : null;
    return body === null
      ? null
      : { description: text(body['description']), required: body['required'] === true, content: contentOf(ctx, body['content']) };
  }
  const consumes =
    strings(op['consumes']).length > 0 ? strings(op['consumes']) : ctx.consumes.length > 0 ? ctx.consumes : ['application/json'];
  const body = params.find((p) => p['in'] === 'body');
  if (body !== undefined) {
    const schema = ctx.schemas.convert(body['schema']);
    const examples = examplesOf(ctx, body);
    return {
      description: text(body['description']),
      required: body['required'] === true,
      content: consumes.map((mediaType) => ({ mediaType, schema, examples })),
    };
  }
  const form = params.filter((p) => p['in'] === 'formData');
  if (form.length === 0) {
    return null;
  }
  const properties: Obj = Object.create(null) as Obj;
  for (const f of form) {
    const { name: _n, in: _i, required: _r, ...rest } = f;
    properties[text(f['name'])] = rest;
  }
  const formSchema: Obj = Object.assign(Object.create(null) as Obj, {
    type: 'object',
    properties,
    required: form.filter((f) => f['required'] === true).map((f) => text(f['name'])),
  });
  const formTypes = consumes.filter((c) => /form/.test(c));
  const schema = ctx.schemas.convert(formSchema);
  return {
    description: '',
    required: form.some((f) => f['required'] === true),
    content: (formTypes.length > 0 ? formTypes : ['application/x-www-form-urlencoded']).map((mediaType) => ({
      mediaType,
      schema,
      examples: [],
    })),
  };
}

/** The responses of an operation, in the order written. */
export function responsesOf(ctx: PartContext, op: Obj): ApiResponse[] {
  const responses = op['responses'];
  if (!isMapping(responses)) {
    return [];
  }
  const produces =
    strings(op['produces']).length > 0 ? strings(op['produces']) : ctx.produces.length > 0 ? ctx.produces : ['application/json'];
  return Object.entries(responses).flatMap(([status, raw]) => {
    if (status.startsWith('x-')) {
      return [];
    }
    const ref = refOf(raw);
    const r = part(ctx, raw, `Response ${status}`);
    if (r === null) {
      return [{ status, description: ref !== null ? `Defined by $ref ${ref}, which is not followed.` : '', content: [], headers: [] }];
    }
    const headers = isMapping(r['headers'])
      ? Object.entries(r['headers']).flatMap(([name, h]) => {
          const header = part(ctx, h, `Header ${name}`);
          return header === null ? [] : [parameterOf(ctx, header, name)];
        })
      : [];
    let content: ApiMedia[];
    if (ctx.dialect === 'swagger-2.0') {
      const schema = r['schema'] !== undefined ? ctx.schemas.convert(r['schema']) : null;
      const examples = isMapping(r['examples']) ? r['examples'] : null;
      content =
        schema === null && examples === null
          ? []
          : produces.map((mediaType) => ({
              mediaType,
              schema,
              examples:
                examples !== null && examples[mediaType] !== undefined
                  ? [{ name: null, summary: null, value: valueText(examples[mediaType]) }]
                  : [],
            }));
    } else {
      content = contentOf(ctx, r['content']);
    }
    return [{ status, description: text(r['description']), content, headers }];
  });
}
