/** Two simulated machines (data folder + clone each) syncing through one bare repo. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BackendContext } from '../../../src/backend/context';
import { HubService } from '../../../src/backend/hub/hubService';
import { silentLogger } from '../../../src/backend/logger';
import { StudyService } from '../../../src/backend/study/studyService';
import { type SyncServiceOptions, SyncService } from '../../../src/backend/sync/syncService';

export const oddities = path.resolve(import.meta.dirname, '../../fixtures/hubs/oddities');

/** Git identity for commits: CI machines have no global config. */
export const IDENTITY = { GIT_AUTHOR_NAME: 'Test Learner', GIT_AUTHOR_EMAIL: 'learner@example.test', GIT_COMMITTER_NAME: 'Test Learner', GIT_COMMITTER_EMAIL: 'learner@example.test' };

/** Runs git for test setup (not through the app's runner). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], { cwd, env: { ...process.env, ...IDENTITY, GIT_TERMINAL_PROMPT: '0' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** One simulated machine. */
export type Machine = { name: string; dataDir: string; clone: string; ctx: BackendContext; study: StudyService; sync: SyncService; close(): Promise<void> };

/** A temp world with a bare remote seeded with one commit. */
export type World = { base: string; remote: string; machine(name: string, opts?: SyncServiceOptions & { clone?: boolean }): Promise<Machine>; dispose(): Promise<void> };

export async function world(): Promise<World> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-sync-'));
  const remote = path.join(base, 'remote.git');
  git(base, 'init', '-q', '--bare', remote);
  const seed = path.join(base, 'seed');
  git(base, 'clone', '-q', remote, seed);
  await mkdir(path.join(seed, 'docs'), { recursive: true });
  await writeFile(path.join(seed, 'README.md'), '# My hub\n');
  await writeFile(path.join(seed, 'docs', 'guide.md'), '# Guide\n\n## Setup\n\ntext\n');
  git(seed, 'add', '.');
  git(seed, 'commit', '-q', '-m', 'seed');
  git(seed, 'push', '-q', 'origin', 'HEAD:main');
  const machines: Machine[] = [];
  return {
    base,
    remote,
    machine: async (name, opts = {}) => {
      const dataDir = path.join(base, `${name}-data`);
      const clone = path.join(base, `${name}-repo`);
      if (opts.clone !== false) {
        git(base, 'clone', '-q', remote, clone);
      }
      await mkdir(dataDir, { recursive: true });
      const hub = await HubService.open(oddities, false);
      const ctx = new BackendContext({ bundledHub: oddities, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null }, hub);
      const study = await StudyService.open(ctx);
      const sync = await SyncService.open(ctx, study, { machine: name, ...opts, git: { env: IDENTITY, ...opts.git } });
      if (opts.clone !== false) {
        await sync.configure({ repoPath: clone, handle: 'ada' });
      }
      const m: Machine = {
        name,
        dataDir,
        clone,
        ctx,
        study,
        sync,
        close: async () => {
          await sync.close();
          await study.close();
        },
      };
      machines.push(m);
      return m;
    },
    dispose: async () => {
      for (const m of machines) {
        await m.close().catch(() => undefined);
      }
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** The files of `.nexus/ada/` at the remote's main. */
export function remoteFiles(remote: string): string[] {
  return git(remote, 'ls-tree', '-r', '--name-only', 'main', '--', '.nexus/').split('\n').filter((l) => l !== '');
}

/** A file's text at the remote's main. */
export function remoteText(remote: string, file: string): string {
  return git(remote, 'show', `main:${file}`);
}
