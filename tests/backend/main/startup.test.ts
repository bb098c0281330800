/**
 * The Electron main process's start and quit paths, run for real (src/main/index.ts under tsx) with
 * `electron` resolved to a stub that reports dialogs, quit and exit on stdout (stubElectron.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { oddities } from '../hub/tempHub';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const register = path.join(import.meta.dirname, 'stubElectronRegister.ts');

type StubEvent = { event: string; [key: string]: unknown };
type Run = {
  proc: ChildProcess;
  events: StubEvent[];
  output: () => string;
  exited: Promise<number | null>;
  waitFor(event: string, timeoutMs?: number): Promise<StubEvent>;
};

function runMain(env: Record<string, string>): Run {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--import', register, 'src/main/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: StubEvent[] = [];
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer): void => {
    out += d.toString();
    for (const line of d.toString().split('\n')) {
      if (line.startsWith('STUB ')) {
        events.push(JSON.parse(line.slice(5)) as StubEvent);
      }
    }
    listeners.forEach((l) => l());
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    events,
    output: () => out,
    exited,
    waitFor: (event, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find((e) => e.event === event);
          if (found !== undefined) {
            listeners.delete(onEvent);
            clearTimeout(timer);
            resolve(found);
          }
          return found !== undefined;
        };
        const onEvent = (): void => void check();
        const timer = setTimeout(() => {
          listeners.delete(onEvent);
          reject(new Error(`no "${event}" within ${timeoutMs} ms; output:\n${out}`));
        }, timeoutMs);
        listeners.add(onEvent);
        void exited.then(() =>
          setTimeout(() => check() || (clearTimeout(timer), reject(new Error(`exited without "${event}"; output:\n${out}`))), 50),
        );
        check();
      }),
  };
}

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
