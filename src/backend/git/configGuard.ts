/**
 * The repo's own git config is untrusted (DESIGN.md §3, docs/spec/sync.md "Hardened git"): a
 * setting in `.git/config`, `config.worktree`, or a file they include (`include.path`,
 * `includeIf`) can name a program git would run during sync. Before a sync the config is read
 * with each value's scope; every program-naming key set by the repo is either overridden on the
 * command line (the learner's own global/system value wins again, or a neutral one) or, where
 * git offers no override, the sync is refused and names the key.
 *
 * Keys git would run a program for that need no per-repo work here are handled by the runner
 * for every command, whatever the repo says: core.hooksPath, core.fsmonitor, signing and
 * signature checks (`-c`), core.sshCommand, core.editor, sequence.editor, core.pager, core.askPass
 * (environment variables that win over them), remote.*.uploadpack/receivepack (flags), pager.*
 * (`--no-pager`), diff drivers (`--no-textconv --no-ext-diff`). See gitRunner.ts.
 */
import { SyncError } from './gitErrors';

/** One value of `git config --list --show-scope --show-origin`. */
export type ConfigEntry = {
  /** system, global, local, worktree, command (or unknown). */
  scope: string;
  /** Where it was read: `file:<path>`, `command line:`... */
  origin: string;
  /** Section and variable lower-case, subsection as written (`filter.Evil.clean`). */
  key: string;
  /** null for a bare key (`[section] flag` with no `=`). */
  value: string | null;
};

/** A repo setting that cannot be neutralised: the sync refuses and names it. */
export type RefusedKey = { key: string; origin: string; value: string | null; why: string };

/** What the runner adds to every command for this repo, and what it refuses. */
export type ConfigGuard = {
  /** `key=value` overrides, applied in order after the runner's fixed hardening. */
  overrides: ReadonlyArray<readonly [key: string, value: string]>;
  /** The repo's program-naming keys that the overrides switch off (for the log and tests). */
  neutralised: readonly string[];
  /** Keys that cannot be neutralised: a non-empty list means the sync must not run. */
  refused: readonly RefusedKey[];
};

/** Where a push URL or URL rewrite set by the repo sends git, or null for other keys. */
function redirectTarget(e: ConfigEntry): string | null {
  if (/^remote\..+\.pushurl$/.test(e.key)) {
    return e.value;
  }
  const m = /^url\.(.+)\.(?:push)?insteadof$/.exec(e.key);
  return m?.[1] ?? null;
}

/** A path or file:// URL (a repository on this machine), not a network URL. */
function isLocalTarget(url: string): boolean {
  if (/^file:/i.test(url)) {
    return true;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return false;
  }
  // scp-like `host:path` is remote; `C:\path` and paths without a colon before the first slash are local.
  return !/^(?:[^@/\s]+@)?[^:/\s]{2,}:/.test(url);
}

/** Scopes whose values are the learner's own (or the machine's); the rest belong to the repo. */
const TRUSTED_SCOPES = new Set(['system', 'global', 'command']);

/** Keys that name a program and can only be refused (git has no override that wins). */
const REFUSE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^core\.gitproxy$/, 'git uses the first core.gitProxy it reads, so a command-line override cannot replace it'],
  [/^core\.alternaterefscommand$/, 'a command-line override can only replace it with another command'],
  [/^remote\..+\.vcs$/, 'it makes git run a remote helper program of that name'],
];

/**
 * Single-valued keys whose last value wins: overridden with the learner's own (system/global)
 * value when there is one, else with a value that runs nothing.
 */
const OVERRIDE: ReadonlyArray<readonly [RegExp, (key: string) => string]> = [
  // An empty filter command is skipped by git (the file passes through unchanged).
  [/^filter\..+\.(clean|smudge|process)$/, () => ''],
  // A failing driver: the file is reported as conflicted (our own files are merged by us).
  [/^merge\..+\.driver$/, () => 'false'],
  // Signing and verification are off for every command; if git ever got there, git's defaults.
  [/^gpg\.(program|openpgp\.program)$/, () => 'gpg'],
  [/^gpg\.x509\.program$/, () => 'gpgsm'],
  [/^gpg\.ssh\.program$/, () => 'ssh-keygen'],
];

const CREDENTIAL_HELPER = /^credential\.(.+\.)?helper$/;

/** Parses `git config --list -z --show-scope --show-origin` (scope NUL origin NUL key LF value NUL). */
export function parseConfigList(raw: string): ConfigEntry[] {
  const parts = raw.split('\0');
  const entries: ConfigEntry[] = [];
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const scope = parts[i] ?? '';
    const origin = parts[i + 1] ?? '';
    const kv = parts[i + 2] ?? '';
    const nl = kv.indexOf('\n');
    entries.push({ scope, origin, key: nl === -1 ? kv : kv.slice(0, nl), value: nl === -1 ? null : kv.slice(nl + 1) });
  }
  return entries;
}

/** True for a value the learner's machine set (system, global, or the environment). */
export function isTrusted(e: ConfigEntry): boolean {
  return TRUSTED_SCOPES.has(e.scope);
}

/**
 * Plans the guard for a repo from its whole config (every scope, includes followed). Pure: the
 * runner applies the result (gitRunner.ts `neutralise`).
 */
export function planGuard(entries: readonly ConfigEntry[]): ConfigGuard {
  const untrusted = entries.filter((e) => !isTrusted(e));
  const trusted = entries.filter(isTrusted);
  const overrides: Array<readonly [string, string]> = [];
  const neutralised = new Set<string>();
  const refused: RefusedKey[] = [];
  const done = new Set<string>();
  const blankedFilters = new Set<string>();

  for (const e of untrusted) {
    const refuse = REFUSE.find(([re]) => re.test(e.key));
    if (refuse !== undefined) {
      refused.push({ key: e.key, origin: e.origin, value: e.value, why: refuse[1] });
      continue;
    }
    const target = redirectTarget(e);
    if (target !== null && isLocalTarget(target)) {
      refused.push({ key: e.key, origin: e.origin, value: e.value, why: 'it sends pushes or fetches to a repository on this disk chosen by the repository’s own config, whose hooks would run here' });
      continue;
    }
    const rule = OVERRIDE.find(([re]) => re.test(e.key));
    if (rule === undefined || done.has(e.key)) {
      continue;
    }
    done.add(e.key);
    const own = trusted.filter((t) => t.key === e.key && t.value !== null).at(-1);
    overrides.push([e.key, own?.value ?? rule[1](e.key)]);
    neutralised.add(e.key);
    const filter = /^filter\.(.+)\.(clean|smudge|process)$/.exec(e.key);
    if (filter?.[1] !== undefined && own === undefined) {
      blankedFilters.add(filter[1]);
    }
  }
  // A required filter with no command stops git ("clean filter failed"): not required any more.
  for (const name of blankedFilters) {
    overrides.push([`filter.${name}.required`, 'false']);
  }

  // Credential helpers form a list: an empty value clears it, then the learner's own helpers
  // (generic and per-URL, in the order git read them) are added back.
  const repoHelpers = untrusted.filter((e) => CREDENTIAL_HELPER.test(e.key));
  if (repoHelpers.length > 0) {
    overrides.push(['credential.helper', '']);
    for (const t of trusted) {
      if (CREDENTIAL_HELPER.test(t.key) && t.value !== null) {
        overrides.push([t.key, t.value]);
      }
    }
    for (const e of repoHelpers) {
      neutralised.add(e.key);
    }
  }
  return { overrides, neutralised: [...neutralised], refused };
}

/** The path of a config file as the learner would type it (`file:.git/config` -> `.git/config`). */
function fileOf(origin: string): string | null {
  return origin.startsWith('file:') ? origin.slice('file:'.length) : null;
}

const quote = (s: string): string => (/^[\w./:@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The `unsafe-config` error: names each refused key, where it is set and how to remove it. */
export function unsafeConfigError(refused: readonly RefusedKey[]): SyncError {
  const keys = [...new Set(refused.map((r) => r.key))];
  const first = refused[0];
  const fixes = [...new Map(refused.map((r) => [`${r.key}\0${r.origin}`, r])).values()].map((r) => {
    const file = fileOf(r.origin);
    return `git config ${file !== null ? `--file ${quote(file)} ` : ''}--unset-all ${quote(r.key)}`;
  });
  const named = keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`;
  const where = first !== undefined && fileOf(first.origin) !== null ? ` (in ${fileOf(first.origin) ?? ''})` : '';
  const message =
    `This repository's own git config sets ${named}${where}, which names a program git would run during sync` +
    `${first !== undefined ? `, and ${first.why}` : ''}. Nothing was synced. Remove it (${fixes[0] ?? ''}${fixes.length > 1 ? ', ...' : ''}), then sync again.`;
  return new SyncError('unsafe-config', message, fixes.join('; '));
}

/** The subset of GitRunner a guard needs (avoids a runtime import cycle). */
export type GuardedRunner = { neutralise(cwd: string): Promise<ConfigGuard> };

/**
 * Reads the repo's config (includes followed) and makes every later command of `git` in this
 * repo run with its program-naming keys neutralised; throws SyncError `unsafe-config` naming the
 * keys that cannot be. Call it before each sync (Repo.preflight does).
 */
export function assertSafeRepoConfig(git: GuardedRunner, cwd: string): Promise<ConfigGuard> {
  return git.neutralise(cwd);
}
