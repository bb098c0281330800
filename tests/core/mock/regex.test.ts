/** The mock's linear-time pattern engine (RE2 via re2js) answers as ECMAScript regexes do. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePattern, patternTest, sampleOf } from '../../../src/core/mock/regex';
import { generate, prepareSchema } from '../../../src/core/mock/schema';
import { SchemaValidator } from '../../../src/core/mock/validate';
import { NOW, bundledModel } from './helpers';
import { type YamlValue, isMapping, safeParseYaml } from '../../../src/core/openapi/safeYaml';

const root = path.resolve(__dirname, '../../..');

/** Common OpenAPI patterns and the constructs where RE2 and ECMAScript differ: pattern, a fitting value, a failing one. */
const TABLE: [string, string, string][] = [
  ['^[A-Z]{2}$', 'US', 'USA'],
  ['^[a-z0-9]+(?:-[a-z0-9]+)*$', 'my-slug-2', 'my--slug'],
  ['^[a-z][a-z0-9_]*$', 'snake_case1', '1abc'],
  ['^\\d+\\.\\d{2}$', '19.99', '19.9'],
  ['^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', '123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456-42661417400'],
  ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'a@b.co', 'a\u00a0b@c.de'],
  ['^\\+[1-9]\\d{1,14}$', '+14155552671', '0014155552671'],
  ['^\\d{4}-\\d{2}-\\d{2}$', '2026-03-01', '2026-3-01'],
  [
    '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$',
    '1.2.3-rc.1+b5',
    '01.2.3',
  ],
  ['^#(?:[0-9a-fA-F]{3}){1,2}$', '#fff', '#ffff'],
  ['^\\/api\\/v\\d+$', '/api/v2', 'api/v2'],
  ['^[\\w\\-.]+$', 'a-b.c_d', 'a b'],
  ['^(?<year>\\d{4})-(?<month>\\d{2})$', '2024-05', '2024-5'],
  ['^\\$\\d+$', '$5', '5'],
  ['[A-Z]', 'abC', 'abc'],
  ['^$', '', 'a'],
  ['^a{2,3}$', 'aaa', 'aaaa'],
  ['^(?:a|b)?c*$', 'bccc', 'abc'],
  ['\\bword\\b', 'a word here', 'swordfish'],
  // ECMAScript's \s holds \v, NBSP, U+2028 and BOM; RE2's does not.
  ['^\\S+$', 'abc', 'a\u00a0b'],
  ['^[\\s]+$', '\v\u2028\ufeff', 'a'],
  ['^[^\\S\\n]+$', ' \t\u3000', ' \n'],
  ['^x\\vy$', 'x\vy', 'xy'],
  // ECMAScript's `.` stops at \r, U+2028 and U+2029 too; RE2's only at \n.
  ['^.+$', 'abc', 'a\rb'],
  ['^a.b$', 'a😀b', 'a\u2029b'],
  ['^a[^]b$', 'a\nb', 'ab'],
  ['^a[]?b$', 'ab', 'axb'],
  ['^[[]$', '[', 'a'],
  ['^[a-]$', '-', 'b'],
  ['^[\\^a]$', '^', 'b'],
  ['^\\p{Lu}\\p{Ll}+$', 'Émile', 'émile'],
  ['^\\p{Letter}+$', 'Ñandú', 'abc1'],
  ['^\\p{Script=Greek}+$', 'αβγ', 'abc'],
  ['^\\P{L}+$', '123', '1a'],
  ['^\\u00e9\\u{1F600}$', 'é😀', 'e😀'],
  ['^\\uD83D\\uDE00$', '😀', '?'],
  ['^[😀-😂]$', '😁', '😃'],
  ['^\\x41\\cJ$', 'A\n', 'AJ'],
  ['^\\0$', '\0', '0'],
  ['^[\\b]$', '\b', 'b'],
  ['^(a+)+$', 'aaaa', 'aaa!'],
];

describe('the linear-time pattern engine', () => {
  it.each(TABLE)('%j accepts %j and rejects %j, as V8 does', (pattern, good, bad) => {
    expect(patternTest(pattern, good)).toBe(true);
    expect(patternTest(pattern, bad)).toBe(false);
    // V8 as the oracle on these short values.
    expect(new RegExp(pattern, 'u').test(good)).toBe(true);
    expect(new RegExp(pattern, 'u').test(bad)).toBe(false);
  });

  it('reports what it cannot run instead of throwing: lookaround, backreferences, huge repeats, invalid syntax', () => {
    const cases: [string, RegExp][] = [
      ['^(?=.*\\d).{8,}$', /lookahead and lookbehind/],
      ['(?<=a)b', /lookahead and lookbehind/],
      ['(?<!a)b', /lookahead and lookbehind/],
      ['^(?!x)', /lookahead and lookbehind/],
      ['(a)\\1', /backreferences/],
      ['(?<n>a)\\k<n>', /backreferences/],
      // A binary property, which RE2 lacks or may define otherwise: not run.
      ['^\\p{Emoji}$', /the property \\p\{Emoji\} is not supported/],
      ['a{1001}', /linear-time engine cannot run it/],
      // Linear, but thousands of steps per character of a 1 MB body.
      ['.{1000}.{1000}.{1000}', /too complex for the linear-time engine/],
      ['[a-', /not a valid regular expression/],
      // Valid without the `u` flag, not with it (ajv compiles with `u`).
      ['\\-', /not a valid regular expression/],
    ];
    for (const [pattern, why] of cases) {
      const re = compilePattern(pattern);
      expect(typeof re, pattern).toBe('string');
      expect(re, pattern).toMatch(why);
      expect(patternTest(pattern, 'a')).toBeNull();
    }
  });

  it('refuses patterns whose repeats multiply out past its program limit before building them', () => {
    // Valid ECMAScript, but each would take RE2 ~100 ms to build and be refused afterwards: 300 of
    // them (distinct, so not cached) in one spec would hold up the mock for half a minute.
    const schemas = Array.from({ length: 300 }, (_, i) => ({ type: 'string', pattern: `${i}${'.{1000}'.repeat(60)}` }));
    const notes = new Set<string>();
    for (const schema of schemas) {
      expect(prepareSchema({}, schema, 'request', notes)).toEqual({ type: 'string' });
    }
    expect(notes.size).toBe(300);
    expect([...notes][0]).toMatch(/is not checked \(it is too complex for the linear-time engine\)/);
    expect(compilePattern('(a{1000}){1000}')).toBe('it is too complex for the linear-time engine');
    expect(compilePattern('a{99999999999999999999}')).toBe('it is too complex for the linear-time engine');
    // Big but within the limit: run.
    expect(typeof compilePattern('^\\w{1,1000}$')).not.toBe('string');
  });

  it('answers the former attack patterns correctly on long crafted values', () => {
    const n = 50_000;
    expect(patternTest('(a+)+$', `${'a'.repeat(n)}!`)).toBe(false);
    expect(patternTest('(a+)+$', 'a'.repeat(n))).toBe(true);
    expect(patternTest('(x|x)*y', 'x'.repeat(n))).toBe(false);
    expect(patternTest('(x|x)*y', `${'x'.repeat(n)}y`)).toBe(true);
    expect(patternTest('\\d+\\d+\\d+!', '1'.repeat(n))).toBe(false);
    expect(patternTest('\\d+\\d+\\d+!', `${'1'.repeat(n)}!`)).toBe(true);
    expect(patternTest('(.*a){20}', `${'a'.repeat(19)}${'b'.repeat(n)}`)).toBe(false);
    expect(patternTest('(.*a){20}', `${'b'.repeat(n)}${'a'.repeat(20)}`)).toBe(true);
  });
});

/** Every string value of a `pattern` key in a parsed spec. */
function patternsIn(v: YamlValue, out: Set<string>, depth = 0): Set<string> {
  if (depth > 60) {
    return out;
  }
  if (Array.isArray(v)) {
    v.forEach((x) => patternsIn(x, out, depth + 1));
  } else if (isMapping(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'pattern' && typeof x === 'string') {
        out.add(x);
      }
      patternsIn(x, out, depth + 1);
    }
  }
  return out;
}

function specFiles(dir: string, depth = 0): string[] {
  if (!existsSync(dir) || depth > 8) {
    return [];
  }
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      return name.startsWith('.') || name === 'node_modules' ? [] : specFiles(full, depth + 1);
    }
    return /\.(ya?ml|json)$/i.test(name) && statSync(full).size < 2_000_000 ? [full] : [];
  });
}

/** Probe values: the engine must agree with V8 on each (short values, so V8 is safe to ask). */
const PROBES = ['', 'a', 'A', 'AB', 'ABC', 'US', 'EUR', 'abc', 'my-slug', 'my--slug', 'My_Slug', 'a_b1', '_a', '12', '12.50', '1.5', ' ', 'x\n', 'é', '😀', '-a', 'a-', 'ab-cd-ef'];

describe('the patterns of real specs', () => {
  const specs = [path.join(root, 'resources/hub/api-specs/openapi.yml'), ...specFiles(path.resolve(root, '../shared/corpora/hubs'))];
  const patterns = new Set<string>();
  for (const file of specs) {
    const parsed = safeParseYaml(readFileSync(file, 'utf8'));
    if (parsed.ok) {
      patternsIn(parsed.value, patterns);
    }
  }

  it('a string generated for each of them is accepted by the validator', () => {
    const validator = new SchemaValidator();
    for (const pattern of [...patterns, ...TABLE.map(([p]) => p), '^[A-Z]{3}-\\d{4}$']) {
      const schema = prepareSchema({}, { type: 'string', pattern }, 'response', new Set());
      const value = generate(schema, ctx());
      expect(typeof value, pattern).toBe('string');
      expect(validator.check(schema, value, 'body', ''), `${pattern} -> ${JSON.stringify(value)}`).toEqual([]);
      expect(new RegExp(pattern, 'u').test(value as string), pattern).toBe(true);
    }
  });

  it('the bundled spec has patterns, and every one runs on the engine and answers as V8 does', () => {
    // The corpora's specs hold none today; any they gain are checked here too.
    expect(patterns.size).toBeGreaterThanOrEqual(5);
    for (const pattern of patterns) {
      expect(typeof compilePattern(pattern), pattern).not.toBe('string');
      for (const probe of PROBES) {
        expect(patternTest(pattern, probe), `${pattern} on ${JSON.stringify(probe)}`).toBe(new RegExp(pattern, 'u').test(probe));
      }
    }
  });
});

function ctx() {
  let n = 0;
  return { now: NOW, seq: () => ++n };
}

describe('strings generated for a pattern', () => {
  it('read like data: fixed parts kept, classes filled with a plain character', () => {
    expect(generate({ type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, ctx())).toBe('AAA-0000');
    expect(sampleOf('^\\d+\\.\\d{2}$')).toBe('0.00');
    expect(sampleOf('^(?:foo|bar)baz$')).toBe('foobaz');
  });

  it("keep today's value when no string fits: an impossible pattern, or a sample outside minLength/maxLength", () => {
    expect(sampleOf('a^b')).toBeNull();
    expect(sampleOf('^a[]b$')).toBeNull();
    expect(generate({ type: 'string', pattern: 'a^b' }, ctx())).toBe('string');
    expect(generate({ type: 'string', pattern: '^[a-z]+$', minLength: 12 }, ctx())).toBe('stringxxxxxx');
    expect(generate({ type: 'string', pattern: '^[A-Z]$', minLength: 3 }, ctx())).toBe('string');
    expect(generate({ type: 'string', pattern: '^[A-Z]{5}$', maxLength: 3 }, ctx())).toBe('str');
    // A plain value the pattern already accepts is kept.
    expect(generate({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, ctx())).toBe(NOW.slice(0, 10));
  });

  it("the bundled spec's generated responses meet every pattern they hold", () => {
    const model = bundledModel();
    const misses: string[] = [];
    let checked = 0;
    for (const op of model.operations) {
      for (const r of op.responses) {
        if (r.schema !== null) {
          checked++;
          const problems = model.validator.check(r.schema, generate(r.schema, ctx()), 'body', '');
          misses.push(...problems.filter((p) => p.message.includes('pattern')).map((p) => `${op.method} ${op.template} ${r.status} ${p.field}: ${p.message}`));
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(misses).toEqual([]);
  });
});
