/**
 * The BUILT main process (`electron-vite build`), run on Node with the stub electron from a folder
 * laid out like the installed app: resources/app/{package.json,out} and resources/hub, with no
 * node_modules anywhere. This is what electron-builder packs, so it shows the bundle is complete,
 * the worker loads from out/main, and start-up, the protocol, IPC and the guards behave.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WORKERS_UNAVAILABLE } from '../../../src/backend/hub/parsePool';
import { apiMethods } from '../../../src/core/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../src/core/security/csp';
import { oddities } from '../hub/tempHub';
import { type MainRun, type StubEvent, runMain } from './mainRun';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const appFrame = 'app://nexus/index.html#/read/README.md';
const expectedChannels = apiMethods.map((m) => `nexus:${m}`).sort();

type Layout = { resources: string; app: string; indexJs: string };

/** Copies the build into `<dir>/resources/app` beside a bundled hub, as an installed app has it. */
async function installTo(dir: string, build: string): Promise<Layout> {
  const resources = path.join(dir, 'resources');
  const app = path.join(resources, 'app');
  await mkdir(app, { recursive: true });
  await cp(build, path.join(app, 'out'), { recursive: true });
  await cp(path.join(repoRoot, 'package.json'), path.join(app, 'package.json'));
  await cp(oddities, path.join(resources, 'hub'), { recursive: true, verbatimSymlinks: true });
  return { resources, app, indexJs: path.join(app, 'out/main/index.js') };
}

type AstNode = { type: string; [key: string]: unknown };

/** Every module a built file loads (static and dynamic imports, re-exports, require), from its AST: strings and comments do not count. */
function specifiersOf(code: string, sourceType: 'module' | 'script'): string[] {
  const found = new Set<string>();
  const literal = (n: unknown): string | null => {
    const node = n as AstNode | null;
    return node?.type === 'Literal' && typeof node['value'] === 'string' ? node['value'] : null;
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null || typeof (value as AstNode).type !== 'string') {
      return;
    }
    const node = value as AstNode;
    if (
      ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].includes(node.type) &&
      node['source'] !== null
    ) {
      found.add(literal(node['source']) ?? '<computed>');
    }
    if (
      node.type === 'CallExpression' &&
      (node['callee'] as AstNode).type === 'Identifier' &&
      (node['callee'] as { name: string }).name === 'require'
    ) {
      found.add(literal((node['arguments'] as unknown[])[0]) ?? '<computed>');
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'type') {
        visit(child);
      }
    }
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType }));
  return [...found];
}

describe('built main process (stub electron, installed layout, no node_modules)', () => {
  let root: string;
  let build: string;
  const runs: MainRun[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'nexus-built-'));
    build = path.join(root, 'build');
    // Its own output folder: other work in this checkout may be rebuilding out/ meanwhile.
    const res = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', build, '--logLevel', 'error'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(res.status, res.stderr + res.stdout).toBe(0);
  }, 180_000);
  afterEach(() => {
    for (const run of runs.splice(0)) {
      run.proc.kill('SIGKILL');
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const start = (layout: Layout, env: Record<string, string>): MainRun => {
    const run = runMain({ kind: 'built', indexJs: layout.indexJs }, env);
    runs.push(run);
    return run;
  };
  const invoke = async (
    run: MainRun,
    channel: string,
    args: unknown = {},
    frameUrl = appFrame,
    subframe = false,
  ): Promise<Record<string, unknown>> =>
    (await run.ask({ cmd: 'invoke', channel, args, frameUrl, subframe }, 'ipc.result'))['result'] as Record<string, unknown>;
  /** The hub overview once every doc is read (the app opens progressively: `parsing` is null when done). */
  const settledOverview = async (run: MainRun): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 600; i++) {
      const overview = await invoke(run, 'nexus:hub.overview');
      if (((overview['value'] as { parsing?: unknown } | undefined)?.parsing ?? null) === null) {
        return overview;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the hub was still being read after 60 s');
  };

  it('imports nothing but electron and node: built-ins; the preload requires only electron', () => {
    const main = path.join(build, 'main');
    const files = readdirSync(main, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain('parseWorker.js');
    const bare = files
      .flatMap((f) => specifiersOf(readFileSync(path.join(main, f), 'utf8'), 'module'))
      .filter((s) => !s.startsWith('./') && !s.startsWith('node:'));
    expect([...new Set(bare)]).toEqual(['electron']);
    const preload = specifiersOf(readFileSync(path.join(build, 'preload/index.cjs'), 'utf8'), 'script');
    expect(preload).toEqual(['electron']);
  });

  it('the built preload exposes one function per StudyApi method, each invoking its own channel (parity with what main registers)', () => {
    const exposed = new Map<string, unknown>();
    const invoked: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (channel: string) => {
          invoked.push(channel);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    const requireInSandbox = (id: string): unknown => {
      if (id !== 'electron') {
        throw new Error(`a sandboxed preload cannot require ${id}`);
      }
      return fakeElectron;
    };
    runInNewContext(readFileSync(path.join(build, 'preload/index.cjs'), 'utf8'), {
      require: requireInSandbox,
      module,
      exports: module.exports,
    });
    const nexus = exposed.get('nexus') as Record<string, (args: unknown) => Promise<unknown>>;
    expect(Object.keys(nexus).sort()).toEqual([...apiMethods].sort());
    for (const method of Object.keys(nexus)) {
      void nexus[method]?.({});
    }
    expect(invoked.sort()).toEqual(expectedChannels);
  });

  it('packaged: starts from the installed layout, parses the bundled hub in the built worker, serves app:// with 404s, and registers exactly the StudyApi channels', async () => {
    const layout = await installTo(path.join(root, 'packaged'), build);
    const dataDir = path.join(root, 'packaged-data');
    // A dev server URL must be ignored by a packaged app.
    const run = start(layout, {
      STUB_PACKAGED: '1',
      STUB_RESOURCES_PATH: layout.resources,
      NEXUS_DATA_DIR: dataDir,
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
    });
    const loaded = await run.waitFor('loadURL');
    expect(loaded['url']).toBe('app://nexus/index.html');
    expect(run.events[0]?.event).toBe('app.requestSingleInstanceLock');
    expect(run.events.find((e) => e.event === 'protocol.registerSchemesAsPrivileged')?.['schemes']).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(run.events.some((e) => e.event === 'webRequest.onHeadersReceived')).toBe(false);

    const channels = run.events.filter((e) => e.event === 'ipcMain.handle').map((e) => String(e['channel']));
    expect(channels.sort()).toEqual(expectedChannels);

    const win = run.events.find((e) => e.event === 'window') as StubEvent & { webPreferences: Record<string, unknown> };
    expect(win.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.webPreferences['preload']).toBe(path.join(layout.app, 'out/preload/index.cjs'));
    expect(existsSync(String(win.webPreferences['preload']))).toBe(true);

    const page = await run.ask({ cmd: 'protocol', url: 'app://nexus/index.html' }, 'protocol.response');
    expect(page).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(String(page['body'])).toMatch(/<!doctype html>/i);
    for (const url of [
      'app://nexus/assets/missing.js',
      'app://nexus/%E0%A4%A',
      'app://nexus/..%2F..%2Fpackage.json',
      'app://nexus/assets',
    ]) {
      expect(await run.ask({ cmd: 'protocol', url }, 'protocol.response'), url).toMatchObject({
        status: 404,
        csp: CONTENT_SECURITY_POLICY,
      });
    }

    const overview = await settledOverview(run);
    expect(overview).toMatchObject({ ok: true, value: { bundled: true, parsing: null } });
    const value = overview['value'] as { docCount: number; problems: unknown[] };
    expect(value.docCount).toBeGreaterThan(2);
    expect(value.problems).not.toContainEqual(WORKERS_UNAVAILABLE);
    const doc = await invoke(run, 'nexus:hub.doc', { path: 'docs/guide.md' });
    expect(doc).toMatchObject({ ok: true, value: { path: 'docs/guide.md' } });
    expect(await invoke(run, 'nexus:hub.doc', { path: 42 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    const log = await readFile(path.join(dataDir, 'nexus.log'), 'utf8');
    expect(log).not.toMatch(/parse worker/);

    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 120_000);

  it('IPC answers only the app top frame; guards keep the window on app:// and send http(s) to the browser', async () => {
    const layout = await installTo(path.join(root, 'guards'), build);
    const run = start(layout, {
      STUB_PACKAGED: '1',
      STUB_RESOURCES_PATH: layout.resources,
      NEXUS_DATA_DIR: path.join(root, 'guards-data'),
    });
    await run.waitFor('loadURL');
    for (const [frameUrl, subframe] of [
      ['https://evil.example/', false],
      ['app://nexus/index.html', true],
      ['http://localhost:5173/index.html', false],
      ['file:///index.html', false],
    ] as const) {
      expect(await invoke(run, 'nexus:app.info', {}, frameUrl, subframe), frameUrl).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await invoke(run, 'nexus:app.info')).toMatchObject({ ok: true });

    expect(await run.ask({ cmd: 'navigate', url: 'app://nexus/index.html#/dashboard' }, 'navigate.result')).toMatchObject({
      prevented: false,
    });
    expect(await run.ask({ cmd: 'navigate', url: 'https://example.com/docs' }, 'navigate.result')).toMatchObject({ prevented: true });
    await run.waitFor('shell.openExternal', (e) => e['url'] === 'https://example.com/docs');
    expect(await run.ask({ cmd: 'navigate', url: 'file:///etc/passwd' }, 'navigate.result')).toMatchObject({ prevented: true });
    expect(await run.ask({ cmd: 'windowOpen', url: 'https://example.com/' }, 'windowOpen.result')).toMatchObject({ action: 'deny' });
    expect(await run.ask({ cmd: 'request', url: 'app://nexus/assets/index.js' }, 'request.result')).toMatchObject({ cancel: false });
    expect(await run.ask({ cmd: 'request', url: 'https://tracker.example/p.png' }, 'request.result')).toMatchObject({ cancel: true });
    expect(await run.ask({ cmd: 'request', url: 'http://localhost:5173/src/main.tsx' }, 'request.result')).toMatchObject({ cancel: true });
  }, 120_000);

  it('a second instance takes the lock first and exits 0 without creating the data folder, the log or shell.json', async () => {
    const layout = await installTo(path.join(root, 'second'), build);
    const dataDir = path.join(root, 'second-data');
    const run = start(layout, { STUB_LOCK: 'taken', STUB_PACKAGED: '1', STUB_RESOURCES_PATH: layout.resources, NEXUS_DATA_DIR: dataDir });
    expect(await run.exited).toBe(0);
    expect(run.events.map((e) => e.event)).toEqual(['app.requestSingleInstanceLock', 'exit']);
    expect(run.events.at(-1)).toMatchObject({ code: 0 });
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('dev mode (not packaged, ELECTRON_RENDERER_URL): loads the dev server; its pages get the app CSP plus hot reload; IPC, navigation and requests open for that origin only', async () => {
    const layout = await installTo(path.join(root, 'dev'), build);
    const dev = 'http://localhost:5173';
    // Unpackaged, the bundled hub is <app path>/resources/hub.
    const run = start(layout, {
      STUB_APP_PATH: path.dirname(layout.resources),
      NEXUS_DATA_DIR: path.join(root, 'dev-data'),
      ELECTRON_RENDERER_URL: `${dev}/`,
    });
    expect((await run.waitFor('loadURL'))['url']).toBe(`${dev}/index.html`);
    const headers = await run.ask({ cmd: 'headers', url: `${dev}/index.html` }, 'headers.result');
    expect(String(headers['csp'])).toContain("connect-src 'self' ws://localhost:5173");
    expect(String(headers['csp'])).toContain("img-src 'self' data:");
    expect((await run.ask({ cmd: 'headers', url: 'https://example.com/' }, 'headers.result'))['csp']).toBeNull();
    expect(await invoke(run, 'nexus:app.info', {}, `${dev}/index.html#/read/x`)).toMatchObject({ ok: true });
    expect(await invoke(run, 'nexus:app.info', {}, 'http://localhost:5174/index.html')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await run.ask({ cmd: 'navigate', url: `${dev}/index.html#/dashboard` }, 'navigate.result')).toMatchObject({ prevented: false });
    expect(await run.ask({ cmd: 'request', url: 'ws://localhost:5173/?token=t' }, 'request.result')).toMatchObject({ cancel: false });
    expect(await run.ask({ cmd: 'request', url: 'http://localhost:8080/' }, 'request.result')).toMatchObject({ cancel: true });
  }, 120_000);

  it('a parse worker that fails to load: a few respawns with backoff, then in-process parsing and a problem the learner sees', async () => {
    const layout = await installTo(path.join(root, 'broken'), build);
    await writeFile(path.join(layout.app, 'out/main/parseWorker.js'), "throw new Error('this build lost its parser');\n");
    const dataDir = path.join(root, 'broken-data');
    const run = start(layout, { STUB_PACKAGED: '1', STUB_RESOURCES_PATH: layout.resources, NEXUS_DATA_DIR: dataDir });
    await run.waitFor('loadURL');
    const overview = await settledOverview(run);
    const value = overview['value'] as { docCount: number; problems: unknown[] };
    expect(value.docCount).toBeGreaterThan(2);
    expect(value.problems).toContainEqual(WORKERS_UNAVAILABLE);
    expect(await invoke(run, 'nexus:hub.doc', { path: 'docs/guide.md' })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1000));
    const log = (await readFile(path.join(dataDir, 'nexus.log'), 'utf8')).split('\n');
    const retries = log.filter((l) => l.includes('failed to load; retrying'));
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.length).toBeLessThan(3);
    expect(log.filter((l) => l.includes('parsing in-process from now on'))).toHaveLength(1);
    expect(log.join('\n')).toContain('this build lost its parser');
  }, 120_000);
});
