/** Hostile patterns: each is checked exactly as ECMAScript (`u` flag) would, or reported as not checked. */
import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_STEPS, compilePattern, patternTest, sampleOf } from '../../../src/core/mock/regex';
import { generate } from '../../../src/core/mock/schema';
import type { GenerateContext } from '../../../src/core/mock/schema';
import type { JsonObject } from '../../../src/core/mock/types';
import { SchemaValidator } from '../../../src/core/mock/validate';
import { UNCHECKED_HEADER } from '../../../src/core/mock/engine';
import { modelOf, session } from './helpers';

/** The engine's answer, or null when the pattern is reported as not checked. */
function agreesWithV8(pattern: string, value: string): boolean {
  const answer = patternTest(pattern, value);
  return answer === null || answer === new RegExp(pattern, 'u').test(value);
}

describe('hostile spec patterns', () => {
  it('repeat counts with leading zeros are repeats, as in ECMAScript (RE2 read `{02}` as literal text)', () => {
    const long = `{${'0'.repeat(50)}2}`;
    for (const [pattern, value] of [
      ['^a{02}$', 'aa'],
      ['^a{02}$', 'a{02}'],
      ['^a{1,02}$', 'aa'],
      ['^a{1,02}$', 'a{1,02}'],
      ['^a{01,}$', 'aaa'],
      [`^a${long}$`, 'aa'],
      [`^a${long}$`, `a${long}`],
    ] as const) {
      expect(agreesWithV8(pattern, value), `${pattern} on ${value}`).toBe(true);
    }
    expect(typeof compilePattern('^a{02}$')).not.toBe('string');
  });
});

describe('hostile generated strings', () => {
  const ctx = (): GenerateContext => ({ now: '2026-01-01T00:00:00.000Z', seq: () => 1 });
  const validator = new SchemaValidator();

  it.each([
    [{ type: 'string', maxLength: 3 }],
    [{ type: 'string', minLength: 5, maxLength: 5 }],
    [{ type: 'string', pattern: '^[A-Z]+$', minLength: 3 }],
    [{ type: 'string', pattern: '^x*$', minLength: 3, maxLength: 4 }],
    [{ type: 'string', pattern: '^(?:ab)+c?$', minLength: 4 }],
    [{ type: 'string', pattern: '^\\d{2,}$', minLength: 40 }],
    [{ type: 'string', pattern: '^[a-z]+(?:-[a-z]+)*$', minLength: 10, maxLength: 12 }],
  ] as [JsonObject][])('%j gets a value its own schema accepts', (schema) => {
    const value = generate(schema, ctx());
    expect(validator.check(schema, value, 'body', '')).toEqual([]);
  });
});

describe('hostile value sizes', () => {
  // Found by the hostile pass: past the per-validation step budget (program size x value length over
  // MAX_PATTERN_STEPS) the pattern answers "matches", so a long value that broke its pattern was
  // accepted with no word. It is still let through (checking it could block the back end), and the
  // response now says that a value was not checked.
  it('a value past the pattern budget that breaks its pattern is let through with a header saying it was not checked', () => {
    const pattern = '^(?:[a-z]{1,40}-){1,20}$';
    const re = compilePattern(pattern);
    expect(typeof re).not.toBe('string');
    const size = typeof re === 'string' ? 1 : re.programSize();
    const bad = `${'a'.repeat(Math.ceil(MAX_PATTERN_STEPS / size) + 10)}!`;
    expect(new RegExp(pattern, 'u').test(bad)).toBe(false);
    const model = modelOf(`
openapi: 3.0.3
info: { title: P, version: "1" }
paths:
  /p:
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { c: { type: string, pattern: "${pattern}" } } } } } }
      responses: { "200": { description: ok } }
`);
    const s = session(model);
    const long = s.send('POST', '/p', { c: bad });
    expect(long.status).toBe(200);
    expect(long.headers[UNCHECKED_HEADER]).toMatch(/1 value was too long to check against the spec's pattern/);
    // A short bad value is checked and refused; nothing is said about unchecked values.
    const short = s.send('POST', '/p', { c: 'abc!' });
    expect(short.status).toBeGreaterThanOrEqual(400);
    expect(short.headers[UNCHECKED_HEADER]).toBeUndefined();
  });
});

describe('hostile sample searches', () => {
  it('a big pattern with a long minLength gives up (plain value) instead of searching every length', () => {
    // 1623 instructions x 256 characters of states: searched in full this took ~0.2 s per string.
    expect(sampleOf('^(?:[a-z]{1,40}-){1,20}$', 256)).toBeNull();
    // Small programs still reach their minLength.
    expect(sampleOf('^[A-Z0-9]{10,}$', 200)).toBe('A'.repeat(200));
    expect(sampleOf('^(?:[a-z]{1,40}-){1,20}$', 6)).toBe('aaaaa-');
  });
});
