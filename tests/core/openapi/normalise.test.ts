import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { endpointTopicsOf, readSpec } from '../../../src/core/openapi/normalise';
import type { SchemaNode } from '../../../src/core/openapi/types';
import { operation, specOf } from './helpers';

function shape(node: SchemaNode | null | undefined) {
  if (node?.kind !== 'schema') {
    throw new Error(`expected an inline schema, got ${JSON.stringify(node)}`);
  }
  return node;
}

describe('Swagger 2.0', () => {
  const spec = specOf('swagger2.yaml');

  test('info, servers and tag groups', () => {
    expect(spec.dialect).toBe('swagger-2.0');
    expect(spec.title).toBe('Pet Store (Swagger 2.0)');
    expect(spec.servers).toEqual(['https://pets.example.com/v1']);
    expect(spec.tags.map((t) => [t.name, t.operationSlugs])).toEqual([
      ['pets', ['listpets', 'createpet']],
      ['default', ['post-pets-petid-photo']],
    ]);
  });

  test('non-body parameters carry their schema inline; integer response codes are strings', () => {
    const list = operation(spec, 'GET', '/pets');
    const limit = list.parameters[0];
    expect(limit?.name).toBe('limit');
    expect(limit?.in).toBe('query');
    expect(shape(limit?.schema).type).toBe('integer');
    expect(shape(limit?.schema).constraints).toContain('≤ 100');
    expect(list.responses.map((r) => r.status)).toEqual(['200']);
    const media = list.responses[0]?.content[0];
    expect(media?.mediaType).toBe('application/json');
    expect(shape(media?.schema).items).toEqual({ kind: 'ref', pointer: '#/definitions/Pet', name: 'Pet' });
    expect(JSON.parse(media?.examples[0]?.value ?? 'null')).toEqual([{ id: 1, name: 'Rex' }]);
  });

  test('a body parameter becomes the request body; headers are listed', () => {
    const create = operation(spec, 'POST', '/pets');
    expect(create.parameters).toEqual([]);
    expect(create.requestBody?.required).toBe(true);
    expect(create.requestBody?.content[0]?.schema).toEqual({ kind: 'ref', pointer: '#/definitions/NewPet', name: 'NewPet' });
    expect(create.responses[0]?.headers.map((h) => [h.name, h.description])).toEqual([['Location', 'Where the pet lives']]);
    expect(shape(spec.schemas['#/definitions/NewPet']).properties.map((p) => [p.name, p.required])).toEqual([
      ['name', true],
      ['tag', false],
    ]);
  });

  test('formData becomes a form body; path-level $ref parameters and $ref responses resolve', () => {
    const upload = operation(spec, 'POST', '/pets/{petId}/photo');
    expect(upload.parameters.map((p) => [p.name, p.in, p.required])).toEqual([['petId', 'path', true]]);
    expect(upload.requestBody?.content.map((c) => c.mediaType)).toEqual(['multipart/form-data']);
    expect(shape(upload.requestBody?.content[0]?.schema).properties.map((p) => [p.name, p.required])).toEqual([
      ['file', true],
      ['caption', false],
    ]);
    expect(upload.responses[0]?.description).toBe('Something went wrong');
    expect(upload.responses[0]?.content[0]?.schema).toEqual({ kind: 'ref', pointer: '#/definitions/Error', name: 'Error' });
  });

  test('allOf members are kept, referenced schemas are in the table', () => {
    const pet = shape(spec.schemas['#/definitions/Pet']);
    expect(pet.combinators[0]?.keyword).toBe('allOf');
    expect(pet.combinators[0]?.schemas[0]).toEqual({ kind: 'ref', pointer: '#/definitions/NewPet', name: 'NewPet' });
    expect(spec.schemas['#/definitions/Error']?.kind).toBe('schema');
  });
});

describe('OpenAPI 3.0 (JSON)', () => {
  const spec = specOf('openapi30.json');

  test('path-level parameters merge in; examples, nullable and $ref responses', () => {
    const get = operation(spec, 'GET', '/books/{id}');
    expect(get.parameters.map((p) => p.name)).toEqual(['id', 'fields']);
    expect(get.parameters[0]?.examples[0]?.value).toBe('b-42');
    const ok = get.responses.find((r) => r.status === '200');
    expect(ok?.content[0]?.examples[0]?.name).toBe('dune');
    expect(ok?.content[0]?.examples[0]?.summary).toBe('A classic');
    expect(get.responses.find((r) => r.status === '404')?.description).toBe('No such book');
    const book = shape(spec.schemas['#/components/schemas/Book']);
    expect(book.properties.find((p) => p.name === 'subtitle')?.schema).toMatchObject({ type: 'string | null' });
    expect(shape(shape(get.parameters[1]?.schema).items).enumValues).toEqual(['"title"', '"isbn"']);
  });

  test('descriptions are sanitised markdown: no script, no event handlers', () => {
    const get = operation(spec, 'GET', '/books/{id}');
    const html = JSON.stringify(get.descriptionHast);
    expect(html).toContain('Returns one book.');
    expect(html).not.toMatch(/script/i);
    expect(html).not.toMatch(/onerror/i);
  });

  test('an operation without operationId gets a method-path slug; topic ids are <path>#<slug>', () => {
    const put = operation(spec, 'PUT', '/books/{id}');
    expect(put.slug).toBe('put-books-id');
    expect(put.topic.id).toBe('specs/openapi30.json#put-books-id');
    expect(put.requestBody?.content[0]?.examples[0]?.value).toContain('"title": "Dune"');
  });
});

describe('OpenAPI 3.1', () => {
  const spec = specOf('openapi31.yaml');

  test('type arrays, schema examples and const', () => {
    const list = operation(spec, 'GET', '/events');
    const since = shape(list.parameters[0]?.schema);
    expect(since.type).toBe('string | null');
    expect(since.example).toBe('"2024-01-01T00:00:00Z"');
    expect(shape(spec.schemas['#/components/schemas/Event']).properties[0]?.schema).toMatchObject({ constraints: ['const "created"'] });
    expect(list.slug).toBe('list_events');
  });

  test('endpoint topics: one per operation with method, path, summary and tags', () => {
    expect(endpointTopicsOf(spec)).toEqual([
      {
        id: 'specs/openapi31.yaml#list_events',
        specPath: 'specs/openapi31.yaml',
        method: 'GET',
        path: '/events',
        operationId: 'list_events',
        summary: 'List events',
        description: '',
        tags: [],
      },
      {
        id: 'specs/openapi31.yaml#delete-events',
        specPath: 'specs/openapi31.yaml',
        method: 'DELETE',
        path: '/events',
        operationId: null,
        summary: 'Purge events',
        description: '',
        tags: [],
      },
    ]);
  });
});

describe('other cases', () => {
  test('YAML in a .json file is read', () => {
    expect(specOf('yaml-in-json.json').operations.map((o) => o.topic.id)).toEqual(['specs/yaml-in-json.json#ping']);
  });

  test('`paths: {}` is a spec with no operations', () => {
    const spec = specOf('empty-paths.yaml');
    expect(spec.operations).toEqual([]);
    expect(spec.tags).toEqual([]);
  });

  test('the decoy is not a spec', () => {
    expect(readSpec('x.json', '{"a": {"swagger": "2.0"}}').kind).toBe('not-spec');
  });

  test('the bundled hub spec: 32 operations with unique topic ids, every one under a tag', () => {
    const file = 'api-specs/openapi.yml';
    const text = readFileSync(path.resolve(import.meta.dirname, '../../../resources/hub', file), 'utf8');
    const read = readSpec(file, text);
    expect(read.kind).toBe('spec');
    if (read.kind !== 'spec') {
      return;
    }
    const ids = read.spec.operations.map((o) => o.topic.id);
    expect(ids.length).toBe(32);
    expect(new Set(ids).size).toBe(32);
    expect(read.spec.tags.flatMap((t) => t.operationSlugs).sort()).toEqual(read.spec.operations.map((o) => o.slug).sort());
    expect(read.spec.notes).toEqual([]);
  });
});

describe('operations with several tags', () => {
  const text = [
    'openapi: 3.1.0',
    'info: { title: Multi, version: "1" }',
    'paths:',
    '  /orders:',
    '    get: { operationId: listOrders, tags: [orders, reports], responses: { "200": { description: ok } } }',
    '  /reports:',
    '    get: { operationId: listReports, tags: [reports], responses: { "200": { description: ok } } }',
  ].join('\n');

  test('are shown in full under their first tag and listed under every other tag', () => {
    const read = readSpec('api/multi.yaml', text);
    if (read.kind !== 'spec') {
      throw new Error(`expected a spec, got ${read.kind}`);
    }
    expect(read.spec.tags.map((t) => [t.name, t.operationSlugs, t.alsoSlugs])).toEqual([
      ['orders', ['listorders'], []],
      ['reports', ['listreports'], ['listorders']],
    ]);
  });
});
