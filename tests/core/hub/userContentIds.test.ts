import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../../src/core/hub/renderDoc';
import { USER_CONTENT_PREFIX, anchorElementId } from '../../../src/core/hub/userContentIds';

function all(root: Root): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (el: Element) => {
    found.push(el);
  });
  return found;
}

const ids = (root: Root): string[] => all(root).flatMap((el) => (typeof el.properties['id'] === 'string' ? [el.properties['id']] : []));

const DOC = `# Guide

## Setup

<a id="location"></a><span id="__proto__">p</span><div id="setup">squats a topic slug</div>
<h2 id="root">Raw heading</h2>
<a name="intro">named</a>

**Pseudo heading**

Text with a note.[^1]

[^1]: The note.
`;

describe('ids from hub HTML', () => {
  const doc = renderDoc('docs/guide.md', DOC, new Set(['docs/guide.md']));

  it('raw HTML ids and names get user-content-; heading and pseudo-heading ids stay ours', () => {
    const list = ids(doc.safeHast);
    expect(list).toEqual(expect.arrayContaining(['guide', 'setup', 'pseudo-heading']));
    expect(list).toEqual(
      expect.arrayContaining(['user-content-location', 'user-content-__proto__', 'user-content-setup', 'user-content-root']),
    );
    expect(list).not.toContain('location');
    expect(list).not.toContain('__proto__');
    expect(list).not.toContain('root');
    expect(list.filter((id) => id === 'setup')).toHaveLength(1);
    expect(all(doc.safeHast).find((el) => el.properties['name'] !== undefined)?.properties['name']).toBe('user-content-intro');
    // The mark that tells our ids apart never reaches the page.
    expect(list.every((id) => !id.includes('nexus'))).toBe(true);
  });

  it('footnotes are prefixed once and their links still find them', () => {
    const list = ids(doc.safeHast);
    expect(list).toContain('user-content-fn-1');
    expect(list).not.toContain('user-content-user-content-fn-1');
    const ref = all(doc.safeHast).find((el) => el.tagName === 'a' && el.properties['dataHref'] === '#fn-1');
    expect(ref?.properties['dataLinkKind']).toBe('anchor');
    expect(anchorElementId('fn-1', doc.anchors, doc.safeHast)).toBe('user-content-fn-1');
  });

  it('the reader finds a heading by its slug and hub HTML by a link written for GitHub', () => {
    expect(anchorElementId('setup', doc.anchors, doc.safeHast)).toBe('setup');
    expect(anchorElementId('location', doc.anchors, doc.safeHast)).toBe('user-content-location');
    expect(anchorElementId('user-content-location', doc.anchors, doc.safeHast)).toBe('user-content-location');
    expect(anchorElementId('__proto__', doc.anchors, doc.safeHast)).toBe(`${USER_CONTENT_PREFIX}__proto__`);
    expect(anchorElementId('nowhere', doc.anchors, doc.safeHast)).toBeNull();
  });
});

describe('picture sources', () => {
  it('<source srcset> is dropped; the <img> inside is classified like any image', () => {
    const doc = renderDoc(
      'README.md',
      '<picture><source media="(prefers-color-scheme: dark)" srcset="https://tracker.example/dark.png 1x"><img src="https://tracker.example/light.png" alt="logo"></picture>\n',
      new Set(['README.md']),
    );
    const els = all(doc.safeHast);
    const source = els.find((el) => el.tagName === 'source');
    expect(source?.properties['srcSet']).toBeUndefined();
    expect(JSON.stringify(doc.safeHast)).not.toContain('dark.png');
    const img = els.find((el) => el.tagName === 'img');
    expect(img?.properties).toMatchObject({ dataImageKind: 'remote', dataSrc: 'https://tracker.example/light.png' });
    expect(img?.properties['src']).toBeUndefined();
  });
});
