/**
 * Hostile input for the pure review core: markdown that tries to make cards out of section names,
 * code, comments and huge blocks; cloze selections; review.json files from another machine.
 */
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../../src/core/hub/parseDoc';
import { extractCheckCards } from '../../../src/core/review/checkCards';
import { makeCloze } from '../../../src/core/review/cloze';
import { findDocCards } from '../../../src/core/review/finders/findCards';
import { isQuestion } from '../../../src/core/review/finders/isQuestion';
import { mergeReview, parseReview, parseReviewText, serialiseReview } from '../../../src/core/review/merge';
import { buildQueue, dueForecast } from '../../../src/core/review/queue';
import { type ReviewState, emptyReviewState, reviewStateSchema } from '../../../src/core/review/reviewSchema';
import { gradeCard, newSchedule, previewDue, recallProbability } from '../../../src/core/review/schedule';
import { snapshotOf } from '../../../src/core/review/stale';

const cardsOf = (md: string, file = 'docs/h.md'): ReturnType<typeof findDocCards>['cards'] => findDocCards(md, parseDoc(file, md).topics).cards;
const questions = (md: string): string[] => cardsOf(md).map((c) => c.question);
const t0 = new Date('2024-05-01T09:00:00.000Z');

describe('finders refuse section names', () => {
  it('"Pros:", "Overview", "How it works" and friends make no card, in any heading shape', () => {
    const names = ['Pros:', 'Cons:', 'Overview', 'How it works', 'How It Works:', 'How it works?', '**How it works**', '1. Overview', '🚀 How to use', "What's new?", 'How to install', 'Where to start', 'Why?', 'Q&A', 'FAQ', '常见问题', 'Overzicht'];
    for (const n of names) {
      const md = `# Doc\n\n## ${n}\n\nSome body text that explains a thing at length.\n`;
      expect(questions(md), n).toEqual([]);
    }
  });

  it('a "Q:"/"A:" pair labelled with a section name still needs a question and an answer', () => {
    expect(questions('# Doc\n\nQ:\nA:\n\n**Q:** **A:**\n')).toEqual([]);
  });

  it('Q:/A: lines, question headings, details and tables inside code fences (``` and ~~~, longer fences) make no card', () => {
    const md = [
      '# Doc',
      '',
      '````md',
      '## What is inside a fence?',
      '```',
      'still fenced',
      '```',
      'Q: What is fenced?',
      'A: Nothing.',
      '<details><summary>What is hidden?</summary>Hidden.</details>',
      '| Term | Meaning |',
      '|---|---|',
      '| X | Y |',
      '````',
      '',
      '~~~',
      '# Why is this a comment?',
      'echo hi',
      '~~~',
    ].join('\n');
    expect(cardsOf(md)).toEqual([]);
  });

  it('a question heading inside an HTML comment is not a card', () => {
    const md = '# Doc\n\n<!--\n## What is a draft question?\n\nNot published yet.\n-->\n\nBody.\n';
    expect(questions(md)).toEqual([]);
  });
});

// Hostile sizes: these check the result only. How long each takes is printed by `npm run bench:review`
// (bench/review.ts); the generous timeout below is a guard against a hang, not a performance target.
const LOAD = { timeout: 60_000 };

describe('finders under load', () => {
  it('a 10,000-row term | definition table: one card per row', LOAD, () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| term${i} | definition ${i} |`).join('\n');
    const md = `# Glossary\n\n| Term | Meaning |\n|---|---|\n${rows}\n`;
    const cards = cardsOf(md);
    expect(cards).toHaveLength(10_000);
    expect(new Set(cards.map((c) => c.id)).size).toBe(10_000);
  });

  it('4,000 Q/A pairs under 2,000 topics are 4,000 cards', LOAD, () => {
    const md = Array.from({ length: 2000 }, (_, i) => `## Topic ${i}\n\nQ: What is item ${i}a?\nA: Answer ${i}a.\n\nQ: What is item ${i}b?\nA: Answer ${i}b.\n`).join('\n');
    const cards = cardsOf(`# Doc\n\n${md}`);
    expect(cards).toHaveLength(4000);
    expect(new Set(cards.map((c) => c.topicId)).size).toBe(2000);
  });

  it('a huge Q: block with no answer label is capped, not a 50,000-character question', () => {
    const md = `# Doc\n\nQ: What is ${'very '.repeat(10_000)}long?\nA: Short.\n`;
    for (const c of cardsOf(md)) {
      expect(c.question.length).toBeLessThanOrEqual(10_000);
    }
  });

  it('deeply nested <details> do not blow the stack and yield at most the outer card', () => {
    const depth = 5000;
    const md = `# Doc\n\n${'<details><summary>What is nested?</summary>\n'.repeat(depth)}core\n${'</details>\n'.repeat(depth)}`;
    const cards = cardsOf(md);
    expect(cards.length).toBeLessThanOrEqual(1);
  });

  // extractDetails (src/core/review/checkCards.ts) once scanned from every unclosed `<details>` to
  // the topic's end (O(N²), about 9 s for 10,000); it is one pass over the tags now.
  it('10,000 unclosed <details> lines in one topic: no card, each reported unclosed', LOAD, () => {
    const md = `# Doc\n\n## Check yourself\n\n${'<details><summary>What is open?</summary>\n'.repeat(10_000)}`;
    const topics = parseDoc('docs/h.md', md).topics;
    const found = extractCheckCards(md, topics);
    expect(found.cards).toEqual([]);
    expect(found.skipped).toHaveLength(10_000);
    expect(found.skipped.every((s) => s.reason === 'unclosed')).toBe(true);
  });

  it('an unclosed <details> does not hide a whole block after it in the same topic', () => {
    const md = '# Doc\n\n## Check yourself\n\n<details><summary>Lost?</summary>\n\n<details><summary>What is kept?</summary>\nThis.\n</details>\n';
    const found = extractCheckCards(md, parseDoc('docs/h.md', md).topics);
    expect(found.cards.map((c) => [c.question, c.answer])).toEqual([['What is kept?', 'This.']]);
    expect(found.skipped.map((s) => s.reason)).toEqual(['unclosed']);
  });

  it('a heading line padded with 50,000 spaces is one card (no regex backtracking)', LOAD, () => {
    const md = `# Doc\n\n## What is padding?${' '.repeat(50_000)}x\n\nBody.\n`;
    expect(cardsOf(md).length).toBeLessThanOrEqual(1);
  });

  it('a question of 60,000 unclosed underscores is no card (longer than any question), and the next one still is', LOAD, () => {
    const md = `# Doc\n\nQ: What is ${'_a '.repeat(20_000)}?\nA: Stars.\n\nQ: What is _this_ one?\nA: Fine.\n`;
    expect(cardsOf(md).map((c) => [c.question, c.answer])).toEqual([['What is this one?', 'Fine.']]);
  });

  it('unclosed tags, brackets and backticks in a long question line are read', LOAD, () => {
    for (const junk of ['<', '[', '`', '**', '![']) {
      const md = `# Doc\n\nQ: Why ${`${junk}x `.repeat(8_000)}?\nA: Junk.\n\nQ: What is [a link](https://e.x) and <b>bold</b>?\nA: Text.\n`;
      expect(cardsOf(md).map((c) => c.question)).toContain('What is a link and bold ?');
    }
  });
});

describe('hostile <details>', () => {
  it('a script in a details answer stays text of the card (rendering sanitises it), the summary tags are stripped', () => {
    const md = '# Doc\n\n<details><summary>What is <script>alert(1)</script> XSS?</summary>\n\n<script>alert(2)</script> Injection.\n\n</details>\n';
    const [card] = cardsOf(md);
    expect(card?.question).not.toContain('<script');
  });

  // BUG: extractDetails takes a line's blocks up to the line's last `</details>` as one block, so
  // the first card's answer swallows the second block and the second question is no card.
  it('two question details on one line are two cards, each with its own answer', () => {
    const md = '# Doc\n\n<details><summary>What is X?</summary>Ex.</details> <details><summary>What is Y?</summary>Why.</details>\n';
    const cards = cardsOf(md);
    expect(cards.map((c) => [c.question, c.answer])).toEqual([
      ['What is X?', 'Ex.'],
      ['What is Y?', 'Why.'],
    ]);
  });
});

describe('CJK and Dutch', () => {
  it('Chinese and Dutch question headings are cards; topic names are not', () => {
    const md = '# 笔记\n\n## 为什么 TCP 需要三次握手？\n\n防止旧连接。\n\n## 数据库索引\n\n正文。\n\n## Waarom een index?\n\nSneller zoeken.\n\n## Overzicht\n\nTekst.\n';
    expect(questions(md)).toEqual(['为什么 TCP 需要三次握手？', 'Waarom een index?']);
  });

  it('full-width Q：/A： labels as Chinese notes write them', () => {
    expect(questions('# 笔记\n\nQ：什么是索引？\nA：加速查找的数据结构。\n')).toEqual(['什么是索引？']);
  });

  it('isQuestion never throws on odd input', () => {
    for (const s of ['', ' ', '?', '？？？？', '\u0000\u0000\u0000\u0000', '😀'.repeat(1000), 'a'.repeat(100_000)]) {
      expect(() => isQuestion(s)).not.toThrow();
    }
  });
});

describe('cloze', () => {
  it('blanks the selected word, not the same letters inside an earlier word', () => {
    expect(makeCloze('The cat sat at home', 'at')?.question).toBe('The cat sat **[…]** home');
  });

  it('of two equal words, blanks the one selected (by its offset, whitespace collapsed)', () => {
    const passage = '  A cache   hit, then a cache miss.';
    expect(makeCloze(passage, 'cache', passage.lastIndexOf('cache'))?.question).toBe('A cache hit, then a **[…]** miss.');
    expect(makeCloze(passage, 'cache', passage.indexOf('cache'))?.question).toBe('A **[…]** hit, then a cache miss.');
    expect(makeCloze(passage, 'cache')?.question).toBe('A **[…]** hit, then a cache miss.');
  });

  it('a selection spanning markup (text of `**bold** text`) still makes a card or refuses cleanly', () => {
    expect(() => makeCloze('A **bold** claim about caches', 'bold claim')).not.toThrow();
  });

  it('an empty, whitespace or whole-passage selection is refused', () => {
    expect(makeCloze('Some words', '')).toBeNull();
    expect(makeCloze('Some words', '   ')).toBeNull();
    expect(makeCloze('Some words', ' Some  words ')).toBeNull();
  });
});

describe('review.json from another machine', () => {
  const localState = (): ReviewState => {
    const s = emptyReviewState();
    const g = gradeCard('d.md#t::a', newSchedule('d.md#t', 'What is A?', t0), 3, t0);
    s.cards['d.md#t::a'] = g.schedule;
    s.log.push(g.log);
    s.settings = { newPerDay: 7, reviewsPerDay: 70, retention: 0.85, updatedAt: t0.toISOString() };
    return s;
  };

  it('malformed and unknown fields: merge does not throw and keeps the local state', () => {
    const local = localState();
    const raws: unknown[] = [
      { version: 1, cards: { 'd.md#t::a': { junk: true } }, log: [1, 'x', null], userCards: [{}], snapshots: { x: 5 }, cardStates: { y: null }, settings: { newPerDay: -5, updatedAt: '9999' }, future: { a: 1 } },
      { version: 1, cards: {}, log: [], userCards: [], snapshots: {}, cardStates: 'nope', settings: 'nope' },
      { version: 2, cards: {}, log: [], userCards: [], snapshots: {} },
      { version: 1, cards: [], log: {}, userCards: null, snapshots: [] },
      null,
      [],
      'review',
    ];
    for (const raw of raws) {
      const remote = parseReview(raw);
      const merged = remote === null ? local : mergeReview(local, remote);
      expect(merged.cards['d.md#t::a'], JSON.stringify(raw)).toEqual(local.cards['d.md#t::a']);
      expect(merged.settings.newPerDay).toBe(7);
      expect(merged.log).toHaveLength(1);
    }
    expect(parseReviewText('{"version":1,')).toBeNull();
  });

  it('__proto__ and constructor keys from a remote file are plain entries, never prototypes', () => {
    const sched = newSchedule('d.md#t', 'Q', t0);
    const text = `{"version":1,"cards":{"__proto__":${JSON.stringify(sched)},"constructor":${JSON.stringify(sched)}},"log":[],"userCards":[],"snapshots":{"__proto__":{"hash":"h","title":"t","text":"x","at":"${t0.toISOString()}","flaggedHash":null}},"cardStates":{"__proto__":{"status":"dismissed","updatedAt":"${t0.toISOString()}"},"constructor":{"status":"dismissed","updatedAt":"${t0.toISOString()}"}}}`;
    const remote = parseReviewText(text);
    expect(remote).not.toBeNull();
    const merged = mergeReview(localState(), remote ?? emptyReviewState());
    expect(Object.getPrototypeOf(merged.cards)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.cardStates)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.snapshots)).toBe(Object.prototype);
    const ctor: string = 'constructor';
    expect(Object.hasOwn(merged.cardStates, ctor) ? merged.cardStates[ctor]?.status : 'dismissed').toBe('dismissed');
    expect(() => serialiseReview(merged)).not.toThrow();
  });

  it('a remote schedule with a date that does not parse is dropped, not a RangeError in every review call', () => {
    const remote = parseReview({
      version: 1,
      cards: { 'd.md#t::b': { ...newSchedule('d.md#t', 'What is B?', t0), state: 2, reps: 3, due: 'not-a-date-at-all', lastReview: 'garbage-garbage' } },
      log: [{ cardId: 'd.md#t::b', topicId: 'd.md#t', rating: 3, at: 'yesterday-ish', state: 2 }],
      userCards: [],
      snapshots: {},
    });
    const merged = mergeReview(localState(), remote ?? emptyReviewState());
    expect(Object.keys(merged.cards)).toEqual(['d.md#t::a']);
    const now = new Date('2024-05-10T09:00:00.000Z');
    expect(() => {
      for (const s of Object.values(merged.cards)) {
        previewDue(s, now);
        recallProbability(s, now);
      }
      dueForecast(Object.values(merged.cards), now);
      buildQueue(Object.keys(merged.cards), merged.cards, merged.settings, merged.log, now);
    }).not.toThrow();
  });

  it('a remote schedule FSRS refuses (zero difficulty with stability, absurd numbers) is dropped, not an error in every review call', () => {
    const remote = parseReview({
      version: 1,
      cards: {
        'd.md#t::c': { ...newSchedule('d.md#t', 'What is C?', t0), state: 2, reps: 3, stability: 1e308, difficulty: 1e308, scheduledDays: 1e308, lastReview: t0.toISOString() },
        'd.md#t::d': { ...newSchedule('d.md#t', 'What is D?', t0), state: 2, reps: 3, stability: 5, difficulty: 0, lastReview: t0.toISOString() },
        // Zero memory in a review state: FSRS starts it afresh, so it is kept.
        'd.md#t::e': { ...newSchedule('d.md#t', 'What is E?', t0), state: 2, reps: 3, lastReview: t0.toISOString() },
      },
      log: [],
      userCards: [],
      snapshots: {},
    });
    const merged = mergeReview(localState(), remote ?? emptyReviewState());
    const now = new Date('2024-05-10T09:00:00.000Z');
    expect(() => {
      for (const s of Object.values(merged.cards)) {
        previewDue(s, now);
        gradeCard('x', s, 1, now);
      }
    }).not.toThrow();
    expect(Object.keys(merged.cards)).toEqual(['d.md#t::a', 'd.md#t::e']);
  });
});

describe('state that must stay loadable', () => {
  it('a schedule for a card with a 20,000-character question still validates (the database reloads)', () => {
    const s = emptyReviewState();
    s.cards['d.md#t::long'] = gradeCard('d.md#t::long', newSchedule('d.md#t', 'Q'.repeat(20_000), t0), 3, t0).schedule;
    expect(reviewStateSchema.safeParse(s).success).toBe(true);
  });

  it('a snapshot of a topic with a 5,000-character title still validates', () => {
    const s = emptyReviewState();
    s.snapshots['d.md#t'] = snapshotOf({ topicId: 'd.md#t', title: 'T'.repeat(5000), text: 'x'.repeat(300_000) }, t0.toISOString());
    expect(reviewStateSchema.safeParse(s).success).toBe(true);
  });
});
