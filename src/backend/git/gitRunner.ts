/**
 * The hardened runner around the system `git`: no shell, no prompts, ssh in batch mode, a timeout
 * on every command (git and everything it started are killed, on Windows too), and the repo's own config kept from
 * running programs (docs/spec/sync.md "Hardened git"):
 * - fixed `-c` settings and environment variables that win over the repo's config for every
 *   command (hooks, fsmonitor, signing, editor, pager, askpass, ssh command);
 * - flags the runner adds after the subcommand so no caller can forget them: `--upload-pack` /
 *   `--receive-pack` on network commands (a `-c` override of these loses: git keeps the first
 *   value), `--no-textconv --no-ext-diff` on diff-family commands, `--no-verify-signatures`;
 * - per repo, `neutralise()` (configGuard.ts) overrides the filters, merge drivers, gpg programs and
 *   credential helpers the repo's config names, and refuses what cannot be overridden.
 */
import { spawn } from 'node:child_process';
import { type GitResult, classifyLocal } from './classify';
import { type ConfigGuard, parseConfigList, planGuard, unsafeConfigError } from './configGuard';
import { SyncError, syncError } from './gitErrors';
import { killTree } from './killTree';

export type { GitResult };

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

/** The program and arguments of one command, and the environment it runs with. */
export type GitCommandLine = { file: string; args: string[]; env: NodeJS.ProcessEnv };

const MAX_OUTPUT = 64 * 1024 * 1024;
const NETWORK = new Set(['fetch', 'push', 'clone', 'ls-remote', 'pull']);

/** `-c` settings applied to every command: what a hostile repo config could use to run code. */
export const HARDENING: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.untrackedCache=false',
  'core.askPass=',
  'core.useReplaceRefs=false',
  'protocol.ext.allow=never',
  'protocol.fd.allow=never',
  'protocol.file.allow=user',
  'gc.auto=0',
  'maintenance.auto=false',
  'fetch.recurseSubmodules=false',
  'submodule.recurse=false',
  // A submodule has a config of its own (filters...) that no guard of ours reads: never look inside.
  'diff.ignoreSubmodules=all',
  'status.submoduleSummary=false',
  'credential.interactive=never',
  'advice.detachedHead=false',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
  'push.gpgSign=false',
  'merge.verifySignatures=false',
  'log.showSignature=false',
];

const UPLOAD_PACK = '--upload-pack=git-upload-pack';
const RECEIVE_PACK = '--receive-pack=git-receive-pack';
const NO_DIFF_PROGRAMS = ['--no-textconv', '--no-ext-diff'];

/**
 * Flags added right after the subcommand. The repo's `remote.<name>.uploadpack/receivepack` name
 * the program run for the other side (locally for a path remote); git keeps their first value,
 * so only these flags win. Textconv and external diff drivers run only in diff output.
 */
export const SAFE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  fetch: [UPLOAD_PACK],
  pull: [UPLOAD_PACK, '--no-verify-signatures'],
  clone: [UPLOAD_PACK],
  'ls-remote': [UPLOAD_PACK],
  push: [RECEIVE_PACK],
  diff: NO_DIFF_PROGRAMS,
  'diff-tree': NO_DIFF_PROGRAMS,
  'diff-index': NO_DIFF_PROGRAMS,
  'diff-files': NO_DIFF_PROGRAMS,
  log: [...NO_DIFF_PROGRAMS, '--no-show-signature'],
  show: [...NO_DIFF_PROGRAMS, '--no-show-signature'],
  merge: ['--no-verify-signatures'],
};

/** Caller options that would undo SAFE_FLAGS (a later flag wins), per subcommand. */
const UNSAFE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  fetch: ['--upload-pack'],
  pull: ['--upload-pack', '--verify-signatures'],
  clone: ['--upload-pack', '-u'],
  'ls-remote': ['--upload-pack', '--exec'],
  push: ['--receive-pack', '--exec'],
  diff: ['--textconv', '--ext-diff'],
  'diff-tree': ['--textconv', '--ext-diff'],
  'diff-index': ['--textconv', '--ext-diff'],
  'diff-files': ['--textconv', '--ext-diff'],
  log: ['--textconv', '--ext-diff', '--show-signature'],
  show: ['--textconv', '--ext-diff', '--show-signature'],
  merge: ['--verify-signatures'],
};

/** The first caller option (before `--`) that names or abbreviates an unsafe one, if any. */
function unsafeOption(sub: string, args: readonly string[]): string | undefined {
  const unsafe = UNSAFE_OPTIONS[sub] ?? [];
  for (const a of args) {
    if (a === '--') {
      return undefined;
    }
    const name = a.split('=')[0] ?? a;
    // git accepts a unique prefix of a long option (`--upload=...`).
    if (
      unsafe.some((u) => name === u || (name.startsWith('--') && name.length > 4 && u.startsWith(name)) || (u === '-u' && /^-u/.test(a)))
    ) {
      return a;
    }
  }
  return undefined;
}

/** `-c key=value`, or `--config-env` for a key `-c` cannot express (a `=` in its subsection). */
function configArgs(key: string, value: string, env: Record<string, string>): string[] {
  if (!key.includes('=')) {
    return ['-c', `${key}=${value}`];
  }
  const name = `NEXUS_GIT_CONFIG_${Object.keys(env).length}`;
  env[name] = value;
  return [`--config-env=${key}=${name}`];
}

/** Runs system git safely. One instance per repo; `neutralise` before each sync. */
export class GitRunner {
  private readonly git: string;
  private readonly env: NodeJS.ProcessEnv;
  private guard: ConfigGuard = { overrides: [], neutralised: [], refused: [] };

  constructor(private readonly options: GitRunnerOptions = {}) {
    this.git = options.gitPath ?? 'git';
    this.env = {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      // Empty: no askpass program runs (and core.askPass is overridden too); git fails at once.
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      SSH_ASKPASS_REQUIRE: 'never',
      GCM_INTERACTIVE: 'never',
      // Wins over the repo's core.sshCommand.
      GIT_SSH_COMMAND: process.env['GIT_SSH_COMMAND'] ?? 'ssh -oBatchMode=yes -oConnectTimeout=15',
      // ":" and "cat" are special to git: no editor and no pager run. Both win over core.editor,
      // sequence.editor and core.pager; `--no-pager` also stops pager.<command>.
      GIT_EDITOR: ':',
      GIT_SEQUENCE_EDITOR: ':',
      GIT_PAGER: 'cat',
      PAGER: 'cat',
      GIT_MERGE_AUTOEDIT: 'no',
      GIT_OPTIONAL_LOCKS: '0',
      // refs/replace/* in the repo cannot swap the objects we read and write.
      GIT_NO_REPLACE_OBJECTS: '1',
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

  /** The guard in force (what the last `neutralise` found). */
  get currentGuard(): ConfigGuard {
    return this.guard;
  }

  /**
   * Reads the repo's whole config with scopes (includes and includeIf followed) and, from then
   * on, runs every command with the program-naming keys the repo sets overridden
   * (configGuard.ts). Throws SyncError `unsafe-config` naming the keys that cannot be: the sync
   * must not go on. Call it before each sync (Repo.preflight does).
   */
  async neutralise(cwd: string): Promise<ConfigGuard> {
    // Read without the previous repo's overrides, so they are not mistaken for the learner's.
    const r = await this.spawnGit(['config', '--list', '-z', '--show-scope', '--show-origin', '--includes'], { cwd }, false);
    if (r.code !== 0) {
      throw classifyLocal(['config'], r);
    }
    const guard = planGuard(parseConfigList(r.stdout));
    // Replaced in one step: a command running meanwhile has the old guard or the new one.
    this.guard = guard;
    if (guard.refused.length > 0) {
      throw unsafeConfigError(guard.refused);
    }
    return guard;
  }

  /**
   * The exact command line of `git <args>` (for tests and logs): `--no-pager`, the hardening and
   * the repo's guard as `-c`, the subcommand, then its SAFE_FLAGS, then the caller's arguments.
   */
  commandLine(args: readonly string[], opts: GitRunOptions, guarded = true): GitCommandLine {
    const [sub = '', ...rest] = args;
    if (sub === '' || sub.startsWith('-')) {
      throw new Error(`git runner: the subcommand comes first (got ${JSON.stringify(sub)})`);
    }
    const bad = unsafeOption(sub, rest);
    if (bad !== undefined) {
      throw new Error(`git runner: ${bad} would undo the runner's safe flags for git ${sub}`);
    }
    const env: Record<string, string> = {};
    const config = [
      ...HARDENING.flatMap((c) => ['-c', c]),
      ...(guarded ? this.guard.overrides.flatMap(([k, v]) => configArgs(k, v, env)) : []),
      ...(opts.config ?? []).flatMap((c) => ['-c', c]),
    ];
    return {
      file: this.git,
      args: ['--no-pager', ...config, sub, ...(SAFE_FLAGS[sub] ?? []), ...rest],
      env: { ...this.env, ...opts.env, ...env, ...(opts.indexFile !== undefined ? { GIT_INDEX_FILE: opts.indexFile } : {}) },
    };
  }

  /** Runs `git <args>`; resolves with the exit code (non-zero is not an error here). */
  run(args: readonly string[], opts: GitRunOptions): Promise<GitResult> {
    return this.spawnGit(args, opts, true);
  }

  private spawnGit(args: readonly string[], opts: GitRunOptions, guarded: boolean): Promise<GitResult> {
    const timeout =
      opts.timeoutMs ?? (NETWORK.has(args[0] ?? '') ? (this.options.networkTimeoutMs ?? 60_000) : (this.options.localTimeoutMs ?? 20_000));
    return new Promise((resolve, reject) => {
      let child;
      try {
        const line = this.commandLine(args, opts, guarded);
        child = spawn(line.file, line.args, {
          cwd: opts.cwd,
          env: line.env,
          shell: false,
          detached: true,
          stdio: ['pipe', 'pipe', 'pipe'],
          windowsHide: true,
        });
      } catch (e) {
        reject(toSpawnError(e));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      let timedOut = false;
      const killGroup = (): void => killTree(child);
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
          reject(
            new SyncError(
              'timeout',
              `${syncError('timeout').message} (git ${args[0] ?? ''} took longer than ${Math.round(timeout / 1000)} s)`,
              `git ${args[0] ?? ''}`,
            ),
          );
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
