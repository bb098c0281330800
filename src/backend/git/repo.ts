/** Git operations sync needs, over the hardened runner. Nothing here touches the user's files. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../../core/hub/decode';
import type { RepoFile } from '../../core/sync/types';
import { syncError } from './gitErrors';
import type { GitRunner } from './gitRunner';

/** What preflight learns about the repo. */
export type RepoInfo = { top: string; gitDir: string; branch: string; head: string | null; remote: string };

/** A blob to place in a tree: path relative to the repo root. */
export type TreeEntry = { path: string; sha: string; /** Git file mode; regular file when absent. */ mode?: string };

/** The connected repository. */
export class Repo {
  /** Author/committer for our commits when git has no identity on this machine (see useIdentity). */
  private identity: Record<string, string> = {};
  /** The empty tree's id in this repo (see treeOf). */
  private emptyTree: string | null = null;

  constructor(
    readonly git: GitRunner,
    readonly cwd: string,
  ) {}

  /**
   * Makes sure our commits have an author. When git has no usable identity here (no user.name or
   * user.email, and no email it can guess), our commits use the handle: name = user.name or the
   * handle, email = user.email or `<handle>@nexus-companion.invalid`. Nothing is written to the
   * user's git config. Returns true when the fallback is used.
   */
  async useIdentity(handle: string): Promise<boolean> {
    const author = await this.git.run(['var', 'GIT_AUTHOR_IDENT'], { cwd: this.cwd });
    const committer = await this.git.run(['var', 'GIT_COMMITTER_IDENT'], { cwd: this.cwd });
    if (author.code === 0 && committer.code === 0) {
      this.identity = {};
      return false;
    }
    const name = (await this.git.run(['config', '--get', 'user.name'], { cwd: this.cwd })).stdout.trim() || handle;
    const email = (await this.git.run(['config', '--get', 'user.email'], { cwd: this.cwd })).stdout.trim() || `${handle}@nexus-companion.invalid`;
    this.identity = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
    return true;
  }

  /** Checks the repo can sync (spec: step "check"); throws a SyncError that says what to do. */
  async preflight(): Promise<RepoInfo> {
    if (!existsSync(this.cwd)) {
      throw syncError('not-a-repo');
    }
    const top = await this.git.run(['rev-parse', '--show-toplevel', '--absolute-git-dir'], { cwd: this.cwd });
    if (top.code !== 0) {
      throw syncError('not-a-repo');
    }
    const [topDir = this.cwd, gitDir = path.join(this.cwd, '.git')] = top.stdout.trim().split('\n');
    // The repo's own config may name programs: override them for every later command, or
    // refuse (unsafe-config) the keys git offers no override for (configGuard.ts).
    await this.git.neutralise(topDir);
    for (const f of ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']) {
      if (existsSync(path.join(gitDir, f))) {
        throw syncError('in-progress');
      }
    }
    if (existsSync(path.join(gitDir, 'index.lock'))) {
      throw syncError('index-locked');
    }
    const sym = await this.git.run(['symbolic-ref', '-q', 'HEAD'], { cwd: topDir });
    if (sym.code !== 0) {
      throw syncError('detached-head');
    }
    const branch = sym.stdout.trim().replace(/^refs\/heads\//, '');
    const head = await this.git.run(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd: topDir });
    const remote = await this.remoteOf(topDir, branch);
    return { top: topDir, gitDir, branch, head: head.code === 0 ? head.stdout.trim() : null, remote };
  }

  private async remoteOf(cwd: string, branch: string): Promise<string> {
    const configured = await this.git.run(['config', '--get', `branch.${branch}.remote`], { cwd });
    const remotes = (await this.git.run(['remote'], { cwd })).stdout.split('\n').filter((r) => r !== '');
    const name = configured.stdout.trim();
    if (name !== '' && name !== '.' && remotes.includes(name)) {
      return name;
    }
    if (remotes.includes('origin')) {
      return 'origin';
    }
    if (remotes.length === 1 && remotes[0] !== undefined) {
      return remotes[0];
    }
    throw syncError('no-remote');
  }

  /** The files under `prefix` (ending in `/`) at `commit`, paths relative to the prefix. */
  async readPrefix(commit: string | null, prefix: string): Promise<RepoFile[]> {
    if (commit === null) {
      return [];
    }
    const list = await this.git.ok(['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix], { cwd: this.cwd });
    const entries = list
      .split('\0')
      .filter((l) => l !== '')
      .map((l) => {
        const tab = l.indexOf('\t');
        const [mode, type, sha] = l.slice(0, tab).split(' ');
        return { mode: mode ?? '100644', type, sha: sha ?? '', path: l.slice(tab + 1) };
      })
      .filter((e) => e.path.startsWith(prefix));
    if (entries.length === 0) {
      return [];
    }
    // Only regular files hold text; symlinks and submodules are listed (kept as they are) unread.
    const regular = entries.filter((e) => e.type === 'blob' && (e.mode === '100644' || e.mode === '100755'));
    const blobs = await this.catBlobs(regular.map((e) => e.sha));
    const text = new Map(regular.map((e, i) => [e, blobs[i] ?? new Uint8Array()]));
    return entries.map((e) => {
      // Decoded per file like hub files (UTF-8, BOM stripped, else Windows-1252); a binary file
      // becomes empty text, which the note parser reports as a skipped file.
      const bytes = text.get(e);
      const decoded = bytes !== undefined ? decodeText(e.path, bytes) : null;
      return { path: e.path.slice(prefix.length), text: decoded?.ok === true ? decoded.text : '', sha: e.sha, mode: e.mode };
    });
  }

  /** The bytes of each blob, in order (`cat-file --batch` output parsed by the sizes it declares). */
  private async catBlobs(shas: string[]): Promise<Buffer[]> {
    if (shas.length === 0) {
      return [];
    }
    const r = await this.git.run(['cat-file', '--batch'], { cwd: this.cwd, input: `${shas.join('\n')}\n` });
    if (r.code !== 0) {
      throw syncError('git-failed', `git cat-file: ${r.stderr.trim().split('\n')[0] ?? ''}`);
    }
    const buf = r.raw;
    const blobs: Buffer[] = [];
    let at = 0;
    for (let i = 0; i < shas.length; i++) {
      const nl = buf.indexOf(10, at);
      const header = buf.subarray(at, nl).toString('latin1').split(' ');
      const size = header[1] === 'missing' ? 0 : Number(header[2] ?? '0');
      blobs.push(buf.subarray(nl + 1, nl + 1 + size));
      at = header[1] === 'missing' ? nl + 1 : nl + 1 + size + 1;
    }
    return blobs;
  }

  /** Writes blobs for the given texts (no filters run) and returns their ids, in order. */
  async hashTexts(texts: readonly string[], scratchDir: string): Promise<string[]> {
    if (texts.length === 0) {
      return [];
    }
    const dir = await mkdtemp(path.join(scratchDir, 'blobs-'));
    try {
      const files = await Promise.all(
        texts.map(async (t, i) => {
          const f = path.join(dir, String(i));
          await writeFile(f, t, 'utf8');
          return f;
        }),
      );
      const out = await this.git.ok(['hash-object', '-w', '--no-filters', '--stdin-paths'], { cwd: this.cwd, input: `${files.join('\n')}\n` });
      return out.trim().split('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The tree of `treeish` (or empty) with everything under `prefix` replaced by `entries`. */
  async treeWith(treeish: string | null, prefix: string, entries: readonly TreeEntry[], scratchDir: string): Promise<string> {
    const indexFile = path.join(await mkdtemp(path.join(scratchDir, 'index-')), 'index');
    try {
      // A branch with no commit yet starts from an empty index (no tree object to read).
      await this.git.ok(treeish !== null ? ['read-tree', treeish] : ['read-tree', '--empty'], { cwd: this.cwd, indexFile });
      await this.git.ok(['rm', '--cached', '-r', '-q', '-f', '--ignore-unmatch', '--', prefix], { cwd: this.cwd, indexFile });
      if (entries.length > 0) {
        await this.git.ok(['update-index', '--add', '--index-info'], { cwd: this.cwd, indexFile, input: entries.map((e) => `${e.mode ?? '100644'} ${e.sha}\t${e.path}\n`).join('') });
      }
      return (await this.git.ok(['write-tree'], { cwd: this.cwd, indexFile })).trim();
    } finally {
      await rm(path.dirname(indexFile), { recursive: true, force: true });
    }
  }

  /**
   * The tree id of a commit; for none, the empty tree, written to the object store (a fresh repo
   * does not have it) and asked of git, so it is right for SHA-1 and SHA-256 repos alike.
   */
  async treeOf(commit: string | null): Promise<string> {
    if (commit === null) {
      this.emptyTree ??= (await this.git.ok(['hash-object', '-t', 'tree', '-w', '--stdin'], { cwd: this.cwd, input: '' })).trim();
      return this.emptyTree;
    }
    return (await this.git.ok(['rev-parse', `${commit}^{tree}`], { cwd: this.cwd })).trim();
  }

  /** Creates a commit object (no ref moves). */
  async commitTree(tree: string, parents: readonly string[], message: string): Promise<string> {
    const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])];
    return (await this.git.ok(args, { cwd: this.cwd, input: message, env: this.identity })).trim();
  }

  /** Moves `ref` to `next` only if it still points at `prev` (null: must not exist yet). */
  async casRef(ref: string, next: string, prev: string | null, reason: string): Promise<void> {
    await this.git.ok(['update-ref', '-m', reason, ref, next, prev ?? ''], { cwd: this.cwd, env: this.identity });
  }

  /** Sets the real index entries under `prefix` to `entries` (other paths untouched). */
  async setIndexPrefix(prefix: string, entries: readonly TreeEntry[], removed: readonly string[]): Promise<void> {
    const zero = '0'.repeat(40);
    const lines = [...removed.map((p) => `0 ${zero}\t${p}\n`), ...entries.map((e) => `100644 ${e.sha}\t${e.path}\n`)];
    if (lines.length > 0 && lines.every((l) => l.includes(`\t${prefix}`))) {
      await this.git.ok(['update-index', '--add', '--remove', '--index-info'], { cwd: this.cwd, input: lines.join('') });
    }
  }

  /**
   * The machine and time of a sync commit (`nexus(<handle>): sync from <machine> — ...` or
   * `... merge sync from <machine>`), or null for another kind of commit.
   */
  async syncOrigin(commit: string): Promise<{ machine: string; time: string } | null> {
    const r = await this.git.run(['log', '-1', '--format=%cI%n%s', commit], { cwd: this.cwd });
    const [iso = '', subject = ''] = r.stdout.split('\n');
    const m = /^nexus\([^)]*\): (?:merge )?(?:sync|progress) from (.+?)(?: — .*)?$/.exec(subject.trim());
    const time = new Date(iso.trim());
    if (r.code !== 0 || m?.[1] === undefined || Number.isNaN(time.getTime())) {
      return null;
    }
    return { machine: m[1].slice(0, 60), time: time.toISOString().slice(0, 16).replace('T', ' ') };
  }

  /** True when `a` is an ancestor of (or equal to) `b`. */
  async isAncestor(a: string, b: string): Promise<boolean> {
    const r = await this.git.run(['merge-base', '--is-ancestor', a, b], { cwd: this.cwd });
    return r.code === 0;
  }

  /** The best common ancestor, or null when the histories are unrelated. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    const r = await this.git.run(['merge-base', a, b], { cwd: this.cwd });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  /** Merges two commits' trees without touching the working tree or index. */
  async mergeTree(a: string, b: string): Promise<{ tree: string; conflicted: string[] }> {
    const r = await this.git.run(['merge-tree', '--write-tree', '--name-only', '-z', '--no-messages', '--allow-unrelated-histories', a, b], { cwd: this.cwd });
    if (r.code !== 0 && r.code !== 1) {
      throw syncError('git-failed', `git merge-tree: ${r.stderr.trim().split('\n')[0] ?? ''}`);
    }
    const [tree = '', ...rest] = r.stdout.split('\0');
    return { tree: tree.trim(), conflicted: rest.filter((p) => p !== '') };
  }
}
