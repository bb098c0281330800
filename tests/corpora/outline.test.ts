/**
 * Property over every shared corpus markdown file (../shared/corpora/hubs and large): the fast
 * open-time outline (parseDoc) and the reader's full render (renderDoc) give the same topics (ids,
 * titles, depths, parents, lines), the same anchors and doc title, and the rendered headings carry
 * exactly those ids. Run with `npm run test:corpora`; skipped (with the reason) without ../shared.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/core/hub/parseDoc';
import { renderDoc } from '../../src/core/hub/renderDoc';
import { USER_CONTENT_PREFIX } from '../../src/core/hub/userContentIds';
import { corpusDocs } from '../../bench/corpusDocs';
import { docOutcome } from '../core/hub/docOutcome';

const corpora = path.resolve(import.meta.dirname, '../../../shared/corpora');
const roots = ['hubs', 'large']
  .map((d) => path.join(corpora, d))
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(d, e.name)),
  );

/** The ids the reader put on headings and pseudo-headings, in document order. */
function renderedIds(hast: ReturnType<typeof renderDoc>['safeHast']): string[] {
  const ids: string[] = [];
  visit(hast, 'element', (el: Element) => {
    const id = el.properties['id'];
    const className = el.properties['className'];
    const pseudo = el.tagName === 'p' && Array.isArray(className) && className.includes('pseudo-heading');
    if (typeof id === 'string' && !id.startsWith(USER_CONTENT_PREFIX) && (/^h[1-6]$/.test(el.tagName) || pseudo)) {
      ids.push(id);
    }
  });
  return ids;
}


describe.skipIf(roots.length === 0)('fast outline agrees with the reader on every corpus file (needs ../shared/corpora)', () => {
  it.each(roots.map((r) => [path.relative(corpora, r), r]))('%s', (_name, root) => {
    const docs = corpusDocs(root);
    expect(docs.length).toBeGreaterThan(0);
    let headings = 0;
    for (const { rel, text, encoding } of docs) {
      const fast = docOutcome(() => parseDoc(rel, text, encoding));
      const full = docOutcome(() => renderDoc(rel, text, new Set([rel]), encoding));
      if (typeof full === 'string' || typeof fast === 'string') {
        expect(fast, rel).toEqual(full);
        continue;
      }
      const reader = full;
      const outline = fast;
      expect(outline.topics, rel).toEqual(reader.topics);
      expect(outline.anchors, rel).toEqual(reader.anchors);
      expect(outline.title, rel).toBe(reader.title);
      expect(outline.problems.map((p) => p.code), rel).toEqual(reader.problems.map((p) => p.code));
      const ids = renderedIds(reader.safeHast);
      // A doc with no heading gets one extra anchor, named after the file, that no element carries.
      expect(outline.anchors.slice(0, ids.length), rel).toEqual(ids);
      expect(outline.anchors.length - ids.length, rel).toBeLessThanOrEqual(1);
      headings += ids.length;
    }
    expect(headings).toBeGreaterThan(0);
    // The FastAPI docs (12 MB, 13 languages) take minutes to render on a busy 2-core machine.
  }, 900_000);
});
