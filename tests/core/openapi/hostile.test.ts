import { describe, expect, test } from 'vitest';
import { readSpec } from '../../../src/core/openapi/normalise';
import { MAX_SPEC_CHARS, safeParseYaml } from '../../../src/core/openapi/safeYaml';
import { fixture, specOf } from './helpers';

function invalidMessage(name: string): string {
  const read = readSpec(`specs/${name}`, fixture(name));
  expect(read.kind).toBe('invalid');
  return read.kind === 'invalid' ? read.message : '';
}

describe('hostile YAML becomes a per-file error, quickly', () => {
  test('an alias bomb (billion laughs) is refused', () => {
    expect(invalidMessage('alias-bomb.yaml')).toMatch(/alias/i);
  });

  test('deep flow nesting is refused before the parser recurses', () => {
    expect(invalidMessage('deep-nesting.yaml')).toMatch(/nested more than \d+ levels/);
  });

  test('deep block nesting is refused', () => {
    expect(invalidMessage('deep-block.yaml')).toMatch(/nested more than \d+ levels/);
  });

  test('duplicate keys are refused', () => {
    expect(invalidMessage('duplicate-keys.yaml')).toMatch(/unique|duplicate/i);
  });

  test.each(['custom-tags.yaml', 'custom-tag-local.yaml', 'binary-tag.yaml'])('%s: language and custom tags are refused', (name) => {
    expect(invalidMessage(name)).toMatch(/tag/i);
  });

  test('an oversized file is refused without parsing', () => {
    const big = `openapi: 3.0.0\nx: "${'a'.repeat(MAX_SPEC_CHARS)}"\n`;
    const res = safeParseYaml(big);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/larger than/);
  });

  test('__proto__ keys are plain keys: nothing is polluted, the property is listed', () => {
    const spec = specOf('proto.yaml');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const schema = spec.operations[0]?.responses[0]?.content[0]?.schema;
    expect(schema?.kind).toBe('schema');
    const names = schema?.kind === 'schema' ? schema.properties.map((p) => p.name) : [];
    expect(names).toEqual(['__proto__', 'constructor']);
  });

  test('parsed mappings have no prototype', () => {
    const res = safeParseYaml('__proto__: {a: 1}\nb: 2\n');
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(Object.getPrototypeOf(res.value)).toBeNull();
      expect(Object.keys(res.value as object)).toEqual(['__proto__', 'b']);
    }
  });

  test('complex (non-scalar) keys are refused', () => {
    const res = safeParseYaml('? [a, b]\n: 1\n');
    expect(res.ok).toBe(false);
  });
});
