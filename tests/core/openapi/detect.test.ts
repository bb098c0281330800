import { describe, expect, test } from 'vitest';
import { detectSpec, mayBeSpecFile } from '../../../src/core/openapi/detect';
import { fixture } from './helpers';

describe('spec detection by content', () => {
  test.each([
    ['swagger2.yaml', 'swagger-2.0'],
    ['openapi30.json', 'openapi-3.0'],
    ['openapi31.yaml', 'openapi-3.1'],
    ['yaml-in-json.json', 'openapi-3.0'],
    ['empty-paths.yaml', 'openapi-3.0'],
  ])('%s is a %s spec', (name, dialect) => {
    const detected = detectSpec(fixture(name));
    expect(detected.kind).toBe('spec');
    expect(detected.kind === 'spec' && detected.dialect).toBe(dialect);
  });

  test('a JSON with a "swagger" key only somewhere nested is not a spec', () => {
    expect(detectSpec(fixture('decoy-swagger-key.json'))).toEqual({ kind: 'not-spec' });
  });

  test('files that never mention a spec key are not specs and are not parsed', () => {
    expect(detectSpec('name: ci\non: [push]\njobs: {}\n')).toEqual({ kind: 'not-spec' });
    // Not even parsed: invalid YAML without a spec key is simply not a spec.
    expect(detectSpec('key: [unclosed\n')).toEqual({ kind: 'not-spec' });
  });

  test('unquoted `swagger: 2.0` (a number in YAML) still counts', () => {
    const detected = detectSpec('swagger: 2.0\ninfo: {title: t, version: "1"}\npaths: {}\n');
    expect(detected.kind === 'spec' && detected.dialect).toBe('swagger-2.0');
  });

  test('an unsupported OpenAPI version is a clear per-file error', () => {
    const detected = detectSpec('openapi: 4.0.0\npaths: {}\n');
    expect(detected.kind).toBe('invalid');
    expect(detected.kind === 'invalid' && detected.message).toMatch(/4\.0\.0 is not supported/);
  });

  test('only YAML and JSON files are considered, whatever their case', () => {
    expect(['a.yaml', 'b.YML', 'c.json', 'd.md', 'e.txt', 'f.jsonl'].filter(mayBeSpecFile)).toEqual(['a.yaml', 'b.YML', 'c.json']);
  });
});
