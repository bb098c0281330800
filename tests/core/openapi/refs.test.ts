import { describe, expect, test } from 'vitest';
import { resolvePointer, resolveRef } from '../../../src/core/openapi/refs';
import { safeParseYaml } from '../../../src/core/openapi/safeYaml';
import type { SchemaNode } from '../../../src/core/openapi/types';
import { operation, specOf } from './helpers';

describe('$ref resolution', () => {
  const spec = specOf('refs.yaml');
  const get = operation(spec, 'GET', '/tree');

  test('internal refs resolve into the schema table; a self-referencing schema terminates', () => {
    expect(get.responses[0]?.content[0]?.schema).toEqual({ kind: 'ref', pointer: '#/components/schemas/Node', name: 'Node' });
    const node = spec.schemas['#/components/schemas/Node'];
    expect(node?.kind).toBe('schema');
    const children = node?.kind === 'schema' ? node.properties.find((p) => p.name === 'children')?.schema : undefined;
    // The cycle is a reference back into the table, not an endless expansion.
    expect(children?.kind === 'schema' && children.items).toEqual({ kind: 'ref', pointer: '#/components/schemas/Node', name: 'Node' });
  });

  test('mutually recursive refs (Ping -> Pong -> Ping) terminate', () => {
    expect(spec.schemas['#/components/schemas/Ping']).toEqual({ kind: 'ref', pointer: '#/components/schemas/Pong', name: 'Pong' });
    const pong = spec.schemas['#/components/schemas/Pong'];
    expect(pong?.kind === 'schema' && pong.properties[0]?.schema).toEqual({
      kind: 'ref',
      pointer: '#/components/schemas/Ping',
      name: 'Ping',
    });
  });

  test('refs to other files, URLs and file:// are shown as such, never followed', () => {
    const external = get.responses.find((r) => r.status === '400')?.content[0]?.schema;
    const props = external?.kind === 'schema' ? Object.fromEntries(external.properties.map((p) => [p.name, p.schema])) : {};
    expect(props['local']).toEqual({ kind: 'external-ref', ref: 'other.yaml#/components/schemas/Thing' } satisfies SchemaNode);
    expect(props['remote']).toEqual({ kind: 'external-ref', ref: 'https://example.com/schemas/thing.json' });
    expect(props['file']).toEqual({ kind: 'external-ref', ref: 'file:///etc/passwd' });
    expect(props['missing']).toMatchObject({ kind: 'broken-ref', ref: '#/components/schemas/DoesNotExist' });
    expect(spec.notes.join('\n')).toContain('file:///etc/passwd');
    expect(spec.notes.join('\n')).toContain('common.yaml#/components/parameters/Page');
  });

  test('an external parameter or response $ref is listed, not followed', () => {
    expect(get.parameters.map((p) => [p.name, p.in])).toEqual([['common.yaml#/components/parameters/Page', 'unresolved']]);
    expect(get.responses.find((r) => r.status === '500')?.description).toMatch(/not followed/);
  });

  test('pointers: escapes, arrays, and a cycle of plain $refs', () => {
    const parsed = safeParseYaml('a: {"x/y": [10, 20]}\nb: {$ref: "#/c"}\nc: {$ref: "#/b"}\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) {
      return;
    }
    expect(resolvePointer(parsed.value, '#/a/x~1y/1')).toBe(20);
    expect(resolvePointer(parsed.value, '#/a/nope')).toBeUndefined();
    expect(resolveRef(parsed.value, '#/b')).toMatchObject({ kind: 'broken', reason: 'circular reference' });
    expect(resolveRef(parsed.value, 'file:///etc/passwd')).toEqual({ kind: 'external', ref: 'file:///etc/passwd' });
  });
});
