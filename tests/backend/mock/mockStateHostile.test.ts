/** A state file in <data>/mock with the right outline but wrong insides starts over with a warning; no request crashes. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MockService } from '../../../src/backend/mock/mockService';

const SPEC = path.join(__dirname, '../../../resources/hub/api-specs/openapi.yml');
const SPEC_PATH = 'api-specs/openapi.yml';
const AUTH = { authorization: 'Bearer t' };

const DAMAGED: Record<string, unknown> = {
  'null and numbers among the items': { version: 1, seq: 0, collections: { '/categories/': { nextId: 1, items: [null, 5, 'x', []] } } },
  'a journal of junk': { version: 1, seq: 0, collections: {}, journal: [null, 5, { op: 3 }] },
  'a singleton that is a number': { version: 1, seq: 0, collections: {}, singletons: { '/customers/me/': 5 } },
  'an id counter that is not a whole number': { version: 1, seq: 0, collections: { '/categories/': { nextId: -3.5, items: [] } } },
};

describe('damaged mock state', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  for (const [name, state] of Object.entries(DAMAGED)) {
    it(`starts over from a state file with ${name}`, async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-mock-bad-'));
      dirs.push(dataDir);
      const warnings: string[] = [];
      const svc = new MockService({
        dataDir,
        hubKey: () => '/hubs/one',
        warn: (m) => warnings.push(m),
        source: async () => ({ source: await readFile(SPEC, 'utf8') }),
      });
      await mkdir(path.join(dataDir, 'mock'), { recursive: true });
      await writeFile(svc.stateFile(SPEC_PATH), JSON.stringify({ hub: '/hubs/one', spec: SPEC_PATH, state }));
      const list = await svc.send(SPEC_PATH, { method: 'GET', path: '/categories/', headers: AUTH });
      expect(list.response.body).toMatchObject({ count: 2 });
      const created = await svc.send(SPEC_PATH, { method: 'POST', path: '/categories/', headers: AUTH, body: '{"name":"Zed"}' });
      expect(created.response).toMatchObject({ status: 201, body: { id: 5, slug: 'zed' } });
      expect((await svc.send(SPEC_PATH, { method: 'GET', path: '/customers/me/', headers: AUTH })).response.body).toMatchObject({ id: 7 });
      expect((await svc.send(SPEC_PATH, { method: 'DELETE', path: '/categories/zed/', headers: AUTH })).response.status).toBe(204);
      await expect(svc.overview(SPEC_PATH)).resolves.toBeTruthy();
      expect(warnings.join()).toMatch(/damaged/);
    });
  }
});
