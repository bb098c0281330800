/**
 * Search indexes the OpenAPI models the hub loaded: building the bundled hub's index reads and
 * parses each spec once (the hub's load), not a second time for its overview and tag entries.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/backend/context';
import type { ParseJob } from '../../../src/backend/hub/parseJob';
import { type DocParser, inProcessParser } from '../../../src/backend/hub/parsePool';
import { HubService } from '../../../src/backend/hub/hubService';
import { silentLogger } from '../../../src/backend/logger';
import { SearchService } from '../../../src/backend/search/searchService';

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

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-spec-once-'));
  hub = await HubService.open(bundled, true, counting);
  const ctx = new BackendContext({ bundledHub: bundled, dataDir, host: 'web', version: 'test', logger: silentLogger, openExternal: null }, hub);
  service = SearchService.start(ctx);
  await service.whenIdle();
});

afterAll(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('search over the bundled hub', () => {
  it('reads and parses each OpenAPI spec once', () => {
    const specs = [...hub.specTitles().keys()];
    expect(specs.length).toBeGreaterThan(0);
    expect(service.getStatus().phase).toBe('ready');
    for (const specPath of specs) {
      expect(specJobs.get(specPath), specPath).toBe(1);
    }
  });

  it('still finds endpoints and the spec overviews', () => {
    const [op] = hub.endpointTopics();
    expect(op).toBeDefined();
    const hit = service
      .query(`${op!.method} ${op!.path}`, { filters: { kinds: ['endpoint'] }, limit: 50, prefix: false })
      .hits.find((h) => h.topicId === op!.id);
    expect(hit).toMatchObject({ kind: 'endpoint', docPath: op!.specPath });
    const spec = hub.loadedSpecs()[0]!;
    const hits = service.query(spec.title, { filters: { kinds: ['endpoint'] }, limit: 500, prefix: false }).hits;
    expect(hits.map((h) => h.key)).toContain(`spec:${spec.path}`);
  });
});
