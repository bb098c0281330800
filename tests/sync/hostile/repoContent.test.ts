/**
 * Hostile or hand-made commits under `.nexus/<handle>/`: duplicate ids, ids that squat a conflict
 * copy's id, prototype-named ids, odd tombstones, a `.nexus` that is a file, symlinks.
 */
import { readdirSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictCopyId } from '../../../src/core/sync/merge';
import { parseNote } from '../../../src/core/sync/noteFile';
import { type World, bodies, converge, edit, git, handCommit, healthy, noteText, remoteNoteBodies, remoteNotes, world, write } from './hostile';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

const P = '.nexus/ada/';

describe('hostile repo content', () => {
  // Fixed bug: readSide keeps one file per id (the later `updated`, else the first path) and the export
  // then drops the other file from the repo: a learner who duplicates a note file by hand (copy
  // a.md to b.md, write a new body, commit) has that body deleted from the repo by the next sync,
  // with no tombstone, no "file skipped", no conflict copy, and it never reaches any database.
  it('a note file copied by hand (same id, new body) is not silently dropped from the repo', async () => {
    const a = await w.machine('laptop-a');
    const n = await write(a, 'original');
    await converge([a]);
    const [file] = [...remoteNotes(w).keys()];
    expect(file).toBeDefined();
    const copy = noteText({ ...n, body: 'written by hand in a copy of the file' });
    await handCommit(w, { [`${P}notes/_free/zz-hand-copy.md`]: copy });
    await converge([a]);
    const everywhere = new Set([...bodies(a), ...remoteNoteBodies(w)]);
    expect(everywhere.has('written by hand in a copy of the file')).toBe(true);
    expect(everywhere.has('original')).toBe(true);
  });

  // Fixed bug: reconcileNotes names the conflict copy `<id>~c<hash of the remote version>` and assumes an
  // existing note with that id *is* the copy. A repo note that already owns the id (a hand-made or
  // hostile file) makes the merge report a conflict copy ("1 conflict copy") that never exists:
  // the other machine's edit ('edit on a') is neither kept nor copied, B pushes its own version
  // over it, and A then takes B's version as an unchanged-here update. The edit is lost everywhere.
  it('a repo note whose id equals the conflict copy id does not make the other machine\'s edit vanish', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await write(a, 'v0');
    await converge([a, b]);
    await edit(a, n.id, 'edit on a');
    await converge([a]);
    // The repo's version of the note now is A's edit: its conflict copy id is predictable.
    const remoteVersion = [...remoteNotes(w).values()].map((t) => parseNote(t)).find((p) => p.ok && p.note.id === n.id);
    if (remoteVersion?.ok !== true) {
      throw new Error('no remote version');
    }
    const squatId = conflictCopyId(remoteVersion.note);
    await handCommit(w, { [`${P}notes/_free/squatter.md`]: noteText({ ...n, id: squatId, title: 'squatter', body: 'a different note that owns this id' }) });
    await converge([a]);
    expect(bodies(a)).toContain('a different note that owns this id');
    await edit(b, n.id, 'edit on b');
    expect((await b.sync.run()).error).toBeNull();
    await converge([a, b]);
    for (const m of [a, b]) {
      expect(bodies(m), m.name).toContain('a different note that owns this id');
      expect(bodies(m), m.name).toContain('edit on b');
      expect(bodies(m), m.name).toContain('edit on a');
    }
    expect(remoteNoteBodies(w)).toContain('edit on a');
  });

  for (const id of ['__proto__', 'constructor', 'toString']) {
    // Ids that name Object.prototype members (from a hand-made or hostile file) must behave like any id.
    it(`a note with id "${id}" deleted here stays deleted (its tombstone survives the merge)`, async () => {
      const a = await w.machine('laptop-a');
      const b = await w.machine('laptop-b');
      const now = new Date().toISOString();
      await handCommit(w, { [`${P}notes/_free/odd.md`]: noteText({ id, topicId: null, topicTitle: null, title: 'odd id', body: 'odd body', tags: [], createdAt: now, updatedAt: now }) });
      await converge([a, b]);
      expect(bodies(a)).toEqual(['odd body']);
      expect((await a.study.deleteNote(id)).deleted).toBe(true);
      await converge([a, b]);
      expect(bodies(a)).toEqual([]);
      expect(bodies(b)).toEqual([]);
      expect(remoteNoteBodies(w)).toEqual([]);
    });
  }

  it('a tombstone naming the wrong hash does not delete an edited note (only the synced base version)', async () => {
    const a = await w.machine('laptop-a');
    const keep = await write(a, 'kept');
    await converge([a]);
    await edit(a, keep.id, 'edited after the sync');
    await handCommit(w, {
      [`${P}tombstones.json`]: `${JSON.stringify({ version: 1, notes: { [keep.id]: { deletedAt: new Date().toISOString(), hash: 'f'.repeat(64) } } })}\n`,
    });
    await converge([a]);
    expect(bodies(a)).toEqual(['edited after the sync']);
    expect(remoteNoteBodies(w)).toEqual(['edited after the sync']);
  });

  it('a huge tombstones.json (50k ids) neither breaks the sync nor deletes unrelated notes', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'one');
    await write(a, 'two');
    await converge([a]);
    const notes: Record<string, { deletedAt: string; hash: string }> = {};
    for (let i = 0; i < 50_000; i++) {
      notes[`ghost-${i}`] = { deletedAt: '2020-01-01T00:00:00.000Z', hash: 'a'.repeat(64) };
    }
    await handCommit(w, { [`${P}tombstones.json`]: JSON.stringify({ version: 1, notes }) });
    const t0 = Date.now();
    await converge([a]);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(bodies(a)).toEqual(['one', 'two']);
    expect(remoteNoteBodies(w)).toEqual(['one', 'two']);
  });

  it('a `.nexus` that is a file in the repo: the sync fails cleanly or replaces it, notes survive on the machine', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    await write(a, 'one');
    await converge([a]);
    await handCommit(w, { '.nexus': null });
    await handCommit(w, { '.nexus': 'i am a file\n' });
    const r = await a.sync.run();
    // Either outcome is acceptable; losing the note is not.
    expect(bodies(a)).toEqual(['one']);
    if (r.error === null) {
      expect(remoteNoteBodies(w)).toEqual(['one']);
    }
    await write(b, 'from b');
    await b.sync.run();
    expect(bodies(b)).toContain('from b');
  });

  it('a symlink committed as `.nexus/ada/notes` pointing outside the repo: nothing outside is written', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'one');
    await converge([a]);
    const outside = `${w.base}/outside`;
    git(w.base, 'init', '-q', outside);
    const hand = `${w.base}/hand-symlink`;
    git(w.base, 'clone', '-q', w.remote, hand);
    git(hand, 'rm', '-q', '-r', '--', `${P}notes`);
    await symlink(outside, `${hand}/${P}notes`);
    git(hand, 'add', '--', `${P}notes`);
    git(hand, 'commit', '-q', '-m', 'symlink');
    git(hand, 'push', '-q', 'origin', 'HEAD:main');
    await a.sync.run();
    await a.sync.run();
    expect(readdirSync(outside).filter((f) => f !== '.git')).toEqual([]);
    expect(bodies(a)).toEqual(['one']);
    healthy(w, [a]);
  });

  for (const kind of ['symlink', 'regular file'] as const) {
    // Fixed bug: when `.nexus/<handle>/notes` is a blob in the repo (a symlink, or a plain file someone
    // committed), it is kept as an "other file" and every note path under `notes/` is silently
    // dropped from the tree: the sync succeeds saying "1 note up", records the notes in the sync
    // base as synced, yet no note file reaches the repo — on this sync or any later one. Another
    // machine never receives them; losing this database loses them. (A symlink also comes back as
    // a regular file, mode 100644.)
    it(`\`.nexus/ada/notes\` committed as a ${kind}: a sync that reports notes up puts them in the repo (or fails)`, async () => {
      const a = await w.machine('laptop-a');
      await write(a, 'one');
      await converge([a]);
      const hand = `${w.base}/hand-notes-file`;
      git(w.base, 'clone', '-q', w.remote, hand);
      git(hand, 'rm', '-q', '-r', '--', `${P}notes`);
      if (kind === 'symlink') {
        await symlink('/tmp', `${hand}/${P}notes`);
      } else {
        await writeFile(`${hand}/${P}notes`, 'not a folder\n');
      }
      git(hand, 'add', '--', `${P}notes`);
      git(hand, 'commit', '-q', '-m', 'notes is not a folder');
      git(hand, 'push', '-q', 'origin', 'HEAD:main');
      await write(a, 'two');
      const r = await a.sync.run();
      const r2 = await a.sync.run();
      if (r.error === null && r2.error === null) {
        expect(remoteNoteBodies(w)).toEqual(['one', 'two']);
      }
      const b = await w.machine('laptop-b');
      await b.sync.run();
      expect(bodies(b)).toEqual(['one', 'two']);
    });
  }
});
