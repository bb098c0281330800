/**
 * Search relevance on a real corpus: the FastAPI English docs with the judged queries of
 * ../shared/eval/queries-fastapi.tsv, through the real SearchService (relevance, not timing;
 * `npm run bench:search` measures speed). Run with `npm run test:corpora`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQueries, rankOf } from '../../bench/relevance';
import { BackendContext } from '../../src/backend/context';
import { HubService } from '../../src/backend/hub/hubService';
import { silentLogger } from '../../src/backend/logger';
import { SearchService } from '../../src/backend/search/searchService';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const docsEn = path.join(shared, 'corpora/large/fastapi__fastapi/docs/en');
const queriesFile = path.join(shared, 'eval/queries-fastapi.tsv');

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
