/**
 * Hostile git config in the connected repo that the config guard does not list: a push URL
 * redirected (pushInsteadOf / pushurl) to a bare repo planted on disk whose hooks run during
 * push, and a submodule under our folder whose own config names a filter program.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, converge, git, world, write } from './hostile';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

/** A shell script that leaves `marker` when it runs. */
async function trap(file: string, marker: string, passThrough = false): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `#!/bin/sh\ntouch '${marker}'\n${passThrough ? 'cat\n' : ''}exit 0\n`);
  await chmod(file, 0o755);
}

describe('hostile git config not covered by the guard', () => {
  for (const how of ['url.<remote>.pushInsteadOf', 'remote.origin.pushurl'] as const) {
    // Fixed bug: the repo's own config can send pushes to any local path (here a bare repo planted in
    // the working tree) with `${how}`; git-receive-pack then runs there with that repo's hooks
    // (pre-receive, update, post-receive...), i.e. a program chosen by the repo's config runs on
    // every sync. Settings still shows the real remote URL (`git remote get-url origin`). The
    // spec's "a remote on disk is trusted" does not hold when the repo's config chose the path.
    it(`${how} pointing at a planted bare repo runs none of its hooks`, async () => {
      const a = await w.machine('laptop-a');
      await write(a, 'one');
      await converge([a]);
      const evil = path.join(a.clone, 'vendor', 'evil.git');
      git(w.base, 'init', '-q', '--bare', evil);
      const marker = path.join(w.base, 'pre-receive-ran');
      await trap(path.join(evil, 'hooks', 'pre-receive'), marker);
      if (how === 'remote.origin.pushurl') {
        git(a.clone, 'config', 'remote.origin.pushurl', evil);
      } else {
        git(a.clone, 'config', `url.${evil}.pushInsteadOf`, w.remote);
      }
      await write(a, 'two');
      const r = await a.sync.run();
      expect(existsSync(marker)).toBe(false);
      // Refusing (naming the key) would be fine too.
      if (r.error !== null) {
        expect(r.error.code).toBe('unsafe-config');
      }
    });
  }

  // Fixed bug: the guard reads only the superproject's config. A submodule (here a gitlink under
  // `.nexus/<handle>/`, set up in the repo folder) has its own config: `git status` in repairPrefix
  // recurses into it (no --ignore-submodules) and git runs the submodule's `filter.<x>.clean` on a
  // modified file. A program named in the repo's (submodule's) config runs during a sync.
  it('a submodule under our folder whose own config names a clean filter: the filter never runs', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'one');
    await converge([a]);
    // A repo to use as the submodule, with a tracked file the filter applies to.
    const subSrc = path.join(w.base, 'subsrc');
    git(w.base, 'init', '-q', subSrc);
    await writeFile(path.join(subSrc, '.gitattributes'), '* filter=evil\n');
    await writeFile(path.join(subSrc, 'f.txt'), 'x\n');
    git(subSrc, 'add', '.');
    git(subSrc, 'commit', '-q', '-m', 's');
    git(a.clone, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', subSrc, '.nexus/ada/sub');
    git(a.clone, 'commit', '-q', '-m', 'add submodule under our folder');
    const subGit = git(path.join(a.clone, '.nexus/ada/sub'), 'rev-parse', '--absolute-git-dir').trim();
    const marker = path.join(w.base, 'sub-filter-ran');
    await trap(path.join(w.base, 'bin', 'clean'), marker, true);
    git(a.clone, 'config', '--file', path.join(subGit, 'config'), 'filter.evil.clean', path.join(w.base, 'bin', 'clean'));
    await writeFile(path.join(a.clone, '.nexus/ada/sub/f.txt'), 'changed\n');
    await write(a, 'two');
    expect(existsSync(marker)).toBe(false);
    await a.sync.run();
    expect(existsSync(marker)).toBe(false);
  });

  it('a `.git` file (gitdir: elsewhere) whose config names core.gitProxy: refused, naming the key', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'one');
    await converge([a]);
    const marker = path.join(w.base, 'proxy-ran');
    await trap(path.join(w.base, 'bin', 'proxy'), marker);
    // Move the git dir out and leave a gitdir file behind.
    const moved = path.join(w.base, 'moved-gitdir');
    git(a.clone, 'config', 'core.gitProxy', path.join(w.base, 'bin', 'proxy'));
    const { rename } = await import('node:fs/promises');
    await rename(path.join(a.clone, '.git'), moved);
    await writeFile(path.join(a.clone, '.git'), `gitdir: ${moved}\n`);
    git(a.clone, 'config', 'core.worktree', a.clone);
    git(a.clone, 'remote', 'set-url', 'origin', `git://127.0.0.1:1/${path.basename(w.remote)}`);
    const r = await a.sync.run();
    expect(existsSync(marker)).toBe(false);
    expect(r.error?.code).toBe('unsafe-config');
  });

  it('core.hooksPath relative to the work tree, set in an include chain two files deep: no hook runs', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'one');
    await converge([a]);
    const marker = path.join(w.base, 'hook-ran');
    for (const h of ['pre-commit', 'post-merge', 'pre-push', 'reference-transaction', 'post-checkout', 'post-index-change']) {
      await trap(path.join(a.clone, 'myhooks', h), `${marker}-${h}`);
    }
    const inc1 = path.join(a.clone, '.git', 'inc1');
    const inc2 = path.join(w.base, 'inc2');
    await writeFile(inc1, `[include]\n\tpath = ${inc2}\n`);
    await writeFile(inc2, '[core]\n\thooksPath = myhooks\n');
    git(a.clone, 'config', 'include.path', 'inc1');
    await write(a, 'two');
    expect((await a.sync.run()).error).toBeNull();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(w.base).filter((f) => f.startsWith('hook-ran'))).toEqual([]);
  });
});
