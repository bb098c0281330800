/**
 * Hostile machine-level sequences: switching handles, changing the remote URL, concurrent syncs,
 * a force-pushed remote, stale deletion confirmations, conflict resolution and Trash restores on
 * two machines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, bodies, converge, edit, git, healthy, remoteNoteBodies, world, write } from './hostile';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

describe('hostile machine sequences', () => {
  // Fixed bug: the sync base is keyed by handle + remote URL + branch, so the *same* repo reached by
  // another URL (https -> ssh, a renamed GitHub repo, a path -> file:// URL) has no base: every
  // note edited on another machine since this one last synced becomes a conflict: this machine's
  // stale version is pushed over the other machine's edit, which is demoted to a "Conflict copy".
  it('changing the remote URL to another spelling of the same repo makes no conflict copies', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await write(a, 'v0');
    await converge([a, b]);
    await edit(b, n.id, 'edited on b');
    await converge([b]);
    git(a.clone, 'remote', 'set-url', 'origin', `file://${w.remote}`);
    await converge([a, b]);
    expect(bodies(a)).toEqual(['edited on b']);
    expect(bodies(b)).toEqual(['edited on b']);
    expect(remoteNoteBodies(w)).toEqual(['edited on b']);
  });

  it('changing the remote URL does not delete or lose anything (new notes both ways, a deletion elsewhere)', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const gone = await write(a, 'deleted on b');
    await write(a, 'kept');
    await converge([a, b]);
    await b.study.deleteNote(gone.id);
    await write(b, 'new on b');
    await converge([b]);
    await write(a, 'new on a');
    git(a.clone, 'remote', 'set-url', 'origin', `file://${w.remote}`);
    await converge([a, b]);
    expect(bodies(a)).toEqual(['kept', 'new on a', 'new on b']);
    expect(bodies(b)).toEqual(['kept', 'new on a', 'new on b']);
    healthy(w, [a, b]);
  });

  // Fixed bug: the database keeps one sync base (one key). Switching the handle and back loses it, so
  // every note edited while on the other handle becomes a conflict with its own older version in
  // the first folder ("Conflict copy ..." duplicates of the learner's own notes).
  it('switching the handle away and back makes no conflict copies of notes edited meanwhile', async () => {
    const a = await w.machine('laptop-a');
    const n = await write(a, 'v0');
    await converge([a]);
    await a.sync.configure({ repoPath: a.clone, handle: 'learner' });
    await edit(a, n.id, 'edited while on the other handle');
    await converge([a]);
    await a.sync.configure({ repoPath: a.clone, handle: 'ada' });
    await converge([a]);
    expect(bodies(a)).toEqual(['edited while on the other handle']);
    expect(remoteNoteBodies(w, 'ada')).toEqual(['edited while on the other handle']);
  });

  it('a second machine with another handle, then switching to the shared one: nothing lost or duplicated', async () => {
    const a = await w.machine('laptop-a');
    await write(a, 'from a');
    await converge([a]);
    const b = await w.machine('laptop-b');
    await b.sync.configure({ repoPath: b.clone, handle: 'bob' });
    await write(b, 'from b');
    await converge([b]);
    await b.sync.configure({ repoPath: b.clone, handle: 'ada' });
    await converge([b, a, b]);
    expect(bodies(a)).toEqual(['from a', 'from b']);
    expect(bodies(b)).toEqual(['from a', 'from b']);
    healthy(w, [a, b]);
  });

  it('two machines syncing at the same moment (one push rejected): the retry merges, nothing lost or doubled', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const shared = await write(a, 'shared');
    await converge([a, b]);
    for (let i = 0; i < 3; i++) {
      await write(a, `a${i}`);
      await write(b, `b${i}`);
    }
    await edit(a, shared.id, 'shared edited on a');
    const [ra, rb] = await Promise.all([a.sync.run(), b.sync.run()]);
    const codes = [ra.error?.code ?? 'ok', rb.error?.code ?? 'ok'].sort();
    expect(codes.every((c) => c === 'ok' || c === 'push-rejected')).toBe(true);
    await converge([a, b]);
    const want = ['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'shared edited on a'];
    expect(bodies(a)).toEqual(want);
    expect(bodies(b)).toEqual(want);
    expect(remoteNoteBodies(w)).toEqual(want);
    healthy(w, [a, b]);
  });

  it('the remote force-pushed back to before the notes (history rewritten): every note comes back, none deleted', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    await write(a, 'one');
    await write(a, 'two');
    await converge([a, b]);
    const seed = git(w.remote, 'rev-list', '--max-parents=0', 'main').trim();
    git(w.remote, 'update-ref', 'refs/heads/main', seed);
    await write(b, 'three');
    await converge([b, a]);
    expect(bodies(a)).toEqual(['one', 'three', 'two']);
    expect(bodies(b)).toEqual(['one', 'three', 'two']);
    expect(remoteNoteBodies(w)).toEqual(['one', 'three', 'two']);
    healthy(w, [a, b]);
  });

  it('the remote replaced by an unrelated squashed history holding the same notes: no loss, no duplicates', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await write(a, 'one');
    await write(a, 'two');
    await converge([a, b]);
    // Squash the whole history into one root commit with the same tree.
    const tree = git(w.remote, 'rev-parse', 'main^{tree}').trim();
    const root = git(w.remote, 'commit-tree', tree, '-m', 'squashed').trim();
    git(w.remote, 'update-ref', 'refs/heads/main', root);
    await edit(b, n.id, 'one edited on b');
    await converge([b, a]);
    expect(bodies(a)).toEqual(['one edited on b', 'two']);
    expect(bodies(b)).toEqual(['one edited on b', 'two']);
    healthy(w, [a, b]);
  });

  it('a stale confirm-deletions list (notes edited elsewhere since) deletes none of the edited notes', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const ns = [await write(a, 'n1'), await write(a, 'n2'), await write(a, 'n3'), await write(a, 'n4')];
    await converge([a, b]);
    for (const n of ns) {
      await a.study.deleteNote(n.id);
    }
    const asked = await a.sync.run();
    expect(asked.error?.code).toBe('confirm-deletions');
    const list = asked.pendingDeletions.map((p) => p.id);
    expect(list.length).toBe(4);
    // Meanwhile B edits two of them and syncs.
    await edit(b, ns[0]?.id ?? '', 'n1 edited on b');
    await edit(b, ns[1]?.id ?? '', 'n2 edited on b');
    await converge([b]);
    const r = await a.sync.run(list);
    if (r.error === null) {
      expect(bodies(a)).toEqual(['n1 edited on b', 'n2 edited on b']);
    }
    await converge([a, b]);
    expect(bodies(b)).toEqual(['n1 edited on b', 'n2 edited on b']);
    expect(bodies(a)).toEqual(['n1 edited on b', 'n2 edited on b']);
  });

  it('the deletion guard: a confirm list naming other ids does not pass the guard', async () => {
    const a = await w.machine('laptop-a');
    const ns = [await write(a, 'n1'), await write(a, 'n2'), await write(a, 'n3'), await write(a, 'n4')];
    await converge([a]);
    for (const n of ns) {
      await a.study.deleteNote(n.id);
    }
    const r = await a.sync.run(['not-a-note', ns[0]?.id ?? '']);
    expect(r.error?.code).toBe('confirm-deletions');
    expect(remoteNoteBodies(w)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('the same note deleted on two machines: deleted once, no resurrection, both Trashes hold it', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await write(a, 'doomed');
    await write(a, 'kept');
    await converge([a, b]);
    await a.study.deleteNote(n.id);
    await b.study.deleteNote(n.id);
    await converge([a, b]);
    expect(bodies(a)).toEqual(['kept']);
    expect(bodies(b)).toEqual(['kept']);
    expect(a.study.trash().items.map((t) => t.id)).toContain(n.id);
    expect(b.study.trash().items.map((t) => t.id)).toContain(n.id);
  });

  it('restoring the same note from the Trash on two machines: one note, no conflict copy', async () => {
    const a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const n = await write(a, 'doomed');
    await converge([a, b]);
    await a.study.deleteNote(n.id);
    await converge([a, b]);
    expect(bodies(b)).toEqual([]);
    await a.study.restoreNote(n.id);
    await b.study.restoreNote(n.id);
    await converge([a, b]);
    expect(bodies(a)).toEqual(['doomed']);
    expect(bodies(b)).toEqual(['doomed']);
    healthy(w, [a, b]);
  });

  for (const [ka, kb] of [
    ['local', 'copy'],
    ['both', 'local'],
    ['copy', 'copy'],
    ['both', 'both'],
  ] as const) {
    it(`resolving one conflict on two machines (${ka} / ${kb}): no duplicate, no lost pair member beyond the choices`, async () => {
      const a = await w.machine('laptop-a');
      const b = await w.machine('laptop-b');
      const n = await write(a, 'v0');
      await converge([a, b]);
      await edit(a, n.id, 'on a');
      await edit(b, n.id, 'on b');
      await converge([a, b]);
      const pa = a.sync.conflicts();
      const pb = b.sync.conflicts();
      expect(pa.length).toBe(1);
      expect(pb.map((p) => p.copyId)).toEqual(pa.map((p) => p.copyId));
      await a.sync.resolve(pa[0]?.copyId ?? '', ka);
      await b.sync.resolve(pb[0]?.copyId ?? '', kb);
      await converge([a, b]);
      expect(bodies(a)).toEqual(bodies(b));
      for (const m of [a, b]) {
        const ids = m.study.store.data.notes.map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
      expect(a.sync.conflicts()).toEqual([]);
      expect(bodies(a).length).toBeGreaterThan(0);
    });
  }
});
