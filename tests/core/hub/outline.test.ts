/**
 * The open-time outline (parseDoc) against the reader's parse (parseMarkdown): the same ids and
 * titles on markdown chosen to tell parsers apart, and clean search text on both paths.
 */
import { describe, expect, it } from 'vitest';
import { parseDoc, parseMarkdown } from '../../../src/core/hub/parseDoc';
import type { ParsedDoc } from '../../../src/core/hub/types';

const both = (md: string, path = 'd.md'): Array<[string, ParsedDoc]> => [
  ['outline', parseDoc(path, md)],
  ['reader', parseMarkdown(path, md).doc],
];
const texts = (doc: ParsedDoc): string => doc.texts.map((t) => t.text).join('\n');

describe('search text is clean on both paths', () => {
  it('separates adjacent list items, nested items and table cells by a space', () => {
    const md = '# Caching\n\n- hashing\n- async\n  - limits\n  - sliding\n\n| rate | burst |\n|---|---|\n| token | bucket |\n\n1. one\n2. two\n';
    for (const [name, doc] of both(md)) {
      const text = texts(doc);
      expect(text, name).not.toMatch(/hashingasync|asynclimits|limitssliding|ratebur|bursttoken|tokenbucket|onetwo/);
      expect(text, name).toMatch(/hashing\s+async\s+limits\s+sliding/);
      expect(text, name).toMatch(/rate\s+burst\s+token\s+bucket/);
    }
  });

  it('keeps no raw HTML: an HTML block gives its text, inline tags and comments are dropped', () => {
    const md =
      '# Project\n\n<div align="center"> <img src="logo.png" alt="logo" width="120">\n  <p>A study hub</p>\n</div>\n\n' +
      '<details>\n<summary>Why cache?</summary>\n\nBecause <b>speed</b> <!-- hidden -->matters.\n\n</details>\n';
    for (const [name, doc] of both(md)) {
      const text = texts(doc);
      expect(text, name).not.toMatch(/<\/?[a-z]|<!--|-->/i);
      expect(text, name).toContain('A study hub');
      expect(text, name).toContain('Why cache?');
      expect(text, name).toMatch(/Because\s+speed\s+matters\./);
    }
  });

  it('drops a link destination and keeps its text; code blocks stay out of the prose', () => {
    const md = '# T\n\nSee [the guide](https://example.com/guide) and ![a diagram](d.png).\n\n```js\nlet x = 1;\n```\n';
    for (const [name, doc] of both(md)) {
      expect(doc.texts[0]?.text, name).toBe('T\nSee the guide and a diagram.');
      expect(doc.texts[0]?.code, name).toBe('let x = 1;');
    }
  });
});

describe('the outline agrees with the reader', () => {
  const cases: Record<string, string> = {
    inline: '# A *b* `c` [d](e) ![f](g) <kbd>h</kbd> &amp; \\*i\\*\n\n## Snake_case and _emph_ and __strong__\n\n## x ##\n',
    explicit: '## Title { #custom }\n\n## Under {#_a_}\n\n## Code `x` {#code-x}\n\n## Same\n\n## Same\n\n#### Deep {#deep}\n',
    setext: 'Multi\nline *title*\n===\n\nPlain\n---\n\n> Quoted\n> ------\n',
    nested: '# T\n\n- ## In a list\n\n> ### In a quote\n\n<details>\n\n## In details\n\n</details>\n',
    notHeadings: '# T\n\n```md\n## fenced\n```\n\n    ## indented\n\n<div>\n## in html\n</div>\n\n#hashtag\n',
    pseudo: '# T\n\n**Overview**\n\n**Ends with colon:**\n\n**Bold** and more\n\n**Trailing hard break**  \n- item\n\n__*Mixed*__\n',
    references: '# T\n\n## [Linked][ref] title\n\n## [Shortcut] title\n\n[ref]: https://example.com\n',
    containers: '# T\n\n:::tip[Note title]\n\n## Inside a tip\n\n:::\n\n::::note\n**Bold in note**\n::::\n',
    frontMatter: '---\ntitle: From front matter\n---\n\n## First\n\ntext\n',
    crlf: '# Windows\r\n\r\n## Line ends\r\n\r\n**Bold line**\r\n',
    entities: '## &lt;tag&gt; &#x41; &copy; &nosuch;\n\n## Emoji 🚀 and 中文\n',
    noHeading: 'just text, no heading\n',
  };
  it.each(Object.entries(cases))('%s', (_name, md) => {
    const [[, outline], [, reader]] = both(md) as [[string, ParsedDoc], [string, ParsedDoc]];
    expect(outline.topics).toEqual(reader.topics);
    expect(outline.anchors).toEqual(reader.anchors);
    expect(outline.title).toBe(reader.title);
    expect(outline.problems).toEqual(reader.problems);
  });

  it('reads a heading padded with 50,000 spaces on both paths', () => {
    const md = `# Doc\n\n## What is padding?${' '.repeat(50_000)}x\n\n## Id {#id}${' '.repeat(50_000)}\n`;
    for (const [name, doc] of both(md)) {
      expect(doc.topics.map((t) => t.title), name).toEqual(['Doc', `What is padding?${' '.repeat(50_000)}x`, 'Id']);
      expect(doc.topics[2]?.slug, name).toBe('id');
    }
  });
});
