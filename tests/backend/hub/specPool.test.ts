import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HubTreeNode } from '../../../src/core/hub/types';
import { HubService } from '../../../src/backend/hub/hubService';
import { type DocParser, ParsePool } from '../../../src/backend/hub/parsePool';
import { silentLogger } from '../../../src/backend/logger';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/openapi');
const SLOW = 'api/slow.yaml';
let base = '';
const pools: ParsePool[] = [];

function specPaths(hub: HubService): string[] {
  const flatten = (nodes: HubTreeNode[]): HubTreeNode[] => nodes.flatMap((n) => (n.kind === 'folder' ? [n, ...flatten(n.children)] : [n]));
  return flatten(hub.overview().tree)
    .filter((n) => n.kind === 'spec')
    .map((n) => n.path)
    .sort();
}

/** A large but valid spec: many operations, each with parameters and a response schema. */
function bigSpec(operations: number): string {
  const lines = ['openapi: 3.1.0', 'info:', '  title: Slow', '  version: "1"', 'paths:'];
  for (let i = 0; i < operations; i++) {
    lines.push(
      `  /items${i}/{id}:`,
      '    get:',
      `      operationId: getItem${i}`,
      `      summary: Item ${i}`,
      '      parameters:',
      '        - { name: id, in: path, required: true, schema: { type: string } }',
      '      responses:',
      '        "200":',
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema: { type: object, properties: { id: { type: string }, n: { type: integer } } }',
    );
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'nexus-spec-pool-'));
  await mkdir(path.join(base, 'api'), { recursive: true });
  await writeFile(path.join(base, 'README.md'), '# Hub\n\nSee [the events API](api/events.yaml).\n');
  for (const [from, to] of [
    ['openapi31.yaml', 'api/events.yaml'],
    ['swagger2.yaml', 'api/pets.yml'],
    ['openapi30.json', 'api/v30.json'],
    ['refs.yaml', 'api/refs.yaml'],
    ['yaml-in-json.json', 'api/ping.json'],
    ['decoy-swagger-key.json', 'config.json'],
    ['alias-bomb.yaml', 'api/bomb.yaml'],
    ['deep-nesting.yaml', 'api/deep.yaml'],
  ] as const) {
    await copyFile(path.join(fixtures, from), path.join(base, to));
  }
  await writeFile(path.join(base, SLOW), bigSpec(2000));
});

afterAll(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  await rm(base, { recursive: true, force: true });
});

describe('specs read through the parse pool', () => {
  test('a pool with one worker reads specs exactly as in-process', async () => {
    const pool = new ParsePool(silentLogger, 60_000, 1);
    pools.push(pool);
    const viaPool = await HubService.open(base, false, pool);
    const inProcess = await HubService.open(base, false);

    expect(specPaths(inProcess)).toEqual(['api/events.yaml', 'api/pets.yml', 'api/ping.json', 'api/refs.yaml', SLOW, 'api/v30.json']);
    expect(viaPool.overview()).toEqual(inProcess.overview());
    expect(viaPool.endpointTopics()).toEqual(inProcess.endpointTopics());
    const problems = viaPool.overview().problems.filter((p) => p.code === 'invalid-spec');
    expect(problems.map((p) => p.path).sort()).toEqual(['api/bomb.yaml', 'api/deep.yaml']);

    for (const spec of ['api/events.yaml', 'api/pets.yml', 'api/refs.yaml', 'api/v30.json']) {
      const [a, b] = await Promise.all([viaPool.spec(spec), inProcess.spec(spec)]);
      expect(a.spec.operations.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
  });

  test('a spec over the time limit becomes a parse-timeout problem; the rest of the hub loads', async () => {
    // The slow spec goes to a pool whose limit no job can meet; everything else to a normal pool.
    const strict = new ParsePool(silentLogger, 1, 1);
    const normal = new ParsePool(silentLogger, 60_000, 1);
    pools.push(strict, normal);
    const routed: DocParser = {
      run: (job) => (job.path === SLOW ? strict : normal).run(job),
      close: async () => {},
    };
    const hub = await HubService.open(base, false, routed);

    const timeouts = hub.overview().problems.filter((p) => p.code === 'parse-timeout');
    expect(timeouts).toEqual([expect.objectContaining({ path: SLOW, severity: 'error' })]);
    expect(specPaths(hub)).toEqual(['api/events.yaml', 'api/pets.yml', 'api/ping.json', 'api/refs.yaml', 'api/v30.json']);
    expect(hub.endpointTopics().some((t) => t.specPath === SLOW)).toBe(false);
    expect(hub.endpointTopics().some((t) => t.id === 'api/pets.yml#createpet')).toBe(true);
    expect(hub.overview().docCount).toBe(1);
    await expect(hub.spec(SLOW)).rejects.toMatchObject({ code: 'not-found' });
    expect((await hub.spec('api/events.yaml')).spec.path).toBe('api/events.yaml');
  });
});
