import { describe, expect, it } from 'vitest';
import { MAX_SCHEMA_NODES, generate, prepareSchema } from '../../../src/core/mock/schema';
import { emptyMockState } from '../../../src/core/mock/types';
import { buildMockModel } from '../../../src/core/mock/model';
import { NOW, modelOf, session } from './helpers';

const ctx = {
  now: NOW,
  seq: (() => {
    let n = 0;
    return () => ++n;
  })(),
};

describe('prepareSchema', () => {
  it('inlines internal refs, stops at a recursive repeat and never follows an outside ref', () => {
    const root = {
      components: {
        schemas: {
          Node: {
            type: 'object',
            properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
          },
        },
      },
    };
    const notes = new Set<string>();
    const s = prepareSchema(root, { $ref: '#/components/schemas/Node' }, 'response', notes);
    expect(s).toEqual({ type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: {} } } });
    const ext = prepareSchema(
      root,
      { type: 'object', properties: { a: { $ref: 'https://example.com/a.json' }, b: { $ref: 'other.yml#/X' } } },
      'request',
      notes,
    );
    expect(ext).toEqual({ type: 'object', properties: { a: {}, b: {} } });
    expect([...notes].join('\n')).toMatch(/https:\/\/example\.com\/a\.json is in another file or URL and is not followed/);
  });

  it('turns 3.0 nullable and boolean exclusiveMinimum into 2020-12, drops ids and annotations', () => {
    const s = prepareSchema(
      {},
      { type: 'integer', nullable: true, minimum: 0, exclusiveMinimum: true, $id: 'https://evil/', example: 3 },
      'request',
      new Set(),
    );
    expect(s).toEqual({ type: ['integer', 'null'], exclusiveMinimum: 0 });
  });

  it('does not require read-only fields in requests nor write-only ones in responses', () => {
    const schema = {
      type: 'object',
      required: ['id', 'secret', 'name'],
      properties: { id: { readOnly: true }, secret: { writeOnly: true }, name: {} },
    };
    expect(prepareSchema({}, schema, 'request', new Set())['required']).toEqual(['secret', 'name']);
    expect(prepareSchema({}, schema, 'response', new Set())['required']).toEqual(['id', 'name']);
  });

  it('is bounded: an exponential chain of refs is cut with a note', () => {
    const schemas: Record<string, unknown> = { S0: { type: 'string' } };
    for (let i = 1; i < 30; i++) {
      schemas[`S${i}`] = {
        type: 'object',
        properties: { a: { $ref: `#/components/schemas/S${i - 1}` }, b: { $ref: `#/components/schemas/S${i - 1}` } },
      };
    }
    const notes = new Set<string>();
    const s = prepareSchema({ components: { schemas } } as never, { $ref: '#/components/schemas/S29' }, 'response', notes);
    expect(JSON.stringify(s).length).toBeLessThan(MAX_SCHEMA_NODES * 200);
    expect([...notes].join()).toMatch(/too big or too deep/);
  });
});

describe('generate', () => {
  it('prefers const, default and enum, honours formats and minimum', () => {
    const out = generate(
      {
        type: 'object',
        properties: {
          a: { const: 1 },
          b: { default: 'x' },
          c: { enum: ['p', 'q'] },
          d: { type: 'string', format: 'date-time' },
          e: { type: 'integer', minimum: 3 },
          f: { type: 'string', format: 'uuid' },
        },
      },
      ctx,
    ) as Record<string, unknown>;
    expect(out).toMatchObject({ a: 1, b: 'x', c: 'p', d: NOW, e: 3 });
    expect(out['f']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('terminates on deep and wide schemas', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 50; i++) {
      deep = { type: 'object', properties: { next: deep, other: { type: 'array', minItems: 50, items: deep } } };
    }
    const out = JSON.stringify(generate(deep as never, ctx));
    expect(out.length).toBeLessThan(100_000);
  });
});

const SWAGGER = `
swagger: "2.0"
info: { title: Pets, version: "1" }
basePath: /v2
securityDefinitions:
  key: { type: apiKey, in: header, name: X-API-Key }
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - { name: limit, in: query, type: integer, maximum: 10 }
      responses:
        "200": { description: ok, schema: { type: array, items: { $ref: "#/definitions/Pet" } } }
    post:
      operationId: addPet
      security: [ { key: [] } ]
      parameters:
        - { name: body, in: body, required: true, schema: { $ref: "#/definitions/NewPet" } }
      responses:
        "201": { description: created, schema: { $ref: "#/definitions/Pet" } }
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [ { name: petId, in: path, required: true, type: string, format: uuid } ]
      responses:
        "200": { description: ok, schema: { $ref: "#/definitions/Pet" } }
definitions:
  NewPet: { type: object, required: [name], properties: { name: { type: string }, tag: { type: string, x-nullable: true } } }
  Pet:
    type: object
    required: [id, name]
    properties: { id: { type: string, format: uuid, readOnly: true }, name: { type: string }, tag: { type: string } }
`;

describe('other dialects', () => {
  it('Swagger 2.0: body parameters, apiKey security, uuid ids and a plain array list', () => {
    const s = session(modelOf(SWAGGER));
    expect(s.send('POST', '/pets', { name: 'Rex' }, { headers: {} }).status).toBe(401);
    const made = s.send('POST', '/v2/pets', { name: 'Rex', tag: null }, { headers: { 'x-api-key': 'k' } });
    expect(made.status).toBe(201);
    const id = (made.body as { id: string }).id;
    expect(id).toMatch(/^00000000-0000-4000-8000-/);
    expect(s.send('GET', `/pets/${id}`).body).toMatchObject({ id, name: 'Rex' });
    expect(s.send('GET', '/pets').body).toEqual([made.body]);
    expect(s.send('GET', '/pets?limit=50').body).toMatchObject({ errors: [{ in: 'query', field: 'limit' }] });
    expect(s.send('POST', '/pets', { tag: 1 }, { headers: { 'x-api-key': 'k' } }).body).toMatchObject({
      errors: [
        { in: 'body', field: 'name', message: 'is required' },
        { in: 'body', field: 'tag', message: 'must be string,null' },
      ],
    });
  });

  it('OpenAPI 3.0: named examples are picked by name, data is generated when there is none', () => {
    const spec = `
openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  /status:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { up: { type: boolean }, since: { type: string, format: date-time, nullable: true } } }
              examples:
                up: { value: { up: true, since: "2025-01-01T00:00:00Z" } }
                down: { value: { up: false, since: null } }
  /generated:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, required: [n], properties: { n: { type: integer, minimum: 5 }, when: { type: string, format: date-time } } }
`;
    const s = session(modelOf(spec));
    expect(s.send('GET', '/status').body).toEqual({ up: true, since: '2025-01-01T00:00:00Z' });
    const down = s.send('GET', '/status', undefined, { exampleName: 'down' });
    expect(down.example).toBe('down');
    expect(down.body).toEqual({ up: false, since: null });
    expect(down.examples).toEqual(['up', 'down']);
    expect(s.send('GET', '/generated').body).toEqual({ n: 5, when: NOW });
    expect(s.state).toEqual(emptyMockState());
  });

  it('a file that is not a spec, or cannot be read, says why', () => {
    const notSpec = buildMockModel('a.yml', 'title: hello');
    expect(notSpec.ok ? '' : notSpec.message).toMatch(/not an OpenAPI/);
    expect(buildMockModel('a.yml', 'openapi: 4.0.0\ninfo: {}')).toMatchObject({ ok: false });
  });

  it('an operation whose body is neither JSON nor a form says so', () => {
    const spec = `
openapi: 3.1.0
info: { title: T, version: "1" }
paths:
  /upload:
    post:
      requestBody: { content: { application/octet-stream: { schema: { type: string, format: binary } } } }
      responses: { "204": { description: ok } }
`;
    const model = modelOf(spec);
    expect(model.operations[0]?.problems.join()).toMatch(/application\/octet-stream; the mock checks JSON and form bodies only/);
    expect(session(model).send('POST', '/upload').status).toBe(204);
  });
});

describe('patterns', () => {
  it('keeps every pattern the linear-time engine runs; drops lookaround, backreferences and invalid ones with a note', () => {
    const notes = new Set<string>();
    expect(prepareSchema({}, { type: 'string', pattern: '^(a+)+$' }, 'request', notes)).toEqual({ type: 'string', pattern: '^(a+)+$' });
    expect(notes.size).toBe(0);
    expect(prepareSchema({}, { type: 'string', pattern: '^(?=.*\\d).{8,}$' }, 'request', notes)).toEqual({ type: 'string' });
    expect(prepareSchema({}, { type: 'string', pattern: '^(a)\\1$' }, 'request', notes)).toEqual({ type: 'string' });
    expect(prepareSchema({}, { type: 'string', pattern: '^[a-' }, 'request', notes)).toEqual({ type: 'string' });
    const said = [...notes].join('\n');
    expect(said).toMatch(/Pattern \^\(\?=\.\*\\d\)\.\{8,\}\$ is not checked \(lookahead and lookbehind are not supported/);
    expect(said).toMatch(/Pattern \^\(a\)\\1\$ is not checked \(backreferences are not supported/);
    expect(said).toMatch(/Pattern \^\[a- is not checked \(it is not a valid regular expression\)/);
    const s = session(
      modelOf(`
openapi: 3.1.0
info: { title: T, version: "1" }
paths:
  /x:
    get:
      parameters:
        - { name: q, in: query, schema: { type: string, pattern: "^(a+)+$" } }
        - { name: pw, in: query, schema: { type: string, pattern: "^(?=.*\\\\d).{8,}$" } }
      responses: { "200": { description: ok } }
`),
    );
    // Checked in linear time: the crafted value is answered 400, a fitting one 200.
    expect(s.send('GET', `/x?q=${'a'.repeat(5000)}!`).status).toBe(400);
    expect(s.send('GET', `/x?q=${'a'.repeat(5000)}`).status).toBe(200);
    // The lookahead is not checked (noted), so any value passes.
    expect(s.send('GET', '/x?pw=short').status).toBe(200);
  });

  it('a patternProperties key the engine cannot run leaves those properties unchecked, not rejected', () => {
    const notes = new Set<string>();
    const schema = { type: 'object', patternProperties: { '^(?!x)': { type: 'integer' } }, additionalProperties: false };
    expect(prepareSchema({}, schema, 'request', notes)).toEqual({ type: 'object' });
    expect([...notes].join()).toMatch(/Pattern \^\(\?!x\) is not checked .*accept anything/);
    const kept = prepareSchema({}, { type: 'object', patternProperties: { '^x-\\d+$': { type: 'integer' } }, additionalProperties: false }, 'request', notes);
    expect(kept).toEqual({ type: 'object', patternProperties: { '^x-\\d+$': { type: 'integer' } }, additionalProperties: false });
  });
});
