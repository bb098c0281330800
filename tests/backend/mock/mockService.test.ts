import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { MockService } from '../../../src/backend/mock/mockService';
import { dispatch } from '../../../src/core/api/dispatch';
import { ApiError } from '../../../src/core/api/result';

const SPEC = path.join(__dirname, '../../../resources/hub/api-specs/openapi.yml');
const SPEC_PATH = 'api-specs/openapi.yml';
const AUTH = { authorization: 'Bearer t' };

describe('MockService', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function service(hub = '/hubs/one', warnings: string[] = []): Promise<{ svc: MockService; dataDir: string }> {
    const dataDir = dirs[0] ?? (await mkdtemp(path.join(os.tmpdir(), 'nexus-mock-')));
    if (dirs.length === 0) {
      dirs.push(dataDir);
    }
    const svc = new MockService({
      dataDir,
      hubKey: () => hub,
      now: () => new Date('2026-03-01T12:00:00Z'),
      warn: (m) => warnings.push(m),
      source: async (p) => {
        if (p !== SPEC_PATH) {
          throw new ApiError('not-found', `There is no OpenAPI spec ${p} in this hub.`);
        }
        return { source: await readFile(SPEC, 'utf8') };
      },
    });
    return { svc, dataDir };
  }

  it('keeps created resources in the data folder: a new service (a restart) still sees them', async () => {
    const { svc, dataDir } = await service();
    const created = await svc.send(SPEC_PATH, { method: 'POST', path: '/categories/', headers: AUTH, body: '{"name":"Board Games"}' });
    expect(created.response.status).toBe(201);
    expect(created.timingMs).toBeGreaterThanOrEqual(0);
    expect(created.problems).toEqual([]);
    const files = await readdir(path.join(dataDir, 'mock'));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(await readFile(path.join(dataDir, 'mock', files[0] ?? ''), 'utf8')) as {
      hub: string;
      spec: string;
      state: { collections: Record<string, { items: { slug: string }[] }> };
    };
    expect(saved.hub).toBe('/hubs/one');
    expect(saved.spec).toBe(SPEC_PATH);
    expect(saved.state.collections['/categories/']?.items.map((i) => i.slug)).toContain('board-games');

    const { svc: again } = await service();
    const read = await again.send(SPEC_PATH, { method: 'GET', path: '/categories/board-games/' });
    expect(read.response.body).toMatchObject({ id: 5, slug: 'board-games' });
  });

  it('reset forgets what was created (and says whether there was anything)', async () => {
    const { svc, dataDir } = await service();
    await svc.send(SPEC_PATH, { method: 'POST', path: '/categories/', headers: AUTH, body: '{"name":"Board Games"}' });
    expect(await svc.reset(SPEC_PATH)).toEqual({ path: SPEC_PATH, cleared: true });
    expect(await readdir(path.join(dataDir, 'mock'))).toEqual([]);
    expect((await svc.send(SPEC_PATH, { method: 'GET', path: '/categories/board-games/' })).response.status).toBe(404);
    expect((await svc.send(SPEC_PATH, { method: 'GET', path: '/categories/' })).response.body).toMatchObject({ count: 2 });
    expect(await svc.reset(SPEC_PATH)).toEqual({ path: SPEC_PATH, cleared: false });
  });

  it('does not write when nothing changed, keeps hubs apart, and serialises concurrent requests', async () => {
    const { svc, dataDir } = await service('/hubs/one');
    await svc.send(SPEC_PATH, { method: 'GET', path: '/categories/' });
    await svc.send(SPEC_PATH, { method: 'DELETE', path: '/categories/' });
    await expect(readdir(path.join(dataDir, 'mock'))).rejects.toMatchObject({ code: 'ENOENT' });

    const results = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((name) =>
        svc.send(SPEC_PATH, { method: 'POST', path: '/categories/', headers: AUTH, body: JSON.stringify({ name }) }),
      ),
    );
    expect(results.map((r) => (r.response.body as { id: number }).id).sort()).toEqual([5, 6, 7, 8, 9]);

    const { svc: other } = await service('/hubs/two');
    expect((await other.send(SPEC_PATH, { method: 'GET', path: '/categories/' })).response.body).toMatchObject({ count: 2 });
    expect((await svc.send(SPEC_PATH, { method: 'GET', path: '/categories/' })).response.body).toMatchObject({ count: 7 });
  });

  it('starts over from a damaged state file, with a warning', async () => {
    const warnings: string[] = [];
    const { svc, dataDir } = await service('/hubs/one', warnings);
    await mkdir(path.join(dataDir, 'mock'), { recursive: true });
    await writeFile(svc.stateFile(SPEC_PATH), '{ not json');
    const list = await svc.send(SPEC_PATH, { method: 'GET', path: '/categories/' });
    expect(list.response.body).toMatchObject({ count: 2 });
    expect(warnings.join()).toMatch(/damaged/);
  });

  it('a path that is not a spec of the hub is not-found', async () => {
    const { svc } = await service();
    await expect(svc.send('README.md', { method: 'GET', path: '/' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(svc.reset('README.md')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('mock.* through the contract', () => {
  let base = '';
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  /** A hub holding the bundled spec (and `extra` files), in a fresh temporary folder. */
  async function hubWithSpec(extra: Record<string, string> = {}): Promise<string> {
    base = await mkdtemp(path.join(os.tmpdir(), 'nexus-mock-api-'));
    const hub = path.join(base, 'hub');
    await mkdir(path.join(hub, 'api-specs'), { recursive: true });
    await writeFile(path.join(hub, 'README.md'), '# Hub\n');
    await copyFile(SPEC, path.join(hub, SPEC_PATH));
    for (const [file, content] of Object.entries(extra)) {
      await writeFile(path.join(hub, file), content);
    }
    return hub;
  }

  it('validates arguments, serves the hub spec, and keeps the state under the data folder, not the hub', async () => {
    const hub = await hubWithSpec();
    const dataDir = path.join(base, 'data');
    const backend = await createBackend({ bundledHub: hub, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
    try {
      const api = backend.api;
      const created = await dispatch(api, 'mock.send', {
        path: SPEC_PATH,
        request: { method: 'post', path: '/categories/', headers: AUTH, body: '{"name":"Toys"}' },
      });
      expect(created).toMatchObject({ ok: true, value: { response: { status: 201, body: { slug: 'toys' } } } });
      const bad = await dispatch(api, 'mock.send', {
        path: SPEC_PATH,
        request: { method: 'POST', path: '/products/', headers: AUTH, body: '{}' },
      });
      expect(bad).toMatchObject({ ok: true, value: { response: { status: 400 } } });
      expect(await dispatch(api, 'mock.send', { path: SPEC_PATH, request: { method: 'BREW', path: '/' } })).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
      expect(await dispatch(api, 'mock.send', { path: SPEC_PATH, request: { method: 'GET', path: 'no-slash' } })).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
      expect(await dispatch(api, 'mock.send', { path: 'README.md', request: { method: 'GET', path: '/' } })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      expect((await readdir(path.join(dataDir, 'mock'))).length).toBe(1);
      expect(await readdir(hub)).toEqual(['README.md', 'api-specs']);
      expect(await dispatch(api, 'mock.reset', { path: SPEC_PATH })).toEqual({ ok: true, value: { path: SPEC_PATH, cleared: true } });
      const after = await dispatch(api, 'mock.send', { path: SPEC_PATH, request: { method: 'GET', path: '/categories/toys/' } });
      expect(after).toMatchObject({ ok: true, value: { response: { status: 404 } } });
    } finally {
      await backend.close();
    }
  });

  it('an exercise step done in the mock counts as progress on its operation topic; the overview says why operations are not mocked', async () => {
    const hub = await hubWithSpec({
      'api-specs/odd.yml': [
        'openapi: 3.0.3',
        'info: { title: Odd, version: "1" }',
        'paths:',
        '  /csv:',
        '    get:',
        '      responses: { "200": { description: ok, content: { text/csv: { schema: { type: string } } } } }',
        '  /ext:',
        '    post:',
        '      requestBody: { content: { application/json: { schema: { $ref: "other.yml#/Thing" } } } }',
        '      responses: { "204": { description: ok } }',
      ].join('\n'),
    });
    const backend = await createBackend({
      bundledHub: hub,
      dataDir: path.join(base, 'data'),
      host: 'web',
      version: 't',
      logger: silentLogger,
      openExternal: null,
    });
    try {
      const api = backend.api;
      const send = async (method: 'GET' | 'POST', p: string, body = ''): Promise<{ status: number; stepsDone: string[] }> => {
        const res = await api['mock.send']({ path: SPEC_PATH, request: { method, path: p, headers: AUTH, body } });
        return { status: res.response.status, stepsDone: res.stepsDone };
      };
      const first = await send('POST', '/categories/', '{"name":"Board Games"}');
      expect(first.status).toBe(201);
      expect(first.stepsDone).toContain('Create a category');
      expect((await send('POST', '/products/', '{"name":"Chess","price":"20.00","stock":1,"category":"board-games"}')).stepsDone).toContain(
        'Add a product to it',
      );
      expect((await send('GET', '/products/?category=board-games')).stepsDone).toContain('List the products of the category');
      // Sending the same list again completes nothing new.
      expect((await send('GET', '/products/?category=board-games')).stepsDone).toEqual([]);
      const { progress } = await api['progress.get']({});
      expect(progress[`${SPEC_PATH}#listproducts`]?.state).toBe('done');
      expect(progress[`${SPEC_PATH}#createcategory`]?.state).toBe('done');
      // Not a step: no progress.
      expect(progress[`${SPEC_PATH}#deleteproduct`]).toBeUndefined();
      const overview = await api['mock.overview']({ path: SPEC_PATH });
      expect(overview.exercises.find((e) => e.id === 'catalogue')?.done).toBe(true);
      const { problems } = await api['mock.overview']({ path: 'api-specs/odd.yml' });
      expect(Object.keys(problems).sort()).toEqual(['get-csv', 'post-ext']);
      expect(problems['get-csv']?.join()).toMatch(/text\/csv; the mock answers JSON only/);
      expect(problems['post-ext']?.join()).toMatch(/other\.yml#\/Thing is in another file/);
    } finally {
      await backend.close();
    }
  });
});
