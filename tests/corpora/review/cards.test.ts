/**
 * The card finders on every real learner hub in ../shared/corpora/hubs: prints, per hub, how many
 * cards each finder proposes, and fails when a hub known to hold question patterns yields none.
 * Run with `npm run test:corpora` (needs ../shared beside the checkout).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubService } from '../../../src/backend/hub/hubService';
import { countByKind, findDocCards } from '../../../src/core/review/finders/findCards';
import type { CardKind, ReviewCard } from '../../../src/core/review/types';

const hubsDir = path.resolve(import.meta.dirname, '../../../../shared/corpora/hubs');
const hubs = existsSync(hubsDir) ? readdirSync(hubsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

/** Least cards per finder a hub must give (from what its MANIFEST.tsv row and a read of it show). */
const MINIMUMS: Record<string, Partial<Record<CardKind | 'total', number>>> = {
  // 39 headings ending in '?', 158 question headings without one, 42 in ordered-list items.
  'Sachin880699__Python-Interview-tutorial': { heading: 150, total: 150 },
  // "Common Questions": five **Q:** / A: pairs.
  'Martin-Mawien__alx-project-nexus-': { qa: 5 },
  // Question headings ("What Is Metaspace?") and Concept | Meaning tables.
  'mybsam12138__backend-notes': { heading: 50, table: 20 },
  // Question headings ("Why is Failure Detection Hard?") and Property | Meaning tables.
  'Dhamodharan17__hld-knowledgebase': { heading: 5, table: 10 },
  // An FAQ of "**Q1: ...?**" lines with answers below.
  'Aucupence-Assets__aucupence-legacy-standard': { qa: 50 },
  // A FAQ page of question headings; question <details>.
  trpc__trpc: { heading: 10, details: 1 },
  // Syntax tables: `Type | Description` rows.
  'mermaid-js__mermaid': { table: 100 },
};

async function cardsOf(root: string): Promise<ReviewCard[]> {
  const hub = await HubService.open(root, false);
  const out: ReviewCard[] = [];
  for (const doc of hub.allDocs()) {
    out.push(...findDocCards(await hub.source(doc.path), doc.topics).cards);
  }
  return out;
}

describe.runIf(hubs.length > 0)('card finders on the learner hubs', () => {
  it('propose cards on every hub that holds question patterns, and print the counts per finder', async () => {
    const rows: string[] = ['hub | check | details | qa | heading | table | total'];
    for (const name of hubs) {
      const cards = await cardsOf(path.join(hubsDir, name));
      const n = countByKind(cards);
      rows.push(`${name} | ${n.check} | ${n.details} | ${n.qa} | ${n.heading} | ${n.table} | ${cards.length}`);
      for (const [kind, min] of Object.entries(MINIMUMS[name] ?? {})) {
        const got = kind === 'total' ? cards.length : n[kind as CardKind];
        expect(got, `${name}: ${kind}`).toBeGreaterThanOrEqual(min);
      }
      // Every card has a question and an answer, and one id per question in its topic.
      expect(cards.every((c) => c.question.trim() !== '' && c.answer.trim() !== '')).toBe(true);
      expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    }
    console.log(`\n${rows.join('\n')}\n`);
  });
});
