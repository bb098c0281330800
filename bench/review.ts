/**
 * How long the review finders take on hostile docs (the sizes tests/core/review/hostile.test.ts
 * checks for correctness). Prints one JSON line per case: the finders' time alone, median of 5 runs.
 * Run: `npm run bench:review`.
 */
import { parseDoc } from '../src/core/hub/parseDoc';
import { findDocCards } from '../src/core/review/finders/findCards';

const cases: Record<string, string> = {
  'table-10k-rows': `# Glossary\n\n| Term | Meaning |\n|---|---|\n${Array.from({ length: 10_000 }, (_, i) => `| term${i} | definition ${i} |`).join('\n')}\n`,
  'qa-4k-under-2k-topics': `# Doc\n\n${Array.from({ length: 2000 }, (_, i) => `## Topic ${i}\n\nQ: What is item ${i}a?\nA: Answer ${i}a.\n\nQ: What is item ${i}b?\nA: Answer ${i}b.\n`).join('\n')}`,
  'details-10k-unclosed': `# Doc\n\n## Check yourself\n\n${'<details><summary>What is open?</summary>\n'.repeat(10_000)}`,
  'details-5k-nested': `# Doc\n\n${'<details><summary>What is nested?</summary>\n'.repeat(5000)}core\n${'</details>\n'.repeat(5000)}`,
  'heading-50k-spaces': `# Doc\n\n## What is padding?${' '.repeat(50_000)}x\n\nBody.\n`,
  'question-20k-underscores': `# Doc\n\nQ: What is ${'_a '.repeat(20_000)}?\nA: Stars.\n`,
};

for (const [name, md] of Object.entries(cases)) {
  const topics = parseDoc('docs/bench.md', md).topics;
  const times: number[] = [];
  let cards = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    cards = findDocCards(md, topics).cards.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ case: name, kb: Math.round(md.length / 1024), cards, medianMs: Math.round((times[2] ?? 0) * 10) / 10 }));
}
