import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { hubFileExists, hubPath, readHub } from './helpers';

const SPEC = 'api-specs/openapi.yml';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MIN_OPERATIONS = 12;

/** The parts of an OpenAPI object these tests read; everything else stays opaque. */
type WithExamples = { example?: unknown; examples?: unknown };
type MediaTypes = Record<string, WithExamples>;
type Parameter = WithExamples & { name?: string; content?: MediaTypes };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: MediaTypes };
  responses?: Record<string, { content?: MediaTypes }>;
};
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>> & { parameters?: Parameter[] };
type Spec = { openapi?: string; paths?: Record<string, PathItem> };

/** True when an object carries a non-empty `example` or `examples`. */
function carriesExample(holder: WithExamples | undefined): boolean {
  if (!holder) {
    return false;
  }
  const { example, examples } = holder;
  const many =
    examples !== null && typeof examples === 'object' && (Array.isArray(examples) ? examples.length > 0 : Object.keys(examples).length > 0);
  return example !== undefined || many;
}

const mediaHasExample = (content: MediaTypes | undefined): boolean => Object.values(content ?? {}).some(carriesExample);

/** Where an operation shows an example: its parameters, request body or responses. */
function operationHasExample(op: Operation, shared: Parameter[] = []): boolean {
  const params = [...shared, ...(op.parameters ?? [])];
  return (
    params.some((p) => carriesExample(p) || mediaHasExample(p.content)) ||
    mediaHasExample(op.requestBody?.content) ||
    Object.values(op.responses ?? {}).some((response) => mediaHasExample(response.content))
  );
}

/** Every operation of a spec as `METHOD /path` with the path-level parameters it inherits. */
function operationsOf(spec: Spec): { name: string; op: Operation; shared: Parameter[] }[] {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ name: `${method.toUpperCase()} ${path}`, op, shared: item.parameters ?? [] }] : [];
    }),
  );
}

describe(SPEC, () => {
  let spec: Spec = {};

  beforeAll(async () => {
    expect(hubFileExists(SPEC), `resources/hub/${SPEC} is missing`).toBe(true);
    // Dereferenced, so examples reached through components/responses and $ref count too.
    spec = (await dereference(hubPath(SPEC))) as Spec;
  });

  test('declares OpenAPI 3.1', () => {
    const raw = parseYaml(readHub(SPEC)) as Spec;
    expect(raw.openapi).toMatch(/^3\.1\.\d+$/);
  });

  test('validates as OpenAPI 3.1', async () => {
    const result = await validate(hubPath(SPEC));
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.specification).toBe('OpenAPI');
  });

  test(`has at least ${MIN_OPERATIONS} operations`, () => {
    expect(operationsOf(spec).length).toBeGreaterThanOrEqual(MIN_OPERATIONS);
  });

  test('operationIds are unique', () => {
    const ids = operationsOf(spec).map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every operation is documented: id, summary, description, tags, responses, example', () => {
    const problems: string[] = [];
    for (const { name, op, shared } of operationsOf(spec)) {
      const missing = [
        !op.operationId?.trim() && 'operationId',
        !op.summary?.trim() && 'summary',
        !op.description?.trim() && 'description',
        !(op.tags && op.tags.length > 0) && 'tags',
        !(op.responses && Object.keys(op.responses).length > 0) && 'responses',
        !operationHasExample(op, shared) && 'example',
      ].filter((entry): entry is string => typeof entry === 'string');
      if (missing.length > 0) {
        problems.push(`${name}: no ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('operationHasExample', () => {
  test('finds examples in parameters, bodies and responses, and nowhere else', () => {
    const json = (holder: WithExamples): MediaTypes => ({ 'application/json': holder });
    expect(operationHasExample({ responses: { '200': { content: json({}) } } })).toBe(false);
    expect(operationHasExample({ responses: { '200': { content: json({ example: 1 }) } } })).toBe(true);
    expect(operationHasExample({ requestBody: { content: json({ examples: { a: {} } }) } })).toBe(true);
    expect(operationHasExample({ parameters: [{ name: 'q', example: 'x' }] })).toBe(true);
    expect(operationHasExample({}, [{ name: 'id', examples: {} }])).toBe(false);
  });
});
