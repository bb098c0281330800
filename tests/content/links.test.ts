import { posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDoc } from '../../src/core/hub/parseDoc';
import type { LinkRef } from './helpers';
import { hubFileExists, linksOf, listHubMarkdown, readHub } from './helpers';

/** Links that leave the hub on purpose: web pages and mail addresses are not checked. */
const EXTERNAL = /^(https?:|mailto:)/i;

/** A relative link split into the hub file it points at and its `#fragment`, if any. */
type Target = { link: LinkRef; file: string; fragment: string | null };

/** Resolves a link against the doc that holds it; `null` file means it escapes the hub. */
function resolveLink(link: LinkRef): { file: string | null; fragment: string | null } {
  const hash = link.url.indexOf('#');
  const rawPath = hash === -1 ? link.url : link.url.slice(0, hash);
  const rawFragment = hash === -1 ? null : link.url.slice(hash + 1);
  const fragment = rawFragment === null ? null : decodeURIComponent(rawFragment);
  const path = decodeURIComponent(rawPath.split('?')[0] ?? '');
  if (path === '') {
    return { file: link.doc, fragment };
  }
  const joined = posix.normalize(posix.join(posix.dirname(link.doc), path));
  const escapes = path.startsWith('/') || joined === '..' || joined.startsWith('../');
  return { file: escapes ? null : joined, fragment };
}

const docs = listHubMarkdown();
const relative: Target[] = [];
const escaping: LinkRef[] = [];
for (const doc of docs) {
  for (const link of linksOf(doc, readHub(doc))) {
    if (EXTERNAL.test(link.url)) {
      continue;
    }
    const { file, fragment } = resolveLink(link);
    if (file === null) {
      escaping.push(link);
    } else {
      relative.push({ link, file, fragment });
    }
  }
}

/** Anchor ids per target doc, computed by the app's own parser and cached. */
const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (!anchors) {
    anchors = new Set(parseDoc(file, readHub(file)).anchors);
    anchorCache.set(file, anchors);
  }
  return anchors;
}

const label = (t: Target): string => `${t.link.doc}:${t.link.line} -> ${t.link.url}`;
const fileCases = relative.map((target) => ({ name: label(target), target }));
const anchorCases = relative
  .filter((t) => t.fragment !== null && t.file.toLowerCase().endsWith('.md'))
  .map((target) => ({ name: label(target), target }));

describe('relative links in the hub', () => {
  test('the hub has markdown docs with relative links to check', () => {
    expect(docs.length).toBeGreaterThan(0);
    expect(relative.length).toBeGreaterThan(0);
  });

  test('no link climbs out of the hub or uses an absolute path', () => {
    expect(escaping.map((link) => `${link.doc}:${link.line} -> ${link.url}`)).toEqual([]);
  });

  for (const { name, target } of fileCases) {
    test(`${name} points at an existing file`, () => {
      expect(hubFileExists(target.file), `resources/hub/${target.file} does not exist`).toBe(true);
    });
  }

  // Anchors are only defined for markdown: the app derives them from headings with parseDoc.
  for (const { name, target } of anchorCases) {
    test(`${name} resolves to a heading anchor`, () => {
      expect(hubFileExists(target.file), `resources/hub/${target.file} does not exist`).toBe(true);
      const anchors = anchorsOf(target.file);
      expect(
        anchors.has(target.fragment ?? ''),
        `#${target.fragment ?? ''} is not an anchor of ${target.file}; it has: ${[...anchors].join(', ')}`,
      ).toBe(true);
    });
  }
});

describe('the link resolver', () => {
  test('resolves relative paths, bare fragments and escapes', () => {
    const at = (doc: string, url: string): ReturnType<typeof resolveLink> => resolveLink({ doc, url, line: 1 });
    expect(at('docs/a.md', '../system-design/diagrams.md#x')).toEqual({
      file: 'system-design/diagrams.md',
      fragment: 'x',
    });
    expect(at('docs/a.md', '#local')).toEqual({ file: 'docs/a.md', fragment: 'local' });
    expect(at('README.md', './docs/b.md')).toEqual({ file: 'docs/b.md', fragment: null });
    expect(at('docs/a.md', '../../package.json').file).toBeNull();
    expect(at('docs/a.md', '/etc/passwd').file).toBeNull();
  });
});
