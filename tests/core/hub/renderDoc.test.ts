import type { Element, Root } from 'hast';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../../src/core/hub/renderDoc';

const hub = path.resolve(import.meta.dirname, '../../fixtures/hubs/oddities');
const files = new Set(['README.md', 'docs/guide.md', 'docs/no-h1.md', 'notes folder/file with spaces.md', 'assets/dot.png']);

function elements(root: Root, tag: string): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (el: Element) => {
    if (el.tagName === tag) {
      found.push(el);
    }
  });
  return found;
}

function linkByText(root: Root, text: string): Element | undefined {
  return elements(root, 'a').find((a) => a.children.some((c) => c.type === 'text' && c.value === text));
}

describe('renderDoc', () => {
  const readme = renderDoc('README.md', readFileSync(path.join(hub, 'README.md'), 'utf8'), files);
  const guide = renderDoc('docs/guide.md', readFileSync(path.join(hub, 'docs/guide.md'), 'utf8'), files);

  it('classifies links: hub doc with anchor, external, broken, blocked schemes', () => {
    expect(linkByText(readme.safeHast, 'Guide, setup section')?.properties).toMatchObject({ dataLinkKind: 'doc', dataTarget: 'docs/guide.md#setup' });
    expect(linkByText(readme.safeHast, 'External site')?.properties).toMatchObject({ dataLinkKind: 'external', href: 'https://example.com/page' });
    expect(linkByText(readme.safeHast, 'Missing doc')?.properties).toMatchObject({ dataLinkKind: 'broken' });
    expect(linkByText(readme.safeHast, 'Spaces')?.properties).toMatchObject({ dataLinkKind: 'doc', dataTarget: 'notes folder/file with spaces.md' });
    for (const name of ['Evil script', 'Local file']) {
      const props = linkByText(readme.safeHast, name)?.properties ?? {};
      expect(props['href']).toBeUndefined();
      expect(props['dataLinkKind']).not.toBe('external');
    }
  });

  it('resolves percent-encoded paths and in-doc anchors', () => {
    expect(linkByText(guide.safeHast, 'Spaces')?.properties).toMatchObject({ dataLinkKind: 'doc', dataTarget: 'notes folder/file with spaces.md#spaced-out' });
    expect(linkByText(guide.safeHast, 'Back to the top')?.properties).toMatchObject({ dataLinkKind: 'anchor', dataTarget: 'docs/guide.md#-getting-started' });
  });

  it('removes scripts and event handlers from raw HTML but keeps details/summary', () => {
    const json = JSON.stringify(guide.safeHast);
    expect(elements(guide.safeHast, 'script')).toHaveLength(0);
    expect(json).not.toMatch(/onerror|__pwned/i);
    expect(elements(guide.safeHast, 'details')).toHaveLength(1);
    expect(elements(guide.safeHast, 'summary')).toHaveLength(1);
  });

  it('puts the topic slugs on the headings as ids', () => {
    const ids = ['h1', 'h2', 'h3'].flatMap((t) => elements(guide.safeHast, t)).map((h) => h.properties['id']);
    expect(ids.sort()).toEqual(guide.topics.map((t) => t.slug).sort());
  });

  it('highlights fenced code and renders GFM tables, task lists and strikethrough', () => {
    const code = elements(guide.safeHast, 'code').find((c) => String(c.properties['className']).includes('language-python'));
    expect(code?.children.some((c) => c.type === 'element' && String(c.properties['className']).includes('hljs-keyword'))).toBe(true);
    expect(elements(guide.safeHast, 'table')).toHaveLength(1);
    expect(elements(guide.safeHast, 'input').every((i) => i.properties['type'] === 'checkbox')).toBe(true);
    expect(elements(guide.safeHast, 'del')).toHaveLength(1);
    expect(elements(guide.safeHast, 'a').some((a) => a.properties['href'] === 'https://example.org/auto')).toBe(true);
  });

  it('routes hub images through the app and never keeps a raw src', () => {
    const imgs = elements(readme.safeHast, 'img');
    expect(imgs[0]?.properties).toMatchObject({ dataImageKind: 'hub', dataSrc: 'assets/dot.png' });
    const remote = renderDoc('x.md', '![r](https://evil.example/a.png) ![m](nope.png)', files);
    expect(elements(remote.safeHast, 'img').map((i) => [i.properties['dataImageKind'], i.properties['src']])).toEqual([
      ['remote', undefined],
      ['broken', undefined],
    ]);
  });
});
