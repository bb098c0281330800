import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, git, remoteFiles, remoteText, world } from './syncHarness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

describe('sync basics', () => {
  it('first sync commits notes and progress under .nexus/<handle>/ and pushes one commit', async () => {
    const a = await w.machine('laptop-a');
    const note = await a.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'Setup tips', body: '# Remember\n\nRun `npm ci`.\n', tags: ['Tooling'] });
    await a.study.saveNote({ topicId: null, title: 'Free thoughts', body: 'free', tags: [] });
    await a.study.setState('docs/guide.md#setup', 'done');
    const events: string[] = [];
    a.ctx.events.subscribe((e) => {
      if (e.type === 'sync.step' && e.state !== 'running') {
        events.push(`${e.step}:${e.state}`);
      }
    });
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.summary).toBe('2 notes up, 0 down, 1 topic merged');
    expect(events).toEqual(['check:done', 'export:done', 'fetch:done', 'merge:done', 'commit:done', 'import:done', 'push:done']);
    const files = remoteFiles(w.remote);
    expect(files).toContain('.nexus/ada/notes/docs/guide.md/setup.md');
    expect(files).toContain('.nexus/ada/progress.json');
    expect(files.some((f) => f.startsWith('.nexus/ada/notes/_free/free-thoughts--'))).toBe(true);
    const text = remoteText(w.remote, '.nexus/ada/notes/docs/guide.md/setup.md');
    expect(text).toContain(`id: ${note.id}`);
    expect(text).toContain('topic: docs/guide.md#setup');
    expect(text).toContain('# Remember\n\nRun `npm ci`.\n');
    const progress = JSON.parse(remoteText(w.remote, '.nexus/ada/progress.json')) as { topics: Record<string, { state: string }> };
    expect(progress.topics['docs/guide.md#setup']?.state).toBe('done');
    expect(git(w.remote, 'log', '-1', '--format=%s', 'main').trim()).toBe('nexus(ada): sync from laptop-a — 2 notes changed, 1 topic of progress');
    // Only our folder changed in that commit.
    const changed = git(w.remote, 'diff-tree', '-r', '--name-only', '--no-commit-id', 'main~1', 'main').split('\n').filter((l) => l !== '');
    expect(changed.every((f) => f.startsWith('.nexus/ada/'))).toBe(true);
    // The local clone is clean and a backup ref was kept.
    expect(git(a.clone, 'status', '--porcelain')).toBe('');
    expect(git(a.clone, 'for-each-ref', 'refs/nexus/backup/').trim()).not.toBe('');
  });

  it('round-trips to a second machine, and a re-sync is idempotent', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await a.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'From A', body: 'alpha', tags: ['x'] });
    await a.study.setState('docs/guide.md#setup', 'in-progress');
    expect((await a.sync.run()).ok).toBe(true);
    const rb = await b.sync.run();
    expect(rb.error?.message ?? null).toBeNull();
    expect(rb.counts.notesDown).toBe(1);
    expect(b.study.getNote(n.id)).toMatchObject({ title: 'From A', body: 'alpha', tags: ['x'] });
    expect(b.study.progress().progress['docs/guide.md#setup']?.state).toBe('in-progress');
    // B edits, A gets it back.
    await b.study.saveNote({ id: n.id, topicId: n.topicId, title: 'From A', body: 'alpha + beta', tags: ['x'] });
    expect((await b.sync.run()).summary).toBe('1 note up, 0 down, 0 topics merged');
    const ra = await a.sync.run();
    expect(ra.counts.notesDown).toBe(1);
    expect(a.study.getNote(n.id).body).toBe('alpha + beta');
    // Nothing changed: no new commit, "Already up to date".
    const before = git(w.remote, 'rev-parse', 'main');
    const again = await a.sync.run();
    expect(again.summary).toBe('Already up to date');
    expect(await b.sync.run()).toMatchObject({ summary: 'Already up to date' });
    expect(git(w.remote, 'rev-parse', 'main')).toBe(before);
    expect(git(a.clone, 'status', '--porcelain')).toBe('');
    expect(git(b.clone, 'status', '--porcelain')).toBe('');
  });

  it("leaves the user's own uncommitted changes and other handles' folders alone", async () => {
    const a = await w.machine('laptop-a');
    const other = path.join(a.clone, '.nexus', 'grace');
    await import('node:fs/promises').then((fs) => fs.mkdir(other, { recursive: true }));
    await writeFile(path.join(other, 'progress.json'), '{"version":1,"topics":{}}\n');
    git(a.clone, 'add', '.nexus/grace');
    git(a.clone, 'commit', '-q', '-m', 'grace');
    await writeFile(path.join(a.clone, 'README.md'), '# My hub\n\nwork in progress\n');
    await writeFile(path.join(a.clone, 'scratch.txt'), 'untracked');
    git(a.clone, 'add', 'scratch.txt');
    await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(await readFile(path.join(a.clone, 'README.md'), 'utf8')).toBe('# My hub\n\nwork in progress\n');
    const status = git(a.clone, 'status', '--porcelain').split('\n').filter((l) => l !== '').sort();
    expect(status).toEqual([' M README.md', 'A  scratch.txt']);
    expect(remoteText(w.remote, '.nexus/grace/progress.json')).toBe('{"version":1,"topics":{}}\n');
    expect(remoteFiles(w.remote).some((f) => f === 'scratch.txt')).toBe(false);
    expect(git(w.remote, 'show', 'main:README.md')).toBe('# My hub\n');
  });
});
