/**
 * Every real learner hub in ../shared/corpora/hubs and the large FastAPI + DRF docs load: each
 * doc either parses and renders or is listed as a problem with its reason; nothing throws.
 * Run with `npm run test:corpora` (needs ../shared beside the checkout).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubService } from '../../src/backend/hub/hubService';

const corpora = path.resolve(import.meta.dirname, '../../../shared/corpora');
const hubsDir = path.join(corpora, 'hubs');
const hubs = existsSync(hubsDir) ? readdirSync(hubsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
const large = ['fastapi__fastapi', 'encode__django-rest-framework'].filter((d) => existsSync(path.join(corpora, 'large', d)));

async function loadAndRenderAll(root: string): Promise<{ docs: number; topics: number; problems: number; rendered: number }> {
  const hub = await HubService.open(root, false);
  const overview = hub.overview();
  let rendered = 0;
  for (const doc of hub.allDocs()) {
    const out = await hub.doc(doc.path);
    expect(out.topics.length).toBeGreaterThan(0);
    for (const t of out.topics) {
      expect(out.anchors).toContain(t.slug);
    }
    rendered += 1;
  }
  return { docs: overview.docCount, topics: overview.topicCount, problems: overview.problems.length, rendered };
}

describe.runIf(hubs.length > 0)('learner hubs', () => {
  it.each(hubs)('%s loads, renders every doc, and lists its problems', async (name) => {
    const result = await loadAndRenderAll(path.join(hubsDir, name));
    expect(result.docs).toBeGreaterThan(0);
    expect(result.rendered).toBe(result.docs);
  });

  it('finds the known oddities: unclosed fence (Fokoda799), spaces and & in paths (mybsam12138)', async () => {
    const fokoda = await HubService.open(path.join(hubsDir, 'Fokoda799__alx-project-nexus'), false);
    expect(fokoda.overview().problems).toContainEqual(expect.objectContaining({ path: 'README.md', code: 'unclosed-fence' }));
    const notes = await HubService.open(path.join(hubsDir, 'mybsam12138__backend-notes'), false);
    const paths = notes.allDocs().map((d) => d.path);
    expect(paths.filter((p) => p.includes('&')).length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.includes(' ')).length).toBeGreaterThan(10);
    const spaced = paths.find((p) => p.includes(' '));
    await expect(notes.doc(spaced ?? '')).resolves.toMatchObject({ path: spaced });
  });
});

describe.runIf(large.length > 0)('large corpora', () => {
  it.each(large)('%s loads every doc and renders every doc', async (name) => {
    const result = await loadAndRenderAll(path.join(corpora, 'large', name));
    expect(result.docs).toBeGreaterThan(50);
    expect(result.rendered).toBe(result.docs);
  });
});
