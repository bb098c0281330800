import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../../src/core/hub/parseDoc';
import { cardId } from '../../../src/core/review/cardId';
import { extractCheckCards } from '../../../src/core/review/checkCards';

const source = readFileSync(path.join(import.meta.dirname, '../../fixtures/review/check-yourself.md'), 'utf8');
const doc = parseDoc('docs/caching.md', source);
const extracted = extractCheckCards(source, doc.topics);
const hubRoot = path.resolve(import.meta.dirname, '../../../resources/hub');

describe('extractCheckCards', () => {
  it('turns each well-formed block after a "Check yourself" marker into a card of its topic', () => {
    expect(extracted.cards.map((c) => [c.topicId, c.question])).toEqual([
      ['docs/caching.md#cache-aside', 'What happens on a cache miss in cache-aside?'],
      ['docs/caching.md#cache-aside', 'Why set a TTL?'],
      ['docs/caching.md#nested', 'Outer question?'],
    ]);
    expect(extracted.cards[0]?.answer).toBe('The application reads from the **database** and writes the value into the cache.');
    expect(extracted.cards[0]?.kind).toBe('check');
    // A nested block stays inside the outer answer.
    expect(extracted.cards[2]?.answer).toContain('Outer answer.');
    expect(extracted.cards[2]?.answer).toContain('<summary>Inner</summary>Inner answer.');
  });

  it('skips malformed blocks with a reason and a line instead of failing', () => {
    expect(extracted.skipped.map((s) => [s.topicId, s.reason])).toEqual([
      ['docs/caching.md#malformed', 'no-summary'],
      ['docs/caching.md#malformed', 'empty-question'],
      ['docs/caching.md#malformed', 'empty-answer'],
      ['docs/caching.md#malformed', 'unclosed'],
    ]);
    const lines = source.split('\n');
    for (const s of extracted.skipped) {
      expect(lines[s.line - 1]).toContain('<details>');
    }
  });

  it('ignores blocks inside code fences and in topics without a marker', () => {
    const questions = extracted.cards.map((c) => c.question).join('\n');
    expect(questions).not.toContain('Inside a code fence');
    expect(questions).not.toContain('No marker');
  });

  it('gives ids from the topic and question, unchanged by edits elsewhere', () => {
    const edited = source.replace('Intro text about caches.', 'Intro text about caches, rewritten at length.\n\nAnd a new paragraph.');
    const again = extractCheckCards(edited, parseDoc('docs/caching.md', edited).topics);
    expect(again.cards.map((c) => c.id)).toEqual(extracted.cards.map((c) => c.id));
    expect(extracted.cards[0]?.id).toBe(cardId('docs/caching.md#cache-aside', 'What happens on a cache miss in  cache-aside?'));
    expect(extracted.cards[0]?.id).not.toBe(cardId('docs/caching.md#cache-aside', 'Why set a TTL?'));
  });

  it('never throws on hostile input', () => {
    for (const text of ['<details>', '<details><summary>', '</details></details><details>', '**Check yourself**\n<details>\n'.repeat(500), '']) {
      expect(() => extractCheckCards(text, parseDoc('x.md', text).topics)).not.toThrow();
    }
  });

  it('finds every block of the bundled hub (one card per <details> after a marker)', () => {
    const file = 'system-design/diagrams.md';
    const text = readFileSync(path.join(hubRoot, file), 'utf8');
    const result = extractCheckCards(text, parseDoc(file, text).topics);
    expect(result.skipped).toEqual([]);
    expect(result.cards).toHaveLength((text.match(/<details>/g) ?? []).length);
    expect(result.cards[0]?.topicId).toBe('system-design/diagrams.md#system-architecture');
  });
});
