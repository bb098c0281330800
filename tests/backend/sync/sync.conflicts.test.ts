import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, world } from './syncHarness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

async function pair(): Promise<[Awaited<ReturnType<World['machine']>>, Awaited<ReturnType<World['machine']>>]> {
  return [await w.machine('laptop-a'), await w.machine('laptop-b')];
}

describe('sync conflicts', () => {
  it('keeps both versions when both machines edit a note, and the two machines converge', async () => {
    const [a, b] = await pair();
    const n = await a.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'Shared', body: 'v0', tags: [] });
    await a.sync.run();
    await b.sync.run();
    await a.study.saveNote({ id: n.id, topicId: n.topicId, title: 'Shared', body: 'edited on A', tags: [] });
    await b.study.saveNote({ id: n.id, topicId: n.topicId, title: 'Shared', body: 'edited on B', tags: [] });
    expect((await a.sync.run()).ok).toBe(true);
    const rb = await b.sync.run();
    expect(rb.ok).toBe(true);
    expect(rb.counts.conflicts).toBe(1);
    const bodies = b.study.listNotes({}).notes.map((x) => x.body).sort();
    expect(bodies).toEqual(['edited on A', 'edited on B']);
    expect(b.study.getNote(n.id).body).toBe('edited on B');
    const pairs = b.sync.conflicts();
    expect(pairs).toHaveLength(1);
    // Named after the machine and time of the remote sync commit it came from.
    expect(pairs[0]?.copyTitle).toMatch(/^Conflict copy from laptop-a \d{4}-\d\d-\d\d \d\d:\d\d: Shared$/);
    expect(b.study.listNotes({}).notes.some((x) => x.body.includes('<<<<<<<') || x.body.includes('>>>>>>>'))).toBe(false);
    await a.sync.run();
    const sortNotes = (m: typeof a): string[] => m.study.listNotes({}).notes.map((x) => `${x.id}:${x.body}`).sort();
    expect(sortNotes(a)).toEqual(sortNotes(b));
    // Resolving keeps the local note and removes the copy; it syncs across too.
    await b.sync.resolve(pairs[0]?.copyId ?? '', 'local');
    expect(b.sync.conflicts()).toHaveLength(0);
    await b.sync.run();
    await a.sync.run();
    expect(sortNotes(a)).toEqual([`${n.id}:edited on B`]);
  });

  it('lets an edit survive a delete on the other machine', async () => {
    const [a, b] = await pair();
    const n = await a.study.saveNote({ topicId: null, title: 'Keep me', body: 'v0', tags: [] });
    await a.sync.run();
    await b.sync.run();
    await a.study.deleteNote(n.id);
    await b.study.saveNote({ id: n.id, topicId: null, title: 'Keep me', body: 'edited', tags: [] });
    await a.sync.run();
    await b.sync.run();
    await a.sync.run();
    expect(a.study.getNote(n.id).body).toBe('edited');
    expect(b.study.getNote(n.id).body).toBe('edited');
  });

  it('keeps both notes when both machines create a note for the same topic', async () => {
    const [a, b] = await pair();
    await a.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'A note', body: 'from A', tags: [] });
    await b.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'B note', body: 'from B', tags: [] });
    await a.sync.run();
    expect((await b.sync.run()).ok).toBe(true);
    await a.sync.run();
    for (const m of [a, b]) {
      expect(m.study.listNotes({ topicId: 'docs/guide.md#setup' }).notes.map((x) => x.body).sort()).toEqual(['from A', 'from B']);
    }
  });

  it('merges a progress race per topic by updatedAt, with no conflict', async () => {
    const [a, b] = await pair();
    await a.study.setState('docs/guide.md#setup', 'in-progress');
    await b.study.setState('docs/guide.md#setup', 'done');
    await b.study.setState('docs/guide.md#guide', 'skipped');
    await new Promise((r) => setTimeout(r, 5));
    await a.study.setState('docs/guide.md#guide', 'done');
    await a.sync.run();
    const rb = await b.sync.run();
    expect(rb.counts.conflicts).toBe(0);
    await a.sync.run();
    for (const m of [a, b]) {
      const p = m.study.progress().progress;
      expect(p['docs/guide.md#setup']?.state).toBe('done');
      expect(p['docs/guide.md#guide']?.state).toBe('done');
    }
  });
});
