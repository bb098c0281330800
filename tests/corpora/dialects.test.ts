/**
 * The dialects on the shared learner and team hubs (../shared/corpora/hubs): admonitions, alerts,
 * MDX and Docusaurus routes on the tRPC docs, and topic ids that the `:::` syntax never changes.
 * Run with `npm run test:corpora`.
 */
import type { Element, Root as HastRoot } from 'hast';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { HubService } from '../../src/backend/hub/hubService';
import { parseDoc } from '../../src/core/hub/parseDoc';

const hubsDir = path.resolve(import.meta.dirname, '../../../shared/corpora/hubs');
const hubs = existsSync(hubsDir)
  ? readdirSync(hubsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];
const trpc = path.join(hubsDir, 'trpc__trpc');

function textOf(root: HastRoot | Element): string {
  let out = '';
  visit(root, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out;
}

function withoutCode(root: HastRoot): HastRoot {
  const copy = structuredClone(root);
  visit(copy, 'element', (el: Element, index, parent) => {
    if (el.tagName === 'pre' && parent !== undefined && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return copy;
}

describe.runIf(hubs.length > 0)('dialects on the shared hubs', () => {
  it.each(hubs)('%s: the ::: syntax changes no topic id', async (name) => {
    const hub = await HubService.open(path.join(hubsDir, name), false);
    for (const doc of hub.allDocs()) {
      const source = await hub.source(doc.path);
      // With every ::: escaped, the parser sees what it saw before containers were parsed.
      const before = parseDoc(doc.path, source.replace(/^(\s*):::/gm, '$1\\:::'));
      expect(
        doc.topics.map((t) => t.id),
        doc.path,
      ).toEqual(before.topics.map((t) => t.id));
    }
  });
});

describe.runIf(existsSync(trpc))('the tRPC Docusaurus docs', () => {
  it('shows admonitions as callouts, hides imports, names components, and resolves /docs routes', async () => {
    const hub = await HubService.open(trpc, false);
    const mdx = hub.allDocs().filter((d) => d.path.endsWith('.mdx'));
    expect(mdx.length).toBeGreaterThan(20);
    let callouts = 0;
    let placeholders = 0;
    const routeLinks = { doc: 0, site: 0, broken: 0 };
    for (const d of hub.allDocs()) {
      const doc = await hub.doc(d.path);
      const prose = textOf(withoutCode(doc.safeHast));
      expect(prose, d.path).not.toMatch(/^:::/m);
      expect(prose, d.path).not.toMatch(/^import .* from '@theme/m);
      expect(prose, d.path).not.toMatch(/\[!(NOTE|WARNING)\]/);
      visit(doc.safeHast, 'element', (el: Element) => {
        const cls = Array.isArray(el.properties['className']) ? el.properties['className'].map(String) : [];
        if (cls.includes('callout')) {
          callouts += 1;
        }
        if (cls.includes('mdx-component')) {
          placeholders += 1;
        }
        const href = el.properties['dataHref'];
        if (el.tagName === 'a' && typeof href === 'string' && /^\/docs\//.test(href)) {
          const kind = String(el.properties['dataLinkKind']) as keyof typeof routeLinks;
          routeLinks[kind] = (routeLinks[kind] ?? 0) + 1;
        }
      });
    }
    // MANIFEST: 109 admonitions + 2 alerts; 34 JSX tags; 110 links by /docs/ route.
    expect(callouts).toBeGreaterThanOrEqual(105);
    expect(placeholders).toBeGreaterThanOrEqual(15);
    expect(routeLinks.broken).toBe(0);
    expect(routeLinks.doc).toBeGreaterThanOrEqual(90);
  });

  it('opens on a doc although the hub root has no README', async () => {
    const hub = await HubService.open(trpc, false);
    expect(hub.overview().tree.some((n) => n.kind === 'doc')).toBe(false);
    expect(hub.overview().docCount).toBeGreaterThan(90);
  });
});
