/**
 * How long the API mock's pattern engine (RE2 via re2js, `core/mock/regex.ts`) takes on the values
 * that made V8 backtrack for minutes, at up to the 1 MB a body may hold (tests/core/mock/regex.test.ts
 * checks the answers). Prints one JSON line per case: median of 5 runs.
 * Run: `npx tsx bench/patterns.ts`.
 */
import { compilePattern, patternTest } from '../src/core/mock/regex';

const MB = 1_000_000;
const cases: { pattern: string; value: string }[] = [
  { pattern: '(a+)+$', value: `${'a'.repeat(MB - 1)}!` },
  { pattern: '(x|x)*y', value: 'x'.repeat(MB) },
  { pattern: '\\d+\\d+\\d+!', value: '1'.repeat(MB) },
  { pattern: '(.*a){20}', value: `${'a'.repeat(19)}${'b'.repeat(MB - 19)}` },
  { pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', value: `${'a-'.repeat(MB / 2 - 1)}a!` },
  // Near the largest program the mock runs (3000 instructions), where RE2's DFA gives up: the
  // mock's step budget (MAX_PATTERN_STEPS) stops a validation at 10M steps, this size x 3700 chars.
  { pattern: '[ab].{900}.{900}.{900}[ac]$', value: 'ab'.repeat(1850) },
];

for (const { pattern, value } of cases) {
  const re = compilePattern(pattern);
  const times: number[] = [];
  let result: boolean | null = null;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    result = patternTest(pattern, value);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const program = typeof re === 'string' ? re : re.programSize();
  console.log(JSON.stringify({ pattern, chars: value.length, program, result, medianMs: Math.round((times[2] ?? 0) * 10) / 10 }));
}
