/**
 * Search relevance on a real corpus: the FastAPI English docs with the judged queries of
 * ../shared/eval/queries-fastapi.tsv, through the real SearchService (relevance, not timing;
 * `npm run bench:search` measures speed). Then clean search on the shared learner hubs: tables
 * of contents, OpenAPI descriptions and raw HTML. Run with `npm run test:corpora`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQueries, rankOf } from '../../bench/relevance';
import { BackendContext } from '../../src/backend/context';
import { HubService } from '../../src/backend/hub/hubService';
import { silentLogger } from '../../src/backend/logger';
import { SearchService } from '../../src/backend/search/searchService';
import { docEntries } from '../../src/core/search/entries';
import { SearchIndex } from '../../src/core/search/searchIndex';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const docsEn = path.join(shared, 'corpora/large/fastapi__fastapi/docs/en');
const queriesFile = path.join(shared, 'eval/queries-fastapi.tsv');
const hubs = path.join(shared, 'corpora/hubs');
const bundled = path.resolve(import.meta.dirname, '../../resources/hub');

/** Opens a hub and builds its search service in a fresh data folder; `use` runs, then all is removed. */
async function withSearch(root: string, use: (service: SearchService, hub: HubService) => Promise<void> | void): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-corpora-search-'));
  const hub = await HubService.open(root, false);
  const ctx = new BackendContext({ bundledHub: bundled, dataDir, host: 'web', version: 'test', logger: silentLogger, openExternal: null }, hub);
  const service = SearchService.start(ctx);
  try {
    await service.whenIdle();
    await use(service, hub);
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe.runIf(existsSync(docsEn) && existsSync(queriesFile))('search relevance on the FastAPI docs', () => {
  it('finds the judged section in the top 3 for at least 85% of the queries, as typed', async () => {
    const queries = await loadQueries(queriesFile);
    expect(queries.length).toBeGreaterThanOrEqual(50);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-corpora-search-'));
    const hub = await HubService.open(docsEn, false);
    const ctx = new BackendContext({ bundledHub: docsEn, dataDir, host: 'web', version: 'test', logger: silentLogger, openExternal: null }, hub);
    const service = SearchService.start(ctx);
    try {
      await service.whenIdle();
      expect(service.getStatus()).toMatchObject({ phase: 'ready', entries: hub.allDocs().reduce((n, d) => n + d.topics.length, 0) });
      const misses: string[] = [];
      let top3 = 0;
      for (const q of queries) {
        const hits = service.query(q.query, { limit: 10 }).hits.map((h) => ({ docPath: h.docPath, title: h.title.text }));
        const rank = rankOf(q, hits);
        if (rank >= 0 && rank < 3) {
          top3++;
        } else {
          misses.push(`${q.query} -> ${q.file} "${q.heading}" (rank ${rank})`);
        }
      }
      const successAt3 = top3 / queries.length;
      expect(successAt3, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.85);
    } finally {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.runIf(existsSync(hubs))('clean search on the shared hubs', () => {
  it('ranks a table of contents below the section holding the heading it lists', async () => {
    const root = path.join(hubs, 'Sachin880699__Python-Interview-tutorial');
    const doc = 'DRF- Interview Question.md';
    await withSearch(root, (service) => {
      // The questions are headings inside list items of "Core Concepts"; the table at the top links to each.
      for (const q of ['What are status codes', 'difference between stateful and stateless', 'What are HTTP Verbs']) {
        const keys = service.query(q, { limit: 10 }).hits.map((h) => h.key);
        const section = keys.indexOf(`${doc}#core-concepts`);
        const toc = keys.indexOf(`${doc}#table-of-contents`);
        expect(section, `${q}: ${keys.join(', ')}`).toBeGreaterThanOrEqual(0);
        expect(toc === -1 || toc > section, `${q}: ${keys.join(', ')}`).toBe(true);
      }
    });
  });

  it('finds an OpenAPI spec by its info (a shared hub’s stub spec, the bundled spec’s description and tags)', async () => {
    await withSearch(path.join(hubs, 'Aucupence-Assets__aucupence-legacy-standard'), (service, hub) => {
      expect(hub.endpointTopics()).toEqual([]);
      const hit = service.query('Example API Specification', { limit: 5, filters: { kinds: ['endpoint'] } }).hits[0];
      expect(hit).toMatchObject({ key: 'spec:api-specs/openapi.yaml', docPath: 'api-specs/openapi.yaml', slug: null, topicId: null });
    });
    await withSearch(bundled, (service) => {
      const overview = service.query('Kenyan shillings', { limit: 5 }).hits[0];
      expect(overview).toMatchObject({ key: 'spec:api-specs/openapi.yml', kind: 'endpoint', docPath: 'api-specs/openapi.yml', slug: null, docTitle: 'Nexus Shop API' });
      expect(overview?.snippet.text).toContain('Kenyan shillings');
      const tag = service.query('profile and addresses of the signed-in customer', { limit: 5 }).hits[0];
      expect(tag).toMatchObject({ key: 'spec:api-specs/openapi.yml#tag:Customers', docPath: 'api-specs/openapi.yml' });
    });
  });

  it('shows no raw HTML in any snippet of a section that carries some', async () => {
    const LAYOUT = /<\/?(div|img|details|summary|table|thead|tbody|tr|td|th|br|p|a|small|b|h[1-6])\b[^<>]*>|<!--/iu;
    let checked = 0;
    for (const name of readdirSync(hubs).filter((n) => !n.endsWith('.tsv'))) {
      const hub = await HubService.open(path.join(hubs, name), false);
      const entries = hub.allDocs().flatMap(docEntries);
      const index = new SearchIndex();
      entries.forEach((e) => index.add(e));
      for (const e of entries) {
        const tag = LAYOUT.exec(e.body);
        // Code is shown as written: sections whose code holds markup are left out.
        if (tag === null || LAYOUT.test(e.code)) {
          continue;
        }
        // Two words next to the markup, so the snippet is cut around it.
        const near = e.body.slice(Math.max(0, tag.index - 80), tag.index + 200).replace(/<[^<>]*>/gu, ' ');
        const words = [...new Set(near.match(/\p{L}{4,}/gu) ?? [])].slice(0, 2);
        if (words.length === 0) {
          continue;
        }
        const hit = index.search(words.join(' '), { limit: 200, prefix: false, filters: { paths: [e.docPath] } }).hits.find((h) => h.key === e.key);
        if (hit !== undefined) {
          expect(hit.snippet.text, `${name}: ${e.key} (${words.join(' ')})`).not.toMatch(LAYOUT);
          checked++;
        }
      }
    }
    // Since issue 15 the section text itself drops raw HTML (tests/core/hub/outline.test.ts), so
    // only a few sections still carry markup-like text to check here (3 on the shared hubs); at
    // least one must be checked, or this test would pass by checking nothing.
    expect(checked).toBeGreaterThan(0);
  });
});
