/**
 * The sync matrix, part 2: both machines change things, a sync is cut off at each step, and the
 * learner's own git index and working tree under our folder. After each case: no note any machine
 * held is lost, none is duplicated, no file holds a conflict marker.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Machine, type World, bodies, duplicates, git, markerFiles, remoteBodies, restart, world } from './machines';

let w: World;
let killAt: string | null = null;
beforeEach(async () => {
  w = await world();
  killAt = null;
});
afterEach(async () => {
  await w.dispose();
});

/** Sync options whose sync stops dead when step `killAt` starts (the in-process stand-in for kill -9). */
const killable = {
  afterStep: (step: string, state: string): Promise<void> => {
    if (state === 'running' && step === killAt) {
      killAt = null;
      return Promise.reject(new Error(`killed at ${step}`));
    }
    return Promise.resolve();
  },
};
const machine = (name: string, clone = true): Promise<Machine> => w.machine(name, { ...killable, clone });

const write = (m: Machine, body: string): ReturnType<Machine['study']['saveNote']> => m.study.saveNote({ topicId: 'docs/guide.md#setup', title: body, body, tags: [] });
const edit = (m: Machine, id: string, body: string): ReturnType<Machine['study']['saveNote']> => m.study.saveNote({ id, topicId: 'docs/guide.md#setup', title: body, body, tags: [] });

function healthy(machines: readonly Machine[]): void {
  for (const m of machines) {
    expect(duplicates(m), `${m.name} holds duplicates`).toEqual([]);
  }
  expect(markerFiles(w, machines)).toEqual([]);
}

async function converge(machines: readonly Machine[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const m of machines) {
      expect((await m.sync.run()).error).toBeNull();
    }
  }
}

describe('sync matrix: both machines change things', () => {
  it('both edit one note: both versions survive on both machines', async () => {
    const a = await machine('laptop-a');
    const b = await machine('laptop-b');
    const n = await write(a, 'v0');
    await converge([a, b]);
    await edit(a, n.id, 'edit on a');
    await edit(b, n.id, 'edit on b');
    await converge([a, b]);
    expect(bodies(a)).toEqual(['edit on a', 'edit on b']);
    expect(bodies(b)).toEqual(bodies(a));
    healthy([a, b]);
  });

  it.each(['a first', 'b first'])('edit vs delete (%s): the edit survives everywhere', async (order) => {
    const a = await machine('laptop-a');
    const b = await machine('laptop-b');
    const n = await write(a, 'v0');
    await converge([a, b]);
    await a.study.deleteNote(n.id);
    await edit(b, n.id, 'edited while deleted elsewhere');
    await converge(order === 'a first' ? [a, b] : [b, a]);
    expect(bodies(a)).toEqual(['edited while deleted elsewhere']);
    expect(bodies(b)).toEqual(['edited while deleted elsewhere']);
    healthy([a, b]);
  });

  it('create vs create on one topic: both notes', async () => {
    const a = await machine('laptop-a');
    const b = await machine('laptop-b');
    await write(a, 'created on a');
    await write(b, 'created on b');
    await converge([a, b]);
    expect(bodies(a)).toEqual(['created on a', 'created on b']);
    expect(bodies(b)).toEqual(bodies(a));
    healthy([a, b]);
  });

  it('progress on both: the later change of each topic wins, and a reset syncs instead of coming back', async () => {
    const a = await machine('laptop-a');
    const b = await machine('laptop-b');
    await a.study.setState('docs/guide.md#setup', 'in-progress');
    await converge([a, b]);
    await b.study.setState('docs/guide.md#setup', 'done');
    await converge([a, b]);
    expect(a.study.progress().progress['docs/guide.md#setup']?.state).toBe('done');
    await a.study.reset();
    await converge([a, b]);
    expect(b.study.progress().progress['docs/guide.md#setup']?.state).toBe('not-started');
    await b.study.undoReset().catch(() => undefined);
    await a.study.undoReset();
    await converge([a, b]);
    expect(b.study.progress().progress['docs/guide.md#setup']?.state).toBe('done');
  });
});

describe('sync matrix: a sync cut off at each step', () => {
  it.each(['export', 'fetch', 'merge', 'commit', 'import', 'push'])('killed at "%s" with changes on both machines: the next syncs lose nothing', async (step) => {
    let a = await machine('laptop-a');
    const b = await machine('laptop-b');
    const shared = await write(a, 'shared v0');
    const gone = await write(a, 'to delete');
    await converge([a, b]);
    await edit(a, shared.id, 'shared on a');
    await write(a, 'new on a');
    await a.study.deleteNote(gone.id);
    await edit(b, shared.id, 'shared on b');
    await write(b, 'new on b');
    await b.sync.run();
    killAt = step;
    const cut = await a.sync.run();
    expect(cut.ok).toBe(false);
    a = await restart(w, a, killable);
    await converge([a, b]);
    for (const m of [a, b]) {
      expect(bodies(m)).toEqual(['new on a', 'new on b', 'shared on a', 'shared on b']);
    }
    expect(remoteBodies(w).sort()).toEqual(['new on a', 'new on b', 'shared on a', 'shared on b']);
    expect(git(a.clone, 'status', '--porcelain', '--', '.nexus')).toBe('');
    healthy([a, b]);
  });
});

describe("sync matrix: the learner's own git index and files", () => {
  it('repairs a staged deletion of a note file left in the index, so a plain `git commit` cannot delete the note', async () => {
    const a = await machine('laptop-a');
    await write(a, 'keep me');
    await a.sync.run();
    const file = git(a.clone, 'ls-files', '.nexus/ada/notes').trim();
    git(a.clone, 'rm', '-q', '--cached', file);
    expect(git(a.clone, 'status', '--porcelain', '--', '.nexus')).toContain('D ');
    expect((await a.sync.run()).error).toBeNull();
    expect(git(a.clone, 'status', '--porcelain', '--', '.nexus')).toBe('');
    git(a.clone, 'commit', '-q', '--allow-empty', '-m', 'learner commit');
    expect(git(a.clone, 'ls-tree', '-r', '--name-only', 'HEAD', '--', '.nexus/ada/notes').trim()).toBe(file);
  });

  it('copies a hand edit of a note file aside before rewriting our folder, and keeps an unreadable note file in the repo', async () => {
    const a = await machine('laptop-a');
    const n = await write(a, 'original');
    await a.sync.run();
    const file = git(a.clone, 'ls-files', '.nexus/ada/notes').trim();
    await writeFile(path.join(a.clone, file), 'hand edited, not committed\n');
    // Another tool committed a note file we cannot read: it stays in the repo untouched.
    const b = await machine('laptop-b');
    await writeFile(path.join(b.clone, '.nexus/ada/notes/broken.md'), '---\nid: [unclosed\n---\nbody\n');
    git(b.clone, 'add', '.nexus/ada/notes/broken.md');
    git(b.clone, 'commit', '-q', '-m', 'a broken note');
    git(b.clone, 'push', '-q', 'origin', 'main');
    await edit(a, n.id, 'edited in the app');
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect(r.summary).toMatch(/copied to .*rescued/);
    expect(r.counts.skipped).toBe(1);
    expect(git(w.remote, 'ls-tree', '-r', '--name-only', 'main', '--', '.nexus/ada/notes/broken.md').trim()).toBe('.nexus/ada/notes/broken.md');
    expect(bodies(a)).toEqual(['edited in the app']);
  });

  it('syncs a note whose title holds a NUL and control characters, and every later sync still works', async () => {
    const a = await machine('laptop-a');
    const b = await machine('laptop-b');
    await a.study.saveNote({ topicId: null, title: 'bad\u0000title\u0007', body: 'body with \u0000 nul', tags: ['t\u0000g'] });
    await converge([a, b]);
    expect(b.study.listNotes({}).notes).toHaveLength(1);
    await write(a, 'later');
    await converge([a, b]);
    expect(bodies(b)).toHaveLength(2);
  });
});

describe('sync matrix: a note open in the editor', () => {
  it('an edit saved after a sync deleted the note (deleted on another machine) brings it back with the edit', async () => {
    const a = await machine('laptop-a');
    const b = await machine('laptop-b');
    const n = await write(a, 'v0');
    await converge([a, b]);
    await a.study.deleteNote(n.id);
    await a.sync.run();
    await b.sync.run();
    expect(bodies(b)).toEqual([]);
    // B's editor still had the note open; its autosave lands after the sync.
    await edit(b, n.id, 'typed while it was deleted elsewhere');
    expect(b.study.trash().items).toEqual([]);
    await converge([b, a]);
    expect(bodies(a)).toEqual(['typed while it was deleted elsewhere']);
    expect(bodies(b)).toEqual(['typed while it was deleted elsewhere']);
  });

  it('an autosave landing after the learner deleted the note here does not resurrect it', async () => {
    const a = await machine('laptop-a');
    const n = await write(a, 'v0');
    await a.study.deleteNote(n.id);
    await expect(edit(a, n.id, 'late autosave')).rejects.toMatchObject({ code: 'not-found' });
    expect(bodies(a)).toEqual([]);
  });
});
