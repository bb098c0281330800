import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../../src/core/hub/parseDoc';
import { findDetailsCards } from '../../../src/core/review/finders/detailsCards';
import { countByKind, findDocCards } from '../../../src/core/review/finders/findCards';
import { isQuestion } from '../../../src/core/review/finders/isQuestion';
import { findQaPairs } from '../../../src/core/review/finders/qaPairs';
import { findQuestionHeadings } from '../../../src/core/review/finders/questionHeadings';
import { findTermTables } from '../../../src/core/review/finders/termTables';
import { trimAnswer } from '../../../src/core/review/finders/trimAnswer';

const fixture = (name: string): { source: string; topics: ReturnType<typeof parseDoc>['topics'] } => {
  const source = readFileSync(path.join(import.meta.dirname, '../../fixtures/review', name), 'utf8');
  return { source, topics: parseDoc(`docs/${name}`, source).topics };
};

describe('isQuestion', () => {
  it('accepts questions in the shapes and languages learners write them', () => {
    for (const q of ['What is DBMS', 'why does TCP need a handshake', 'How do I batch calls?', 'Explain the CAP theorem', 'Difference between list and tuple', 'Which index fits?', 'When to shard', '2) Generator in python? <br>', '为什么 TCP 需要三次握手？', '什么是索引', 'Waarom een index', 'hoe werkt een cache', 'Can @Autowired fix it?', 'Is tRPC strict with semver? {#semver}']) {
      expect(isQuestion(q), q).toBe(true);
    }
  });

  it('refuses topic names and section labels', () => {
    for (const q of ['Pros:', 'Overview', 'Database Indexing', 'Why?', 'How it works', "What's next?", 'Summary', 'router.ts', 'Example JSON Response', 'What:', '数据库索引', 'Anything else you want to know?']) {
      expect(isQuestion(q), q).toBe(false);
    }
  });
});

describe('findQaPairs', () => {
  const { source, topics } = fixture('qa-pairs.md');
  const cards = findQaPairs(source, topics);

  it('reads Q:/A: pairs bold or not, same line or next lines, numbered or not', () => {
    expect(cards.map((c) => [c.question, c.answer])).toEqual([
      ['What does a CDN cache?', 'Static assets close to the user.'],
      ['Where do I start with sharding?', 'Pick a shard key with even spread.'],
      ['Why put a queue between services?', 'To absorb bursts.\nThe consumer drains it at its own pace.'],
      ['What is a write-through cache?', 'Writes go to the cache and the store together.'],
      ['Find the users whose spend is above the average', 'Compute the average first, then filter on it.'],
      ['What is idempotency?', 'Doing it twice equals doing it once.'],
    ]);
    expect(new Set(cards.map((c) => c.topicId))).toEqual(new Set(['docs/qa-pairs.md#caching']));
    expect(cards.every((c) => c.kind === 'qa')).toBe(true);
  });

  it('makes no card from a "Queue:" label, a question without an answer, or code', () => {
    const all = cards.map((c) => c.question).join('\n');
    expect(all).not.toContain('Queue');
    expect(all).not.toContain('no answer');
    expect(all).not.toContain('inside code');
  });
});

describe('findQuestionHeadings', () => {
  const { source, topics } = fixture('question-headings.md');
  const cards = findQuestionHeadings(source, topics);
  const byQ = new Map(cards.map((c) => [c.question, c]));

  it('makes a card of each question heading, answered by its section up to the next heading', () => {
    expect(cards.map((c) => c.question)).toEqual([
      'what is DBMS',
      'Generator in python?',
      'What is an API?',
      'Why Does TCP Need a Three-Way Handshake?',
      'Difference between list and tuple',
      '为什么 TCP 需要三次握手？',
      'Waarom een index?',
      'What is long?',
    ]);
    // The "Back to Top" link is left out; an H4 question belongs to the topic above it.
    expect(byQ.get('what is DBMS')?.answer).toBe('A database management system stores and retrieves data.');
    expect(byQ.get('Difference between list and tuple')?.topicId).toBe('docs/question-headings.md#why-does-tcp-need-a-three-way-handshake');
    expect(byQ.get('为什么 TCP 需要三次握手？')?.answer).toBe('双方确认收发能力。');
  });

  it('makes no card from "Pros:", "Overview", "Database Indexing", "How it works", an empty section or indented code', () => {
    const questions = cards.map((c) => c.question).join('\n');
    for (const q of ['Pros', 'Overview', 'Database Indexing', 'How it works', 'What is empty?', 'inside an indented']) {
      expect(questions).not.toContain(q);
    }
  });

  it('trims a long answer to whole paragraphs and links to the full section', () => {
    const long = byQ.get('What is long?')?.answer ?? '';
    expect(long).toContain('First paragraph');
    expect(long).not.toContain('Third paragraph');
    expect(long).toMatch(/\[Read the full section\]\(\.\/question-headings\.md#what-is-long\)$/);
  });
});

describe('findDetailsCards', () => {
  const { source, topics } = fixture('details.md');

  it('turns question <details> into cards and passes over folded code ("router.ts", "Example JSON Response")', () => {
    const cards = findDetailsCards(source, topics);
    expect(cards.map((c) => [c.question, c.answer])).toEqual([
      ['Why does the context run on every request?', "It reads the request's **headers**."],
      ['How do I batch calls?', 'Use the `httpBatchLink`.'],
    ]);
    expect(cards.every((c) => c.kind === 'details' && c.topicId === 'docs/details.md#server-setup')).toBe(true);
  });
});

describe('findTermTables', () => {
  const { source, topics } = fixture('term-tables.md');
  const cards = findTermTables(source, topics);

  it('makes each row of a term | definition table a card', () => {
    expect(cards.map((c) => [c.question, c.answer])).toEqual([
      ['What is IoC?', 'The container creates and wires objects'],
      ['What is Bean?', 'An object managed by the container'],
      ['What is @Transactional for?', 'Wrap a method in a transaction'],
      ['What does Controller do?', 'Receive and validate input'],
    ]);
  });

  it('makes no card from Pros | Cons, a numbered question index, three columns, empty cells or code', () => {
    const all = cards.map((c) => c.question).join('\n');
    for (const word of ['Fast', 'Python', 'A?', 'Empty', 'Code']) {
      expect(all).not.toContain(word);
    }
  });
});

describe('findDocCards', () => {
  it('runs every finder, keeps one card per question and topic, and keeps "Check yourself" blocks first', () => {
    const check = fixture('check-yourself.md');
    const found = findDocCards(check.source, check.topics);
    expect(countByKind(found.cards).check).toBe(3);
    expect(found.skipped.length).toBeGreaterThan(0);
    expect(new Set(found.cards.map((c) => c.id)).size).toBe(found.cards.length);
    const qa = fixture('qa-pairs.md');
    expect(countByKind(findDocCards(qa.source, qa.topics).cards)).toMatchObject({ qa: 6 });
  });

  it('gives nothing for a doc of plain prose', () => {
    const source = '# Database Indexing\n\nA B-tree.\n\n## Pros:\n\n- fast\n\n## Overview\n\nText.\n';
    expect(findDocCards(source, parseDoc('a.md', source).topics).cards).toEqual([]);
  });
});

describe('trimAnswer', () => {
  it('keeps a short answer whole and closes a cut code block', () => {
    expect(trimAnswer('Short.', 'x')).toBe('Short.');
    const code = `\`\`\`\n${'line of code\n'.repeat(200)}\`\`\``;
    const cut = trimAnswer(code, './a.md#b');
    expect(cut.match(/```/g)).toHaveLength(2);
    expect(cut).toContain('[Read the full section](./a.md#b)');
  });
});
