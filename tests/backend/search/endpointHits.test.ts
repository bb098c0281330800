/**
 * Endpoint hits open the right operation: their doc path is the spec and their slug is the
 * operation slug the API reference (hub.spec) anchors, for every operation of the bundled hub.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/backend/context';
import { HubService } from '../../../src/backend/hub/hubService';
import { silentLogger } from '../../../src/backend/logger';
import { SearchService } from '../../../src/backend/search/searchService';
import { endpointEntry } from '../../../src/core/search/entries';

const bundled = path.resolve(import.meta.dirname, '../../../resources/hub');
let dataDir: string;
let hub: HubService;
let service: SearchService;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-endpoints-'));
  hub = await HubService.open(bundled, true);
  const ctx = new BackendContext({ bundledHub: bundled, dataDir, host: 'web', version: 'test', logger: silentLogger, openExternal: null }, hub);
  service = SearchService.start(ctx);
  await service.whenIdle();
});

afterAll(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('endpoint hits', () => {
  it('carry the spec path and the API reference slug of their operation', async () => {
    const specs = [...hub.specTitles().keys()];
    expect(specs.length).toBeGreaterThan(0);
    let checked = 0;
    for (const specPath of specs) {
      const { spec } = await hub.spec(specPath);
      for (const op of spec.operations) {
        const q = `${op.topic.method} ${op.topic.path} ${op.topic.operationId ?? ''}`;
        const hits = service.query(q, { filters: { kinds: ['endpoint'] }, limit: 500, prefix: false }).hits;
        const hit = hits.find((h) => h.topicId === op.topic.id);
        expect(hit, `${q} finds its operation`).toBeDefined();
        expect(hit).toMatchObject({ kind: 'endpoint', docPath: specPath, slug: op.slug, docTitle: spec.title });
        checked++;
      }
    }
    expect(checked).toBe(hub.endpointTopics().length);
  });

  it('take the slug after the spec path even when the path holds a #', () => {
    const entry = endpointEntry(
      { id: 'api#v2/openapi.yml#list-books', specPath: 'api#v2/openapi.yml', method: 'GET', path: '/books', operationId: 'listBooks', summary: '', description: '', tags: [] },
      'Books',
    );
    expect(entry).toMatchObject({ docPath: 'api#v2/openapi.yml', slug: 'list-books', topicId: 'api#v2/openapi.yml#list-books' });
  });
});
