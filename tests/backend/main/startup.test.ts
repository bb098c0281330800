/**
 * The Electron main process's start and quit paths, run for real (src/main/index.ts under tsx) with
 * `electron` resolved to a stub that reports dialogs, quit and exit on stdout (stub/electron.mjs).
 * builtMain.test.ts runs the built output the same way.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { oddities } from '../hub/tempHub';
import { runMain as run } from './mainRun';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const runMain = (env: Record<string, string>) => run({ kind: 'source' }, env);

describe('Electron main process (stub electron)', () => {
  const dirs: string[] = [];
  const procs: ChildProcess[] = [];
  afterEach(async () => {
    for (const p of procs.splice(0)) {
      p.kill('SIGKILL');
    }
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  async function tempDir(): Promise<string> {
    const d = await mkdtemp(path.join(os.tmpdir(), 'nexus-main-'));
    dirs.push(d);
    return d;
  }

  it('when the retry on the bundled hub fails too: a dialog with the reason, then exit 1 (no silent hang)', async () => {
    const dataDir = await tempDir();
    const appPath = await tempDir(); // no resources/hub in it: the bundled hub is missing as well
    const run = runMain({ NEXUS_DATA_DIR: dataDir, NEXUS_HUB: path.join(dataDir, 'no-such-hub'), STUB_APP_PATH: appPath });
    procs.push(run.proc);
    const shown = await run.waitFor('showErrorBox');
    expect(shown['title']).toBe('Nexus Companion could not start');
    expect(String(shown['content'])).toMatch(/Cannot open .* as a hub/);
    expect(String(shown['content']).length).toBeLessThan(1000);
    expect(await run.exited).toBe(1);
    expect(run.events.find((e) => e.event === 'exit')).toMatchObject({ code: 1 });
    expect(existsSync(path.join(dataDir, 'study.json.lock'))).toBe(false);
  }, 90_000);

  it('a database failure is not blamed on the hub: the last hub is kept, the lock released, a dialog shown', async () => {
    const dataDir = await tempDir();
    await mkdir(path.join(dataDir, 'study.json')); // a folder where the database file should be
    const shell = { version: 1, windows: {}, lastHub: oddities, lastRoute: '#/read/x', theme: 'system' };
    await writeFile(path.join(dataDir, 'shell.json'), JSON.stringify(shell));
    const run = runMain({ NEXUS_DATA_DIR: dataDir, STUB_APP_PATH: repoRoot });
    procs.push(run.proc);
    const shown = await run.waitFor('showErrorBox');
    expect(String(shown['content'])).toMatch(/study database could not be opened/);
    expect(await run.exited).toBe(1);
    expect(run.events.some((e) => e.event === 'window')).toBe(false);
    expect(JSON.parse(await readFile(path.join(dataDir, 'shell.json'), 'utf8'))).toMatchObject({
      lastHub: oddities,
      lastRoute: '#/read/x',
    });
    expect(await readdir(dataDir)).not.toContain('study.json.lock');
  }, 90_000);

  it('SIGTERM quits like the menu: the backend is closed (lock released) and the process exits 0', async () => {
    const dataDir = await tempDir();
    const run = runMain({ NEXUS_DATA_DIR: dataDir, NEXUS_HUB: oddities, STUB_APP_PATH: repoRoot });
    procs.push(run.proc);
    await run.waitFor('window');
    expect(await readdir(dataDir)).toContain('study.json.lock');
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.events.map((e) => e.event)).toContain('quit');
    expect(run.events.some((e) => e.event === 'showMessageBoxSync')).toBe(false);
    expect(await readdir(dataDir)).not.toContain('study.json.lock');
  }, 90_000);
});
