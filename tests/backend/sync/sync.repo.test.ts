import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, git, world } from './syncHarness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

const docPaths = (m: { ctx: { hub(): { allDocs(): Array<{ path: string }> } } }): string[] =>
  m.ctx
    .hub()
    .allDocs()
    .map((d) => d.path)
    .sort();

describe('sync and the repo', () => {
  it("uses the repo's docs as the hub after configure, after a pull that changes them, and after a restart", async () => {
    const a = await w.machine('laptop-a');
    expect(a.ctx.hub().root).not.toBe(a.clone);
    const status = await a.sync.configure({ repoPath: a.clone, useAsHub: true });
    expect(status.useAsHub).toBe(true);
    expect(a.ctx.hub().root).toBe(a.clone);
    expect(docPaths(a)).toEqual(['README.md', 'docs/guide.md']);

    // Another clone adds a doc; the sync brings it down and the hub follows.
    const seed = path.join(w.base, 'seed');
    await writeFile(path.join(seed, 'docs', 'caching.md'), '# Caching\n\n## TTL\n\ntext\n');
    git(seed, 'add', '.');
    git(seed, 'commit', '-q', '-m', 'caching');
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.hubReloaded).toBe(true);
    expect(a.ctx.hub().root).toBe(a.clone);
    expect(docPaths(a)).toEqual(['README.md', 'docs/caching.md', 'docs/guide.md']);

    await a.close();
    const again = await w.machine('laptop-a', { clone: false });
    expect(again.ctx.hub().root).toBe(a.clone);
    expect(docPaths(again)).toContain('docs/caching.md');
  });

  it('commits as the handle when git has no identity on this machine, and says so', async () => {
    const noHome = await mkdtemp(path.join(w.base, 'home-'));
    const a = await w.machine('laptop-a', { git: { env: { HOME: noHome, XDG_CONFIG_HOME: noHome, GIT_CONFIG_NOSYSTEM: '1' } } });
    await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.steps.find((s) => s.step === 'check')?.detail).toMatch(/no user\.name\/user\.email.*"ada"/);
    expect(git(w.remote, 'log', '-1', '--format=%an <%ae> / %cn <%ce>', 'main').trim()).toBe('ada <ada@nexus-companion.invalid> / ada <ada@nexus-companion.invalid>');
    // The user's config was not touched.
    expect(git(a.clone, 'config', '--local', '--list')).not.toMatch(/^user\./m);
  });

  it('uses git identity when there is one (no fallback)', async () => {
    const a = await w.machine('laptop-a');
    await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
    const r = await a.sync.run();
    expect(r.steps.find((s) => s.step === 'check')?.detail).not.toMatch(/user\.name/);
    expect(git(w.remote, 'log', '-1', '--format=%an <%ae>', 'main').trim()).toBe('Test Learner <learner@example.test>');
  });

  it('decodes note files per file: a Windows-1252 edit and a BOM arrive as the right text', async () => {
    const a = await w.machine('laptop-a');
    const n = await a.study.saveNote({ topicId: null, title: 'Cafe', body: 'café', tags: [] });
    expect((await a.sync.run()).ok).toBe(true);
    const seed = path.join(w.base, 'seed');
    git(seed, 'pull', '-q', 'origin', 'main');
    const [file = ''] = git(seed, 'ls-tree', '-r', '--name-only', 'HEAD', '--', '.nexus/ada/notes/_free/').split('\n').filter((f) => f !== '');
    const text = (await readFile(path.join(seed, file), 'utf8')).replace('café', 'café au lait, naïve');
    // Saved by an editor in Windows-1252, with another note saved with a UTF-8 BOM.
    await writeFile(path.join(seed, file), Buffer.from(text, 'latin1'));
    const bomText = text.replace(n.id, `${n.id}-bom`).replace('café au lait, naïve', 'déjà vu');
    await mkdir(path.dirname(path.join(seed, file)), { recursive: true });
    await writeFile(path.join(seed, file.replace('.md', '-bom.md')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bomText, 'utf8')]));
    git(seed, 'add', '.');
    git(seed, 'commit', '-q', '-m', 'edit in 1252');
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.counts.skipped).toBe(0);
    expect(a.study.getNote(n.id).body).toBe('café au lait, naïve');
    expect(a.study.getNote(`${n.id}-bom`).body).toBe('déjà vu');
  });
});
