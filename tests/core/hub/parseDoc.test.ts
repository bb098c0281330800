import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocRejected, fileTitle, parseDoc, parseMarkdown } from '../../../src/core/hub/parseDoc';

const hub = path.resolve(import.meta.dirname, '../../fixtures/hubs/oddities');
const read = (rel: string): string => readFileSync(path.join(hub, rel), 'utf8');

describe('parseDoc', () => {
  it('turns H1-H3 headings into nested topics with GitHub slugs', () => {
    const doc = parseDoc('docs/guide.md', read('docs/guide.md'));
    expect(doc.topics.map((t) => [t.slug, t.depth])).toEqual([
      ['-getting-started', 1],
      ['setup', 2],
      ['setup-1', 2],
      ['-tips--tricks', 3],
    ]);
    const [h1, setup, setup1, tips] = doc.topics;
    expect(h1?.title).toBe('🚀 Getting Started');
    expect(setup?.parentId).toBe(h1?.id);
    expect(tips?.parentId).toBe(setup1?.id);
    expect(setup?.id).toBe('docs/guide.md#setup');
  });

  it('parses front matter, hides it, and takes the title from it', () => {
    const doc = parseDoc('docs/guide.md', read('docs/guide.md'));
    expect(doc.frontMatter).toEqual({ title: 'The Guide', tags: ['fixture', 'test'] });
    expect(doc.title).toBe('The Guide');
    expect(doc.texts.map((t) => t.text).join(' ')).not.toContain('tags:');
  });

  it('reports malformed front matter as a warning and still parses the doc', () => {
    const doc = parseDoc('a.md', '---\ntitle: [unclosed\n---\n# Real\n');
    expect(doc.topics[0]?.title).toBe('Real');
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'front-matter', severity: 'warning' })]);
  });

  it('gives text before the first heading to the first topic', () => {
    const doc = parseDoc('docs/no-h1.md', read('docs/no-h1.md'));
    expect(doc.topics.map((t) => t.title)).toEqual(['First Section', 'Second Section']);
    expect(doc.texts[0]?.text).toContain('Some text before any heading.');
    expect(doc.title).toBe('First Section');
  });

  it('handles several H1s, setext headings and duplicate H1 ids', () => {
    const doc = parseDoc('docs/multi-h1.md', read('docs/multi-h1.md'));
    expect(doc.topics.map((t) => [t.slug, t.depth, t.parentId])).toEqual([
      ['part-one', 1, null],
      ['part-two', 1, null],
      ['sub-part', 2, 'docs/multi-h1.md#part-two'],
      ['part-one-1', 1, null],
    ]);
  });

  it('promotes bold-line pseudo-headings to topics only in docs without H2/H3', () => {
    const pseudo = parseDoc('docs/pseudo.md', read('docs/pseudo.md'));
    expect(pseudo.topics.map((t) => t.title)).toEqual(['Pseudo Headings', 'Overview', 'Details']);
    expect(pseudo.anchors).toContain('overview');
    const structured = parseDoc('s.md', '# T\n\n## Real\n\n**Label line**\n\ntext\n');
    expect(structured.topics.map((t) => t.title)).toEqual(['T', 'Real']);
    expect(structured.anchors).toContain('label-line');
  });

  it('honours explicit { #id } heading ids and strips them from titles', () => {
    const doc = parseDoc('f.md', '# Title { #custom }\n\n## Other {#x-y}\n\n## Custom\n');
    expect(doc.topics.map((t) => [t.slug, t.title])).toEqual([
      ['custom', 'Title'],
      ['x-y', 'Other'],
      ['custom-1', 'Custom'],
    ]);
  });

  it('separates prose from code in topic texts', () => {
    const doc = parseDoc('docs/guide.md', read('docs/guide.md'));
    const setup = doc.texts.find((t) => t.topicId === 'docs/guide.md#setup');
    expect(setup?.text).toContain('pip install django');
    expect(setup?.code).toContain('def greet');
    expect(setup?.text).not.toContain('def greet');
  });

  it('makes a doc with no heading one topic named after its file', () => {
    const doc = parseDoc('notes/my_first-note.md', 'just text');
    expect(doc.topics).toEqual([expect.objectContaining({ title: 'my first note', depth: 1 })]);
    expect(fileTitle('docs/api/README.md')).toBe('api');
  });

  it('flags an unclosed code fence', () => {
    const doc = parseDoc('u.md', '# T\n\n```python\nx = 1\n\n## Not a heading\n');
    expect(doc.problems.map((p) => p.code)).toContain('unclosed-fence');
    expect(doc.topics).toHaveLength(1);
    expect(parseDoc('c.md', '# T\n\n```\nx\n```\n').problems).toEqual([]);
  });

  it('rejects pathologically nested input instead of overflowing the stack', () => {
    const deep = `${'> '.repeat(5000)}deep\n`;
    expect(() => parseMarkdown('deep.md', deep)).toThrow(DocRejected);
    const lists = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(() => parseMarkdown('lists.md', lists)).toThrow(/nested more than/);
  });
});
