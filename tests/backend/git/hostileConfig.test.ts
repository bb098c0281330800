/**
 * A repo whose own config names a program for every key git would run one for (in .git/config,
 * in a file it includes, in a file it includes with includeIf): a real sync runs none of them,
 * and the keys git offers no override for make the sync refuse, naming the key.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRunner } from '../../../src/backend/git/gitRunner';
import { type World, git, world } from '../sync/syncHarness';

const HOOKS = [
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'proc-receive',
  'post-receive',
  'post-update',
  'reference-transaction',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'post-index-change',
  'fsmonitor-watchman',
];

/** A folder of scripts, each leaving a marker file named after itself when it runs. */
type Traps = { bin: string; hooks: string; markers: string; ran(): Promise<string[]> };

async function traps(base: string): Promise<Traps> {
  const bin = path.join(base, 'bin');
  const hooks = path.join(base, 'hooks');
  const markers = path.join(base, 'markers');
  await mkdir(bin, { recursive: true });
  await mkdir(hooks, { recursive: true });
  const script = (marker: string): string => `#!/bin/sh\nmkdir -p '${markers}'\ntouch '${markers}/${marker}'\nexit 1\n`;
  const names = [
    'fsmonitor',
    'ssh-command',
    'git-proxy',
    'pager',
    'pager-log',
    'pager-merge',
    'editor',
    'sequence-editor',
    'askpass',
    'filter-clean',
    'filter-smudge',
    'filter-process',
    'diff-textconv',
    'diff-command',
    'diff-external',
    'merge-driver',
    'uploadpack',
    'receivepack',
    'credential-helper',
    'credential-helper-url',
    'gpg',
    'gpg-openpgp',
    'gpg-x509',
    'gpg-ssh',
    'gpg-ssh-default-key',
    'pack-objects-hook',
    'alternate-refs',
    'alias',
  ];
  for (const n of names) {
    await writeFile(path.join(bin, n), script(n), { mode: 0o755 });
  }
  for (const h of HOOKS) {
    await writeFile(path.join(hooks, h), script(`hook-${h}`), { mode: 0o755 });
  }
  return { bin, hooks, markers, ran: async () => (existsSync(markers) ? (await readdir(markers)).sort() : []) };
}

/** Every key above that git lets us override, set to a trap. */
function hostile(t: Traps): string {
  const b = t.bin;
  return `[core]
\thooksPath = ${t.hooks}
\tfsmonitor = ${b}/fsmonitor
\tsshCommand = ${b}/ssh-command
\tpager = ${b}/pager
\teditor = ${b}/editor
\taskPass = ${b}/askpass
[sequence]
\teditor = ${b}/sequence-editor
[pager]
\tlog = ${b}/pager-log
\tmerge = ${b}/pager-merge
[filter "evil"]
\tclean = ${b}/filter-clean
\tsmudge = ${b}/filter-smudge
\tprocess = ${b}/filter-process
\trequired = true
[diff "evil"]
\ttextconv = ${b}/diff-textconv
\tcommand = ${b}/diff-command
[diff]
\texternal = ${b}/diff-external
[merge "evil"]
\tdriver = ${b}/merge-driver %O %A %B
[remote "origin"]
\tuploadpack = ${b}/uploadpack
\treceivepack = ${b}/receivepack
[credential]
\thelper = ${b}/credential-helper
[credential "https://example.com"]
\thelper = ${b}/credential-helper-url
[user]
\tsigningKey = 0xDEADBEEF
[gpg]
\tprogram = ${b}/gpg
[gpg "openpgp"]
\tprogram = ${b}/gpg-openpgp
[gpg "x509"]
\tprogram = ${b}/gpg-x509
[gpg "ssh"]
\tprogram = ${b}/gpg-ssh
\tdefaultKeyCommand = ${b}/gpg-ssh-default-key
[commit]
\tgpgSign = true
[tag]
\tgpgSign = true
[push]
\tgpgSign = true
[merge]
\tverifySignatures = true
[log]
\tshowSignature = true
[uploadpack]
\tpackObjectsHook = ${b}/pack-objects-hook
[receive]
\tprocReceiveRefs = refs/heads
[alias]
\tfetch = !${b}/alias
\tpush = !${b}/alias
\tmerge = !${b}/alias
[gc]
\tauto = 1
\tautoDetach = false
[maintenance]
\tauto = true
[submodule]
\trecurse = true
[fetch]
\trecurseSubmodules = true
`;
}

type Place = 'config' | 'include' | 'includeIf';
const PLACES: Place[] = ['config', 'include', 'includeIf'];

/** Puts `text` in the repo's config at `place`; returns the file that holds it (as git names it). */
async function arm(place: Place, clone: string, base: string, text: string, t: Traps): Promise<string> {
  for (const h of HOOKS) {
    await writeFile(path.join(clone, '.git', 'hooks', h), await readFile(path.join(t.hooks, h)), { mode: 0o755 });
  }
  const config = path.join(clone, '.git', 'config');
  if (place === 'config') {
    await appendFile(config, text);
    return '.git/config';
  }
  const file = path.join(base, `hostile-${place}.cfg`);
  await writeFile(file, text);
  await appendFile(config, place === 'include' ? `[include]\n\tpath = ${file}\n` : `[includeIf "gitdir:${clone}/"]\n\tpath = ${file}\n`);
  return file;
}

/** Commits and pushes a change from the seed clone (plain git: the seed has no hostile config). */
function seedCommit(w: World, file: string, text: string): Promise<void> {
  const seed = path.join(w.base, 'seed');
  git(seed, 'pull', '-q', '--no-rebase', 'origin', 'main');
  return writeFile(path.join(seed, file), text).then(() => {
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '-m', `seed: ${file}`);
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
  });
}

let w: World;
let t: Traps;
beforeEach(async () => {
  w = await world();
  t = await traps(w.base);
  // Every file of the repo is routed to the "evil" filter, diff and merge drivers.
  await seedCommit(w, '.gitattributes', '* filter=evil diff=evil merge=evil\n');
  await seedCommit(w, 'README.md', '# My hub\n\nline 2\nline 3\nline 4\nline 5\n');
});
afterEach(async () => {
  await w.dispose();
});

describe.each(PLACES)('a hostile repo config in %s', (place) => {
  it('runs none of its programs in two syncs (commit, fetch, push, merge, checkout) and a status', async () => {
    const a = await w.machine('laptop-a');
    await arm(place, a.clone, w.base, hostile(t), t);
    await a.study.saveNote({ topicId: null, title: 'first', body: 'one', tags: [] });
    const first = await a.sync.run();
    expect(first.error).toBeNull();
    expect(git(w.remote, 'ls-tree', '-r', '--name-only', 'main', '--', '.nexus/')).toMatch(/notes/);

    // The remote moves on with a file of the repo's own: merged, then checked out (smudge).
    await seedCommit(w, 'docs/guide.md', '# Guide\n\n## Setup\n\nnew text\n');
    await a.study.saveNote({ topicId: null, title: 'second', body: 'two', tags: [] });
    const second = await a.sync.run();
    expect(second.error).toBeNull();
    expect(await readFile(path.join(a.clone, 'docs', 'guide.md'), 'utf8')).toContain('new text');
    expect((await a.sync.status()).problem).toBeNull();

    expect(await t.ran()).toEqual([]);
    // The trap is real: plain git (not the runner) runs the repo's upload-pack from this place.
    expect(() => git(a.clone, 'fetch', '-q', 'origin')).toThrow();
    expect(await t.ran()).toContain('uploadpack');
  });

  it('merges a file both sides changed without the merge driver (a conflict to resolve with git)', async () => {
    const a = await w.machine('laptop-a');
    // The learner's own unpushed change to README.md, and another one on the remote.
    await writeFile(path.join(a.clone, 'README.md'), '# My hub, mine\n\nline 2\nline 3\nline 4\nline 5\n');
    git(a.clone, 'commit', '-q', '-am', 'mine');
    await seedCommit(w, 'README.md', '# My hub\n\nline 2\nline 3\nline 4\nline 5, theirs\n');
    await arm(place, a.clone, w.base, hostile(t), t);
    await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
    const r = await a.sync.run();
    expect(r.error?.code).toBe('repo-conflict');
    expect(r.error?.detail).toBe('README.md');
    expect(await t.ran()).toEqual([]);
  });

  it('refuses a key git cannot override, names it and how to remove it, and syncs once it is gone', async () => {
    const a = await w.machine('laptop-a');
    const before = git(w.remote, 'rev-parse', 'main');
    await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
    const refused: Array<[string, string]> = [
      ['core.gitproxy', `[core]\n\tgitProxy = ${t.bin}/git-proxy\n`],
      ['core.alternaterefscommand', `[core]\n\talternateRefsCommand = ${t.bin}/alternate-refs\n`],
      ['remote.origin.vcs', `[remote "origin"]\n\tvcs = evil\n`],
    ];
    for (const [key, text] of refused) {
      const file = await arm(place, a.clone, w.base, text, t);
      const r = await a.sync.run();
      expect(r.error?.code, key).toBe('unsafe-config');
      const fix = `git config --file ${file} --unset-all ${key}`;
      expect(r.error?.message).toContain(key);
      expect(r.error?.message).toContain(fix);
      expect(r.error?.message.length).toBeLessThanOrEqual(500);
      expect(r.steps.find((s) => s.state === 'failed')?.step).toBe('check');
      expect((await a.sync.status()).problem?.code).toBe('unsafe-config');
      expect(git(w.remote, 'rev-parse', 'main')).toBe(before);
      // The command it gives removes the key.
      git(a.clone, ...fix.split(' ').slice(1));
    }
    expect((await a.sync.run()).error).toBeNull();
    expect(await t.ran()).toEqual([]);
  });
});

describe('settings the environment or protocol policy override', () => {
  it("runs the runner's ssh command, never the repo's core.sshCommand", async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'nexus-git-'));
    try {
      git(repo, 'init', '-q');
      const tr = await traps(repo);
      git(repo, 'config', 'core.sshCommand', `${tr.bin}/ssh-command`);
      const good = path.join(repo, 'our-ssh');
      await writeFile(good, `#!/bin/sh\ntouch '${repo}/our-ssh-ran'\nexit 255\n`, { mode: 0o755 });
      const runner = new GitRunner({ env: { GIT_SSH_COMMAND: good } });
      await runner.neutralise(repo);
      for (const args of [
        ['ls-remote', 'ssh://git.example.invalid/x.git'],
        ['fetch', 'ssh://git.example.invalid/x.git'],
      ]) {
        const r = await runner.run(args, { cwd: repo });
        expect(r.code).not.toBe(0);
      }
      expect(existsSync(path.join(repo, 'our-ssh-ran'))).toBe(true);
      expect(await tr.ran()).toEqual([]);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('never runs an ext:: transport, even when the repo allows it and rewrites its remote to one', async () => {
    const a = await w.machine('laptop-a');
    const marker = path.join(w.base, 'ext-ran');
    git(a.clone, 'config', 'protocol.allow', 'always');
    git(a.clone, 'config', 'protocol.ext.allow', 'always');
    git(a.clone, 'config', `url.ext::sh -c touch% ${marker}.insteadOf`, w.remote);
    const r = await a.sync.run();
    expect(r.ok).toBe(false);
    expect(r.error?.detail ?? r.error?.message).toMatch(/ext/);
    expect(existsSync(marker)).toBe(false);
    // The trap is real: plain git runs it.
    expect(() => git(a.clone, 'fetch', '-q', 'origin')).toThrow();
    expect(existsSync(marker)).toBe(true);
  });
});
