import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/core/api/events';
import { BackendContext } from '../../../src/backend/context';
import { HubService } from '../../../src/backend/hub/hubService';
import { silentLogger } from '../../../src/backend/logger';
import { SearchService } from '../../../src/backend/search/searchService';

let tmp: string;
let hubDir: string;
let dataDir: string;
const services: SearchService[] = [];

async function start(): Promise<{ service: SearchService; ctx: BackendContext; events: AppEvent[] }> {
  const hub = await HubService.open(hubDir, false);
  const ctx = new BackendContext({ bundledHub: hubDir, dataDir, host: 'web', version: 'test', logger: silentLogger, openExternal: null }, hub);
  const events: AppEvent[] = [];
  ctx.events.subscribe((e) => events.push(e));
  const service = SearchService.start(ctx);
  services.push(service);
  await service.whenIdle();
  return { service, ctx, events };
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nexus-search-'));
  hubDir = path.join(tmp, 'hub');
  dataDir = path.join(tmp, 'data');
  await mkdir(path.join(hubDir, 'docs'), { recursive: true });
  await writeFile(path.join(hubDir, 'docs/caching.md'), '# Caching\n\nUse Redis to cache query results.\n\n## Invalidation\n\nExpire keys on write.\n');
  await writeFile(path.join(hubDir, 'docs/auth.md'), '# Auth\n\n## Tokens\n\nJWT tokens carry claims.\n');
});

afterEach(async () => {
  for (const s of services.splice(0)) {
    await s.close();
  }
  await rm(tmp, { recursive: true, force: true });
});

describe('SearchService', () => {
  it('indexes the hub in the background, pushes progress and answers queries', async () => {
    const { service, events } = await start();
    expect(service.getStatus()).toMatchObject({ phase: 'ready', entries: 4, fromCache: false, reindexed: 4 });
    const progress = events.filter((e) => e.type === 'index.progress');
    expect(progress[0]).toMatchObject({ phase: 'indexing' });
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'ready', done: 4, total: 4 });
    const result = service.query('invalidation', {});
    expect(result.hits[0]).toMatchObject({ docPath: 'docs/caching.md', slug: 'invalidation', headingPath: ['Caching'], kind: 'section' });
    expect(result.hits[0]?.badges).toEqual({ done: null, hasNotes: null });
  });

  it('loads the cache on the next start and re-indexes only a changed doc', async () => {
    await start();
    expect(await readdir(path.join(dataDir, 'search'))).toHaveLength(1);
    const again = await start();
    expect(again.service.getStatus()).toMatchObject({ fromCache: true, reindexed: 0, entries: 4 });
    expect(again.service.query('redis', {}).hits[0]?.slug).toBe('caching');

    await writeFile(path.join(hubDir, 'docs/auth.md'), '# Auth\n\n## Sessions\n\nCookies hold a session id.\n');
    const changed = await start();
    expect(changed.service.getStatus()).toMatchObject({ fromCache: true, reindexed: 2, entries: 4 });
    expect(changed.service.query('cookies', {}).hits[0]?.slug).toBe('sessions');
    expect(changed.service.query('jwt', {}).hits).toHaveLength(0);
    expect(changed.service.query('redis', {}).hits[0]?.slug).toBe('caching');
  });

  it('ignores a corrupt cache and rebuilds', async () => {
    await start();
    const [file] = await readdir(path.join(dataDir, 'search'));
    await writeFile(path.join(dataDir, 'search', file!), '{not json');
    const { service } = await start();
    expect(service.getStatus()).toMatchObject({ fromCache: false, reindexed: 4 });
    expect(service.query('jwt', {}).hits[0]?.slug).toBe('tokens');
  });

  it('indexes notes as they are saved and deleted, with study badges', async () => {
    const { service, ctx } = await start();
    ctx.study = { progressOf: (id) => (id === 'docs/auth.md#tokens' ? 'done' : 'not-started'), hasNotes: (id) => id === 'docs/auth.md#tokens' };
    const note = { id: 'n1', topicId: 'docs/auth.md#tokens', title: 'Refresh rotation', body: 'Rotate refresh tokens on every use.', tags: ['security'], updatedAt: '2025-01-01T00:00:00Z' };
    ctx.notifyNotes({ kind: 'saved', note });
    const hit = service.query('rotation', {}).hits[0];
    expect(hit).toMatchObject({ kind: 'note', docPath: 'docs/auth.md', slug: 'tokens', badges: { done: true, hasNotes: true } });
    expect(service.query('tokens', { filters: { notDone: true } }).hits.map((h) => h.key)).not.toContain('docs/auth.md#tokens');
    ctx.notifyNotes({ kind: 'deleted', id: 'n1' });
    expect(service.query('rotation', {}).hits).toHaveLength(0);
    ctx.notifyNotes({ kind: 'reset', notes: [{ ...note, id: 'n2', title: 'Sliding sessions' }] });
    expect(service.query('sliding', {}).hits[0]?.key).toBe('note:n2');
  });

  it('rebuilds when another hub is opened', async () => {
    const { service, ctx } = await start();
    const other = path.join(tmp, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'README.md'), '# Kafka\n\nPartitions and consumer groups.\n');
    ctx.setHub(await HubService.open(other, false));
    await service.whenIdle();
    expect(service.query('partitions', {}).hits[0]?.docPath).toBe('README.md');
    expect(service.query('redis', {}).hits).toHaveLength(0);
  });
});
