import { describe, expect, test } from 'vitest';
import type { Section } from './helpers';
import { TOPIC_DOCS, countDocWords, countWords, hasCheckYourself, hubFileExists, listHubMarkdown, readHub, sectionsOf } from './helpers';

/** Minimum prose words for the whole hub (code blocks excluded). */
const MIN_TOTAL_WORDS = 12_000;
/** Minimum own words for a leaf topic (an H3, or an H2 with no H3 under it). */
const MIN_LEAF_WORDS = 150;
/** Minimum own words for an H2 that introduces H3 children. */
const MIN_PARENT_WORDS = 60;

/** H2/H3 sections of the topic docs that exist now (the layout test reports missing ones). */
function topicSections(): Section[] {
  return TOPIC_DOCS.filter(hubFileExists).flatMap((doc) => sectionsOf(doc, readHub(doc)).filter((s) => s.depth === 2 || s.depth === 3));
}

const sections = topicSections();
const cases = sections.map((section) => ({
  label: `${section.doc}:${section.line} ${'#'.repeat(section.depth)} ${section.title}`,
  section,
}));

describe('hub size', () => {
  test(`the hub's markdown holds at least ${MIN_TOTAL_WORDS} words of prose`, () => {
    const perDoc = listHubMarkdown().map((doc) => ({ doc, words: countDocWords(readHub(doc)) }));
    const total = perDoc.reduce((sum, entry) => sum + entry.words, 0);
    const breakdown = perDoc.map((entry) => `${entry.doc}: ${entry.words}`).join(', ');
    expect(total, `only ${total} words (${breakdown})`).toBeGreaterThanOrEqual(MIN_TOTAL_WORDS);
  });

  test('every topic doc that exists has topics', () => {
    for (const doc of TOPIC_DOCS.filter(hubFileExists)) {
      expect(sections.filter((s) => s.doc === doc).length, `${doc} has no H2/H3 sections`).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(cases.length === 0)('every topic', () => {
  for (const { label, section } of cases) {
    test(`${label} has a Check-yourself question`, () => {
      expect(
        hasCheckYourself(section.ownProse),
        'expected a <details><summary>question</summary>answer</details> block in its own text',
      ).toBe(true);
    });

    test(`${label} is not a stub`, () => {
      const words = countWords(section.ownProse);
      const parent = section.depth === 2 && section.hasChildren;
      const min = parent ? MIN_PARENT_WORDS : MIN_LEAF_WORDS;
      expect(words, `${words} words of its own, want ${min}`).toBeGreaterThanOrEqual(min);
    });
  }
});

describe('the counting helpers', () => {
  // The rules above are only as good as these helpers, so pin their behaviour on small inputs.
  test('countWords ignores tags, link targets and punctuation-only tokens', () => {
    expect(countWords('Hello <b>big</b> [world](docs/a.md#x) -- 42 !')).toBe(4);
  });

  test('code blocks do not count as words and do not start sections', () => {
    const text = '## A\n\none two\n\n```python\n# not a heading\nx = 1\n```\n\n### B\n\nthree\n';
    const found = sectionsOf('t.md', text);
    expect(found.map((s) => s.title)).toEqual(['A', 'B']);
    expect(countWords(found[0]?.ownProse ?? '')).toBe(2);
    expect(found[0]?.hasChildren).toBe(true);
    expect(found[1]?.hasChildren).toBe(false);
  });

  test('hasCheckYourself wants a summary inside details', () => {
    expect(hasCheckYourself('<details><summary>Why?</summary>\n\nBecause.\n</details>')).toBe(true);
    expect(hasCheckYourself('<details>\n<summary>Why?</summary>\n</details>')).toBe(true);
    expect(hasCheckYourself('<summary>Why?</summary>')).toBe(false);
    expect(hasCheckYourself('**Check yourself**: why?')).toBe(false);
  });
});
