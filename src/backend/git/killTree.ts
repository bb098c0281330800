/**
 * Kills a child process and everything it started. git runs helpers (ssh, credential helpers,
 * remote-https) that a plain kill would leave running and holding the pipes open.
 */
import { type ChildProcess, spawn } from 'node:child_process';

/** How the tree is killed on each platform; a seam for tests. */
export type KillTreeDeps = {
  platform: NodeJS.Platform;
  /** process.kill. */
  kill: (pid: number, signal: NodeJS.Signals) => void;
  /** Runs a helper program and does not wait for it. */
  run: (file: string, args: string[]) => void;
};

const defaults: KillTreeDeps = {
  platform: process.platform,
  kill: (pid, signal) => process.kill(pid, signal),
  run: (file, args) => {
    const helper = spawn(file, args, { stdio: 'ignore', windowsHide: true, shell: false });
    helper.on('error', () => undefined);
    helper.unref();
  },
};

/**
 * Windows: `taskkill /PID <pid> /T /F` ends the process and its descendants (negative pids mean
 * nothing there). Elsewhere the child was spawned `detached`, so it leads its own process group:
 * SIGKILL the group. Either way the child itself is killed too, in case the tree kill failed.
 */
export function killTree(child: Pick<ChildProcess, 'pid' | 'kill'>, deps: KillTreeDeps = defaults): void {
  const pid = child.pid;
  if (pid !== undefined) {
    try {
      if (deps.platform === 'win32') {
        deps.run('taskkill', ['/PID', String(pid), '/T', '/F']);
      } else {
        deps.kill(-pid, 'SIGKILL');
      }
    } catch {
      // The group is already gone, or this platform refuses: the child is still killed below.
    }
  }
  try {
    child.kill('SIGKILL');
  } catch {
    // Already exited.
  }
}
