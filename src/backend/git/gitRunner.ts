/**
 * The hardened runner around the system `git`: no shell, no prompts, ssh in batch mode, a timeout
 * on every command (the whole process group is killed), and the repo's own config neutralised
 * where it could run commands (fsmonitor, hooks, filters, merge drivers, upload/receive-pack).
 */
import { spawn } from 'node:child_process';
import { classifyLocal } from './classify';
import { SyncError, syncError } from './gitErrors';

/** Result of one git command; `raw` is stdout's bytes (blobs are decoded per file, not as UTF-8). */
export type GitResult = { code: number; stdout: string; stderr: string; raw: Buffer };

/** Options of one command. */
export type GitRunOptions = {
  /** Working directory (the connected repo). */
  cwd: string;
  /** Overrides the runner's default timeout (ms). */
  timeoutMs?: number;
  /** Text written to git's stdin. */
  input?: string;
  /** A temporary index file (GIT_INDEX_FILE), so the user's index is not touched. */
  indexFile?: string;
  /** Extra `-c key=value` settings for this command. */
  config?: readonly string[];
  /** Extra environment for this command (the fallback commit identity). */
  env?: Readonly<Record<string, string>>;
};

/** How the runner is built. */
export type GitRunnerOptions = {
  /** The git executable (default `git` from PATH). */
  gitPath?: string;
  /** Default timeout of local commands (ms). */
  localTimeoutMs?: number;
  /** Default timeout of network commands: fetch, push, clone, ls-remote (ms). */
  networkTimeoutMs?: number;
  /** Extra environment (tests pass GIT_AUTHOR_* and friends). */
  env?: Record<string, string>;
};

const MAX_OUTPUT = 64 * 1024 * 1024;
const NETWORK = new Set(['fetch', 'push', 'clone', 'ls-remote', 'pull']);

/** `-c` settings applied to every command: what a hostile repo config could use to run code. */
export const HARDENING: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.untrackedCache=false',
  'core.alternateRefsCommand=',
  'protocol.ext.allow=never',
  'protocol.file.allow=user',
  'gc.auto=0',
  'maintenance.auto=false',
  'fetch.recurseSubmodules=false',
  'submodule.recurse=false',
  'credential.interactive=never',
  'advice.detachedHead=false',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
];

/** Runs system git safely. One instance per repo; `neutralise` once before a sync. */
export class GitRunner {
  private readonly git: string;
  private readonly env: NodeJS.ProcessEnv;
  private extraConfig: string[] = [];

  constructor(private readonly options: GitRunnerOptions = {}) {
    this.git = options.gitPath ?? 'git';
    this.env = {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: 'echo',
      SSH_ASKPASS: 'echo',
      SSH_ASKPASS_REQUIRE: 'never',
      GCM_INTERACTIVE: 'never',
      GIT_SSH_COMMAND: process.env['GIT_SSH_COMMAND'] ?? 'ssh -oBatchMode=yes -oConnectTimeout=15',
      GIT_EDITOR: 'true',
      GIT_PAGER: 'cat',
      GIT_MERGE_AUTOEDIT: 'no',
      GIT_OPTIONAL_LOCKS: '0',
      LC_ALL: 'C',
      LANG: 'C',
      ...options.env,
    };
    // Never let the caller's environment point git at another repository.
    delete this.env['GIT_DIR'];
    delete this.env['GIT_WORK_TREE'];
    delete this.env['GIT_INDEX_FILE'];
    delete this.env['GIT_CONFIG_PARAMETERS'];
  }

  /**
   * Reads the repo's config for filters and merge drivers and disables each by name: a filter
   * runs a command on checkout/add, a merge driver during a merge.
   */
  async neutralise(cwd: string): Promise<void> {
    const r = await this.run(['config', '--name-only', '--get-regexp', '^(filter|merge|remote)\\.'], { cwd });
    const extra = new Set<string>();
    for (const key of r.stdout.split('\n')) {
      const m = /^(filter|merge|remote)\.(.+)\.([^.]+)$/.exec(key.trim());
      if (m === null) {
        continue;
      }
      const [, section, name] = m;
      if (section === 'filter') {
        for (const k of ['clean', 'smudge', 'process']) {
          extra.add(`filter.${name}.${k}=`);
        }
        extra.add(`filter.${name}.required=false`);
      } else if (section === 'merge') {
        extra.add(`merge.${name}.driver=false`);
      } else {
        extra.add(`remote.${name}.uploadpack=git-upload-pack`);
        extra.add(`remote.${name}.receivepack=git-receive-pack`);
      }
    }
    this.extraConfig = [...extra];
  }

  /** Runs `git <args>`; resolves with the exit code (non-zero is not an error here). */
  run(args: readonly string[], opts: GitRunOptions): Promise<GitResult> {
    const timeout = opts.timeoutMs ?? (NETWORK.has(args[0] ?? '') ? (this.options.networkTimeoutMs ?? 60_000) : (this.options.localTimeoutMs ?? 20_000));
    const config = [...HARDENING, ...this.extraConfig, ...(opts.config ?? [])].flatMap((c) => ['-c', c]);
    const env = { ...this.env, ...opts.env, ...(opts.indexFile !== undefined ? { GIT_INDEX_FILE: opts.indexFile } : {}) };
    return new Promise((resolve, reject) => {
      let child;
      try {
        child = spawn(this.git, [...config, ...args], { cwd: opts.cwd, env, shell: false, detached: true, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      } catch (e) {
        reject(toSpawnError(e));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      let timedOut = false;
      const killGroup = (): void => {
        try {
          if (child.pid !== undefined) {
            process.kill(-child.pid, 'SIGKILL');
          }
        } catch {
          child.kill('SIGKILL');
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
      }, timeout);
      child.stdout.on('data', (d: Buffer) => {
        size += d.length;
        if (size > MAX_OUTPUT) {
          killGroup();
        } else {
          out.push(d);
        }
      });
      child.stderr.on('data', (d: Buffer) => {
        if (err.length < 1000) {
          err.push(d);
        }
      });
      child.stdin.on('error', () => undefined);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(toSpawnError(e));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (timedOut) {
          reject(new SyncError('timeout', `${syncError('timeout').message} (git ${args[0] ?? ''} took longer than ${Math.round(timeout / 1000)} s)`, `git ${args[0] ?? ''}`));
          return;
        }
        const raw = Buffer.concat(out);
        resolve({ code: code ?? -1, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
      });
      child.stdin.end(opts.input ?? '');
    });
  }

  /** Runs and requires exit 0; otherwise throws `git-failed` with git's first error line. */
  async ok(args: readonly string[], opts: GitRunOptions): Promise<string> {
    const r = await this.run(args, opts);
    if (r.code !== 0) {
      throw classifyLocal(args, r);
    }
    return r.stdout;
  }
}

function toSpawnError(e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? syncError('git-missing') : e instanceof Error ? e : new Error(String(e));
}
