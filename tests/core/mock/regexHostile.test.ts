/** Hostile patterns: each is checked exactly as ECMAScript (`u` flag) would, or reported as not checked. */
import { describe, expect, it } from 'vitest';
import { compilePattern, patternTest } from '../../../src/core/mock/regex';

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
