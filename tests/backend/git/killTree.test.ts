import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitRunner } from '../../../src/backend/git/gitRunner';
import { type KillTreeDeps, killTree } from '../../../src/backend/git/killTree';

function recorder(platform: NodeJS.Platform) {
  const calls: string[] = [];
  const deps: KillTreeDeps = {
    platform,
    kill: (pid, signal) => calls.push(`kill ${pid} ${signal}`),
    run: (file, args) => calls.push([file, ...args].join(' ')),
  };
  const child = { pid: 4242, kill: (signal?: NodeJS.Signals | number) => calls.push(`child.kill ${String(signal)}`) > 0 };
  return { calls, deps, child };
}

/** Running or sleeping; a killed process is gone or a zombie nobody reaped yet (PID 1 in a container). */
function running(pid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    return /\) [RSD]/.test(stat);
  }
  return /^[RSD]/.test(spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
}

describe('killTree', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('on Windows ends the whole tree with taskkill /T /F (a negative pid means nothing there)', () => {
    const { calls, deps, child } = recorder('win32');
    killTree(child, deps);
    expect(calls).toEqual(['taskkill /PID 4242 /T /F', 'child.kill SIGKILL']);
  });

  it('on Linux and macOS kills the process group the detached child leads', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { calls, deps, child } = recorder(platform);
      killTree(child, deps);
      expect(calls).toEqual(['kill -4242 SIGKILL', 'child.kill SIGKILL']);
    }
  });

  it('still kills the child when the tree kill throws', () => {
    const { calls, deps, child } = recorder('linux');
    killTree(child, {
      ...deps,
      kill: () => {
        throw new Error('ESRCH');
      },
    });
    expect(calls).toEqual(['child.kill SIGKILL']);
  });

  it.skipIf(process.platform === 'win32')(
    'a git that times out is killed with what it started (a helper that ignores the pipes)',
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-kill-'));
      dirs.push(dir);
      const pidFile = path.join(dir, 'helper.pid');
      const fakeGit = path.join(dir, 'git');
      // A "git" that starts a long helper and waits for it, like git waiting on ssh.
      await writeFile(fakeGit, `#!/bin/sh\nsleep 60 </dev/null >/dev/null 2>&1 &\necho $! > '${pidFile}'\nwait\n`);
      await chmod(fakeGit, 0o755);
      const runner = new GitRunner({ gitPath: fakeGit });
      const started = Date.now();
      await expect(runner.run(['status'], { cwd: dir, timeoutMs: 500 })).rejects.toMatchObject({ code: 'timeout' });
      expect(Date.now() - started).toBeLessThan(10_000);
      const helper = Number(await readFile(pidFile, 'utf8'));
      expect(helper).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
      expect(running(helper)).toBe(false);
    },
    20_000,
  );
});
