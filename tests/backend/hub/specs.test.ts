import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSchemas } from '../../../src/core/api/contract';
import type { HubTreeNode } from '../../../src/core/hub/types';
import { BackendContext } from '../../../src/backend/context';
import { HubService } from '../../../src/backend/hub/hubService';
import { createSpecHandlers } from '../../../src/backend/hub/specHandlers';
import { silentLogger } from '../../../src/backend/logger';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/openapi');
let base = '';
let hub: HubService;

function flatten(nodes: HubTreeNode[]): HubTreeNode[] {
  return nodes.flatMap((n) => (n.kind === 'folder' ? [n, ...flatten(n.children)] : [n]));
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'nexus-specs-'));
  await mkdir(path.join(base, 'api'), { recursive: true });
  await writeFile(path.join(base, 'README.md'), '# Hub\n\nText.\n');
  for (const [from, to] of [
    ['openapi31.yaml', 'api/events.yaml'],
    ['swagger2.yaml', 'api/pets.yml'],
    ['yaml-in-json.json', 'api/ping.json'],
    ['decoy-swagger-key.json', 'config.json'],
    ['alias-bomb.yaml', 'api/bomb.yaml'],
    ['deep-nesting.yaml', 'api/deep.yaml'],
    ['custom-tags.yaml', 'api/tags.yaml'],
    ['empty-paths.yaml', 'api/empty.yaml'],
  ] as const) {
    await copyFile(path.join(fixtures, from), path.join(base, to));
  }
  await writeFile(path.join(base, 'docker-compose.yml'), 'services:\n  db:\n    image: postgres\n');
  hub = await HubService.open(base, false);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('specs in a hub', () => {
  test('specs are found by content and listed in the tree; the decoy and other YAML are not', () => {
    const specs = flatten(hub.overview().tree).filter((n) => n.kind === 'spec');
    expect(specs.map((n) => n.path).sort()).toEqual(['api/empty.yaml', 'api/events.yaml', 'api/pets.yml', 'api/ping.json']);
  });

  test('hostile specs are per-file problems; the rest of the hub loads', () => {
    const problems = hub.overview().problems.filter((p) => p.code === 'invalid-spec');
    expect(problems.map((p) => p.path).sort()).toEqual(['api/bomb.yaml', 'api/deep.yaml', 'api/tags.yaml']);
    expect(problems.every((p) => p.severity === 'error' && p.message.length > 0)).toBe(true);
    expect(hub.overview().docCount).toBe(1);
  });

  test('endpoint topics cover every operation with <spec path>#<slug> ids', () => {
    const ids = hub.endpointTopics().map((t) => t.id);
    expect(ids).toContain('api/events.yaml#list_events');
    expect(ids).toContain('api/pets.yml#createpet');
    expect(ids).toContain('api/ping.json#ping');
    expect(ids.filter((id) => id.startsWith('api/empty.yaml'))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('hub.spec returns the normalised spec and the raw source; unknown paths are not-found', async () => {
    const ctx = new BackendContext(
      { bundledHub: base, dataDir: base, host: 'web', version: 't', logger: silentLogger, openExternal: null },
      hub,
    );
    const handlers = createSpecHandlers(ctx);
    const view = await handlers['hub.spec'](apiSchemas['hub.spec'].parse({ path: 'api/pets.yml' }));
    expect(view.spec.title).toBe('Pet Store (Swagger 2.0)');
    expect(view.source).toContain('swagger: "2.0"');
    await expect(handlers['hub.spec']({ path: 'config.json' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(handlers['hub.spec']({ path: '../etc/passwd' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
