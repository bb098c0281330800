/**
 * Endpoint hits open the right operation: their doc path is the spec and their slug is the
 * operation slug the API reference (hub.spec) anchors, for every operation of the bundled hub.
 * Search indexes the OpenAPI models the hub loaded: each spec is read and parsed once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/backend/context';
import { HubService } from '../../../src/backend/hub/hubService';
import type { ParseJob } from '../../../src/backend/hub/parseJob';
import { type DocParser, inProcessParser } from '../../../src/backend/hub/parsePool';
import { silentLogger } from '../../../src/backend/logger';
import { SearchService } from '../../../src/backend/search/searchService';
import { endpointEntry } from '../../../src/core/search/entries';

const bundled = path.resolve(import.meta.dirname, '../../../resources/hub');
/** Spec jobs by path: each carries the bytes read from the file, so this counts reads and parses. */
const specJobs = new Map<string, number>();
const counting: DocParser = {
  run: (job: ParseJob) => {
    if (job.kind === 'spec') {
      specJobs.set(job.path, (specJobs.get(job.path) ?? 0) + 1);
    }
    return inProcessParser.run(job);
  },
  close: () => Promise.resolve(),
};
let dataDir: string;
let hub: HubService;
let service: SearchService;
/** Spec jobs once the index was built (the tests below read specs again through hub.spec). */
let jobsWhenIndexed: Map<string, number>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-endpoints-'));
  hub = await HubService.open(bundled, true, counting);
  const ctx = new BackendContext({ bundledHub: bundled, dataDir, host: 'web', version: 'test', logger: silentLogger, openExternal: null }, hub);
  service = SearchService.start(ctx);
  await service.whenIdle();
  jobsWhenIndexed = new Map(specJobs);
});

afterAll(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('endpoint hits', () => {
  it('come from specs read and parsed once, by the hub', () => {
    const specs = [...hub.specTitles().keys()];
    expect(specs.length).toBeGreaterThan(0);
    expect(service.getStatus().phase).toBe('ready');
    expect(Object.fromEntries(jobsWhenIndexed)).toEqual(Object.fromEntries(specs.map((p) => [p, 1])));
    // The spec overviews are indexed from those models too.
    const spec = hub.loadedSpecs()[0]!;
    const hits = service.query(spec.title, { filters: { kinds: ['endpoint'] }, limit: 500, prefix: false }).hits;
    expect(hits.map((h) => h.key)).toContain(`spec:${spec.path}`);
  });

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
