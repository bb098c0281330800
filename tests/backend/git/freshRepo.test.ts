/** A branch with no commit yet, a remote that does not exist, and bounded git messages. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyLocal } from '../../../src/backend/git/classify';
import { GitRunner } from '../../../src/backend/git/gitRunner';
import { Repo } from '../../../src/backend/git/repo';
import { IDENTITY, type World, git, remoteFiles, world } from '../sync/syncHarness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

/** `git init` + a remote, connected: the branch has no commit yet. */
async function freshRepo(name: string, remote: string): Promise<Awaited<ReturnType<World['machine']>>> {
  const m = await w.machine(name, { clone: false });
  await mkdir(m.clone, { recursive: true });
  git(m.clone, 'init', '-q');
  git(m.clone, 'remote', 'add', 'origin', remote);
  await m.sync.configure({ repoPath: m.clone, handle: 'ada' });
  return m;
}

describe('a branch with no commit yet', () => {
  it('syncs the first time onto a remote that has history (unrelated histories joined)', async () => {
    const m = await freshRepo('fresh', w.remote);
    await m.study.saveNote({ topicId: null, title: 'first note', body: 'b', tags: [] });
    const r = await m.sync.run();
    expect(r.error).toBeNull();
    expect(remoteFiles(w.remote).some((f) => f.startsWith('.nexus/ada/notes/'))).toBe(true);
    expect(git(w.remote, 'ls-tree', '--name-only', 'main')).toContain('README.md');
    expect(git(m.clone, 'rev-parse', 'HEAD').trim()).toBe(git(w.remote, 'rev-parse', 'main').trim());
  });

  it('syncs the first time onto an empty remote, with notes and with none', async () => {
    const empty = path.join(w.base, 'empty.git');
    git(w.base, 'init', '-q', '--bare', empty);
    const none = await freshRepo('nothing', empty);
    expect((await none.sync.run()).error).toBeNull();

    const m = await freshRepo('fresh', empty);
    await m.study.saveNote({ topicId: null, title: 'first note', body: 'b', tags: [] });
    const r = await m.sync.run();
    expect(r.error).toBeNull();
    expect(remoteFiles(empty).some((f) => f.startsWith('.nexus/ada/notes/'))).toBe(true);
  });

  it("gives the empty tree's id, present in the object store, for no commit", async () => {
    const m = await freshRepo('fresh', w.remote);
    const repo = new Repo(new GitRunner({ env: IDENTITY }), m.clone);
    const empty = await repo.treeOf(null);
    expect(empty).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
    expect(git(m.clone, 'cat-file', '-t', empty).trim()).toBe('tree');
    expect(await repo.treeWith(null, '.nexus/ada/', [], path.join(w.base))).toBe(empty);
  });
});

describe('a remote that is not there', () => {
  it('is "not found, check its URL", not "offline"', async () => {
    const a = await w.machine('laptop-a');
    git(a.clone, 'remote', 'set-url', 'origin', path.join(w.base, 'no-such-remote.git'));
    const r = await a.sync.run();
    expect(r.error?.code).toBe('remote-not-found');
    expect(r.error?.message).toMatch(/not found: check its URL \(git remote -v\)/);
    expect(r.error?.detail).toMatch(/does not appear to be a git repository/);
  });

  it('is "not found" for a clone of it too', async () => {
    const r = await new GitRunner().run(
      ['clone', '--no-recurse-submodules', '--', path.join(w.base, 'no-such-remote.git'), path.join(w.base, 'dest')],
      {
        cwd: w.base,
      },
    );
    expect(r.code).not.toBe(0);
    expect(classifyLocal(['clone'], r).code).toBe('remote-not-found');
  });

  it('keeps what git says bounded, however long', async () => {
    const a = await w.machine('laptop-a');
    const long = path.join(w.base, ...Array.from({ length: 12 }, (_, i) => `${i}-${'x'.repeat(200)}`));
    git(a.clone, 'remote', 'set-url', 'origin', long);
    const r = await a.sync.run();
    expect(r.error?.code).toBe('remote-not-found');
    expect(r.error?.detail.length).toBeLessThanOrEqual(300);
    expect(r.error?.message.length).toBeLessThanOrEqual(500);
    expect(r.summary.length).toBeLessThanOrEqual(500);
  });
});
