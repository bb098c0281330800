import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../src/core/db/schema';
import { CONFLICT_TAG, conflictCopyId } from '../../../src/core/sync/merge';
import { type NoteSide, type Reconciled, mergeTombstones, noteHash, reconcileNotes } from '../../../src/core/sync/reconcile';
import type { SyncNote, Tombstones } from '../../../src/core/sync/types';
import { seededRandom } from '../../seededRandom';

/** Version `k` of note `id`: each version has its own body and time, so its own hash. */
const v = (id: string, k: number, over: Partial<SyncNote> = {}): SyncNote => ({
  id,
  topicId: 'docs/a.md#x',
  topicTitle: null,
  title: `T ${id}`,
  body: `body ${id} v${k}`,
  tags: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: `2025-01-${String(k + 1).padStart(2, '0')}T00:00:00.000Z`,
  ...over,
});
const side = (notes: readonly SyncNote[], tombstones: Tombstones = {}): NoteSide => ({ notes, tombstones });
const stone = (of: SyncNote | string, deletedAt = '2025-02-01T00:00:00.000Z'): Tombstone => ({
  deletedAt,
  hash: typeof of === 'string' ? of : noteHash(of),
});
const baseOf = (...notes: SyncNote[]): Record<string, string> => Object.fromEntries(notes.map((n) => [n.id, noteHash(n)]));
const origin = { machine: 'laptop-b', time: '2025-02-01 10:00' };
const bodies = (r: Reconciled): Array<[string, string]> => r.notes.map((n) => [n.id, n.body]);
const FOREIGN = 'ffffffffffffffff';
/** noteHash, memoised: the seeded cases hash the same few versions many times. */
const hashes = new Map<string, string>();
const hashOf = (n: SyncNote): string => {
  const key = JSON.stringify(n);
  let h = hashes.get(key);
  if (h === undefined) {
    h = noteHash(n);
    hashes.set(key, h);
  }
  return h;
};

describe('noteHash', () => {
  it('is the same for equal notes and differs for any change a sync carries', () => {
    expect(noteHash(v('1', 0))).toBe(noteHash({ ...v('1', 0), tags: [] }));
    expect(noteHash(v('1', 0))).toMatch(/^[0-9a-f]{16}$/);
    const changes: Array<Partial<SyncNote>> = [
      { body: 'other' },
      { title: 'other' },
      { tags: ['t'] },
      { updatedAt: '2030-01-01T00:00:00.000Z' },
      { topicId: null },
      { topicTitle: 'X' },
      { id: '2' },
    ];
    for (const c of changes) {
      expect(noteHash(v('1', 0, c)), JSON.stringify(c)).not.toBe(noteHash(v('1', 0)));
    }
  });
});

describe('reconcileNotes: a note both sides hold', () => {
  // [case, local version, repo version, base] -> [kept bodies, up, down]
  const rows: Array<[string, number, number, Record<string, string>, string[], string[], string[]]> = [
    ['unchanged on both', 0, 0, baseOf(v('1', 0)), ['body 1 v0'], [], []],
    ['changed here only', 1, 0, baseOf(v('1', 0)), ['body 1 v1'], ['1'], []],
    ['changed in the repo only', 0, 1, baseOf(v('1', 0)), ['body 1 v1'], [], ['1']],
    ['changed on both to the same text', 1, 1, baseOf(v('1', 0)), ['body 1 v1'], [], []],
    ['never synced (empty base), same text', 1, 1, {}, ['body 1 v1'], [], []],
    ['base knows other ids only, same text', 2, 2, baseOf(v('other', 0)), ['body 1 v2'], [], []],
  ];
  it.each(rows)('%s', (_name, lk, rk, base, kept, up, down) => {
    const r = reconcileNotes(side([v('1', lk)]), side([v('1', rk)]), base, origin);
    expect(r.notes.map((n) => n.body)).toEqual(kept);
    expect(r.up).toEqual(up);
    expect(r.down).toEqual(down);
    expect(r.conflicts).toEqual([]);
    expect(r.deletedLocally).toEqual([]);
    expect(r.deletedRemotely).toEqual([]);
  });

  it.each([
    ['changed on both differently', baseOf(v('1', 0))],
    ['never synced (empty base), texts differ', {}],
    ['base names a third version', baseOf(v('1', 3))],
  ])('%s: local stays, the repo version arrives as a conflict copy', (_name, base) => {
    const local = v('1', 1);
    const remote = v('1', 2);
    const r = reconcileNotes(side([local]), side([remote]), base, origin);
    const copyId = conflictCopyId(remote);
    expect(copyId).toMatch(/^1~c[0-9a-f]{12}$/);
    expect(r.notes.map((n) => n.id)).toEqual(['1', copyId]);
    expect(r.notes[0]).toEqual(local);
    expect(r.notes[1]).toEqual({ ...remote, id: copyId, title: 'Conflict copy from laptop-b 2025-02-01 10:00: T 1', tags: [CONFLICT_TAG] });
    expect(r.up).toEqual(['1']);
    expect(r.down).toEqual([copyId]);
    expect(r.conflicts).toEqual([['1', copyId]]);
    expect(r.notes.some((n) => n.body.includes('<<<<<<<'))).toBe(false);
  });

  it('gives the same conflict copy id every time, from another machine too', () => {
    const remote = v('1', 2);
    const a = reconcileNotes(side([v('1', 1)]), side([remote]), {}, origin);
    const b = reconcileNotes(side([v('1', 3)]), side([remote]), {}, { machine: 'desktop', time: '2026-01-01 00:00' });
    expect(a.conflicts[0]?.[1]).toBe(b.conflicts[0]?.[1]);
    // A different repo version is a different copy.
    const c = reconcileNotes(side([v('1', 1)]), side([v('1', 4)]), {}, origin);
    expect(c.conflicts[0]?.[1]).not.toBe(a.conflicts[0]?.[1]);
  });

  it('does not make a second copy when this side already holds it (the conflict was seen before)', () => {
    const remote = v('1', 2);
    const held = {
      ...remote,
      id: conflictCopyId(remote),
      title: 'Conflict copy from laptop-b 2025-01-01 00:00: T 1',
      tags: [CONFLICT_TAG],
    };
    const r = reconcileNotes(side([v('1', 1), held]), side([remote]), baseOf(v('1', 0)), origin);
    expect(r.notes).toEqual([v('1', 1), held]);
    expect(r.conflicts).toEqual([]);
    expect(r.down).toEqual([]);
  });

  it('keeps one copy when the repo already holds it', () => {
    const remote = v('1', 2);
    const theirs = {
      ...remote,
      id: conflictCopyId(remote),
      title: 'Conflict copy from desktop 2025-01-01 00:00: T 1',
      tags: [CONFLICT_TAG],
    };
    const r = reconcileNotes(side([v('1', 1)]), side([remote, theirs]), baseOf(v('1', 0)), origin);
    expect(r.notes.map((n) => n.id)).toEqual(['1', theirs.id]);
  });

  // Fixed bug (src/core/sync/reconcile.ts): when the repo already holds the conflict copy, the id is
  // pushed to `down` twice (once as a new copy, once as a repo-only note), so the sync summary
  // says "2 down" for one note; the copy is also reported as a new conflict although none was made
  // (and this machine's title replaces the repo copy's, rewriting that file for nothing).
  it("lists the repo's existing conflict copy once in down", () => {
    const remote = v('1', 2);
    const theirs = {
      ...remote,
      id: conflictCopyId(remote),
      title: 'Conflict copy from desktop 2025-01-01 00:00: T 1',
      tags: [CONFLICT_TAG],
    };
    const r = reconcileNotes(side([v('1', 1)]), side([remote, theirs]), baseOf(v('1', 0)), origin);
    expect(r.down).toEqual([theirs.id]);
  });

  it('never deletes a note both sides hold, whatever the tombstones say', () => {
    const r = reconcileNotes(
      side([v('1', 1)], { '1': stone(v('1', 1)) }),
      side([v('1', 1)], { '1': stone(v('1', 1)) }),
      baseOf(v('1', 1)),
      origin,
    );
    expect(bodies(r)).toEqual([['1', 'body 1 v1']]);
    expect(r.tombstones).toEqual({});
  });
});

describe('reconcileNotes: a note one side holds', () => {
  it('adds a note the repo lacks and has no tombstone for (up), synced before or not', () => {
    for (const base of [{}, baseOf(v('1', 0))]) {
      const r = reconcileNotes(side([v('1', 0)]), side([]), base, origin);
      expect(bodies(r)).toEqual([['1', 'body 1 v0']]);
      expect(r.up).toEqual(['1']);
      expect(r.down).toEqual([]);
    }
  });

  it('adds a note missing here without a local tombstone (down), even one synced before', () => {
    // E.g. a database restored from an old backup: absence is not a deletion.
    for (const base of [{}, baseOf(v('1', 0))]) {
      const r = reconcileNotes(side([]), side([v('1', 0)]), base, origin);
      expect(bodies(r)).toEqual([['1', 'body 1 v0']]);
      expect(r.down).toEqual(['1']);
      expect(r.up).toEqual([]);
      expect(r.deletedRemotely).toEqual([]);
    }
  });

  it('deletes from the repo the version a local tombstone names (deletedRemotely)', () => {
    const held = v('1', 1);
    const t = stone(held);
    const r = reconcileNotes(side([], { '1': t }), side([held]), {}, origin);
    expect(r.notes).toEqual([]);
    expect(r.deletedRemotely).toEqual([held]);
    expect(r.deletedLocally).toEqual([]);
    expect(r.up).toEqual(['1']);
    expect(r.down).toEqual([]);
    expect(r.tombstones).toEqual({ '1': t });
  });

  it('deletes from the repo a version untouched since the last sync, whatever version the tombstone names', () => {
    const r = reconcileNotes(side([], { '1': stone(FOREIGN) }), side([v('1', 1)]), baseOf(v('1', 1)), origin);
    expect(r.notes).toEqual([]);
    expect(r.deletedRemotely.map((n) => n.id)).toEqual(['1']);
  });

  it('keeps a repo edit made after the version a local tombstone names, and drops that tombstone', () => {
    const r = reconcileNotes(side([], { '1': stone(v('1', 0)) }), side([v('1', 1)]), baseOf(v('1', 0)), origin);
    expect(bodies(r)).toEqual([['1', 'body 1 v1']]);
    expect(r.down).toEqual(['1']);
    expect(r.deletedRemotely).toEqual([]);
    expect(r.tombstones).toEqual({});
  });

  it('deletes here a note the repo has a tombstone for when it is unchanged since the last sync (deletedLocally)', () => {
    const held = v('1', 1);
    const t = stone(FOREIGN);
    const r = reconcileNotes(side([held]), side([], { '1': t }), baseOf(held), origin);
    expect(r.notes).toEqual([]);
    expect(r.deletedLocally).toEqual([held]);
    expect(r.deletedRemotely).toEqual([]);
    expect(r.down).toEqual(['1']);
    expect(r.up).toEqual([]);
    expect(r.tombstones).toEqual({ '1': t });
  });

  it('deletes here the exact version a repo tombstone names, even never synced', () => {
    const held = v('1', 1);
    const r = reconcileNotes(side([held]), side([], { '1': stone(held) }), {}, origin);
    expect(r.deletedLocally).toEqual([held]);
  });

  it("keeps a local edit the repo's tombstone does not name, and drops the tombstone", () => {
    const r = reconcileNotes(side([v('1', 2)]), side([], { '1': stone(v('1', 1)) }), baseOf(v('1', 1)), origin);
    expect(bodies(r)).toEqual([['1', 'body 1 v2']]);
    expect(r.up).toEqual(['1']);
    expect(r.deletedLocally).toEqual([]);
    expect(r.tombstones).toEqual({});
  });

  it('ignores a tombstone on the side that still holds the note', () => {
    const r = reconcileNotes(side([v('1', 1)], { '1': stone(v('1', 1)) }), side([]), baseOf(v('1', 1)), origin);
    expect(bodies(r)).toEqual([['1', 'body 1 v1']]);
    expect(r.tombstones).toEqual({});
  });
});

describe('reconcileNotes: tombstones', () => {
  it('unions both sides, the later deletion of an id winning, and prunes ids alive after the merge', () => {
    const local = { a: stone('aa', '2025-03-01T00:00:00.000Z'), b: stone('bb', '2025-01-01T00:00:00.000Z'), c: stone('cc') };
    const remote = {
      a: stone('a2', '2025-02-01T00:00:00.000Z'),
      b: stone('b2', '2025-04-01T00:00:00.000Z'),
      d: stone('dd'),
      e: stone('ee'),
    };
    const r = reconcileNotes(side([v('c', 0)], local), side([v('e', 0)], remote), {}, origin);
    expect(r.tombstones).toEqual({ a: local.a, b: remote.b, d: remote.d });
    expect(r.notes.map((n) => n.id)).toEqual(['c', 'e']);
    // The inputs are not changed.
    expect(Object.keys(local)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(remote)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('mergeTombstones keeps only deletedAt and hash, and does not depend on argument order for different times', () => {
    const x = { id1: { ...stone('h1', '2025-01-01T00:00:00.000Z'), extra: 1 } as Tombstone };
    const y = { id1: stone('h2', '2025-01-02T00:00:00.000Z'), id2: stone('h3') };
    expect(mergeTombstones(x, y, new Set())).toEqual({ id1: y.id1, id2: y.id2 });
    expect(mergeTombstones(y, x, new Set())).toEqual({ id1: y.id1, id2: y.id2 });
    expect(mergeTombstones(x, {}, new Set())).toEqual({ id1: stone('h1', '2025-01-01T00:00:00.000Z') });
    expect(mergeTombstones(x, y, new Set(['id1', 'id2']))).toEqual({});
  });
});

describe('reconcileNotes: the old 3-way cases under the new rules', () => {
  it('takes the side that changed (one note each way)', () => {
    const base = baseOf(v('1', 0), v('2', 0));
    const r = reconcileNotes(side([v('1', 1), v('2', 0)]), side([v('1', 0), v('2', 1)]), base, origin);
    expect(bodies(r)).toEqual([
      ['1', 'body 1 v1'],
      ['2', 'body 2 v1'],
    ]);
    expect(r.up).toEqual(['1']);
    expect(r.down).toEqual(['2']);
  });

  it('adds notes created on either side (same topic, different ids)', () => {
    const r = reconcileNotes(side([v('a', 0)]), side([v('b', 0)]), {}, origin);
    expect(r.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(r.up).toEqual(['a']);
    expect(r.down).toEqual(['b']);
  });

  it('no longer deletes by absence: a note missing on one side without a tombstone comes back', () => {
    // The old mergeNotes deleted '3' here (in the base, unchanged locally, absent in the repo).
    const base = baseOf(v('1', 0), v('2', 0), v('3', 0));
    const r = reconcileNotes(side([v('1', 1), v('3', 0)]), side([v('2', 1)]), base, origin);
    expect(bodies(r)).toEqual([
      ['1', 'body 1 v1'],
      ['2', 'body 2 v1'],
      ['3', 'body 3 v0'],
    ]);
    expect(r.deletedLocally).toEqual([]);
    expect(r.deletedRemotely).toEqual([]);
  });

  it('is idempotent: merging the merged result again changes nothing', () => {
    const r = reconcileNotes(side([v('1', 1)]), side([v('1', 2)]), baseOf(v('1', 0)), origin);
    const merged = side(r.notes, r.tombstones);
    const again = reconcileNotes(merged, merged, baseOf(...r.notes), origin);
    expect(again.notes).toEqual(r.notes);
    expect(again.up.length + again.down.length + again.conflicts.length).toBe(0);
  });
});

const baseOfFast = (...notes: SyncNote[]): Record<string, string> => Object.fromEntries(notes.map((n) => [n.id, hashOf(n)]));


type Case = { local: NoteSide; remote: NoteSide; base: Record<string, string> };

function randomCase(rand: () => number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const versions = [null, 0, 1, 2] as const;
  const local: SyncNote[] = [];
  const remote: SyncNote[] = [];
  const lt: Tombstones = {};
  const rt: Tombstones = {};
  const base: Record<string, string> = {};
  const day = (): string => `2025-03-${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}T00:00:00.000Z`;
  const tombFor = (id: string): Tombstone => stone(rand() < 0.2 ? FOREIGN : hashOf(v(id, pick([0, 1, 2]))), day());
  for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
    const lk = pick(versions);
    const rk = pick(versions);
    const bk = pick(versions);
    if (lk !== null) {
      local.push(v(id, lk));
    }
    if (rk !== null) {
      remote.push(v(id, rk));
    }
    if (bk !== null) {
      base[id] = hashOf(v(id, bk));
    }
    if (rand() < 0.45) {
      lt[id] = tombFor(id);
    }
    if (rand() < 0.45) {
      rt[id] = tombFor(id);
    }
  }
  return { local: side(local, lt), remote: side(remote, rt), base };
}

const tomb = (t: Readonly<Tombstones>, id: string): Tombstone | undefined => (Object.hasOwn(t, id) ? t[id] : undefined);

/** Checks one merge against the rules, independently of how reconcileNotes is written. */
function checkRules({ local, remote, base }: Case, r: Reconciled, tag: string): void {
  const out = new Map(r.notes.map((n) => [n.id, n]));
  expect(out.size, `${tag}: duplicate ids`).toBe(r.notes.length);
  const l = new Map(local.notes.map((n) => [n.id, n]));
  const rm = new Map(remote.notes.map((n) => [n.id, n]));
  const copies = new Set<string>();
  for (const id of new Set([...l.keys(), ...rm.keys()])) {
    const ln = l.get(id);
    const rn = rm.get(id);
    const b = Object.hasOwn(base, id) ? base[id] : undefined;
    const got = out.get(id);
    if (ln !== undefined && rn !== undefined) {
      const lh = hashOf(ln);
      const rh = hashOf(rn);
      expect(got, `${tag}: ${id} held by both was dropped`).toBeDefined();
      expect(got, `${tag}: ${id} version`).toEqual(lh !== rh && lh === b ? rn : ln);
      if (lh !== rh && lh !== b && rh !== b) {
        const copyId = conflictCopyId(rn);
        copies.add(copyId);
        expect(out.get(copyId)?.body, `${tag}: ${id} conflict copy`).toBe(rn.body);
        expect(r.conflicts, `${tag}: ${id} conflict pair`).toContainEqual([id, copyId]);
      }
      continue;
    }
    const held = (ln ?? rn) as SyncNote;
    const t = tomb(ln !== undefined ? remote.tombstones : local.tombstones, id);
    const justified = t !== undefined && (t.hash === hashOf(held) || hashOf(held) === b);
    expect(got === undefined, `${tag}: ${id} dropped=${String(got === undefined)} justified=${String(justified)}`).toBe(justified);
    if (got !== undefined) {
      expect(got, `${tag}: ${id} version`).toEqual(held);
    } else {
      expect(ln !== undefined ? r.deletedLocally : r.deletedRemotely, `${tag}: ${id} reported`).toContainEqual(held);
      expect(r.tombstones[id], `${tag}: ${id} keeps its tombstone`).toBeDefined();
    }
  }
  // Nothing else appears: every output note is a side's note or a conflict copy.
  for (const id of out.keys()) {
    expect(l.has(id) || rm.has(id) || copies.has(id), `${tag}: unexpected ${id}`).toBe(true);
  }
  // An edit (a version that is not the base) survives unless a tombstone named exactly it.
  for (const [n, otherTombs] of [
    ...local.notes.map((n) => [n, remote.tombstones] as const),
    ...remote.notes.map((n) => [n, local.tombstones] as const),
  ]) {
    const h = hashOf(n);
    const b = Object.hasOwn(base, n.id) ? base[n.id] : undefined;
    if (h !== b && tomb(otherTombs, n.id)?.hash !== h) {
      expect(
        r.notes.some((o) => o.body === n.body && o.updatedAt === n.updatedAt),
        `${tag}: edit ${n.id} lost`,
      ).toBe(true);
    }
  }
  // Tombstones: the union, the later deletion winning, none for a live id.
  const ids = new Set([...Object.keys(local.tombstones), ...Object.keys(remote.tombstones)]);
  expect(Object.keys(r.tombstones).sort(), `${tag}: tombstone ids`).toEqual([...ids].filter((id) => !out.has(id)).sort());
  for (const [id, t] of Object.entries(r.tombstones)) {
    const times = [tomb(local.tombstones, id), tomb(remote.tombstones, id)].flatMap((x) => (x === undefined ? [] : [x.deletedAt]));
    expect(t.deletedAt, `${tag}: tombstone ${id}`).toBe(times.sort().at(-1));
  }
  const deleted = [...r.deletedLocally, ...r.deletedRemotely].map((n) => n.id);
  expect(
    deleted.filter((id) => out.has(id)),
    `${tag}: deleted but present`,
  ).toEqual([]);
  expect(new Set(r.up).size + new Set(r.down).size, `${tag}: up/down duplicates or overlap`).toBe(new Set([...r.up, ...r.down]).size);
  expect(r.up.length + r.down.length, `${tag}: up/down duplicates`).toBe(new Set([...r.up, ...r.down]).size);
}

describe('reconcileNotes: seeded random cases', () => {
  it('follows the rules for 400 random local/repo/base/tombstone sets', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const c = randomCase(seededRandom(seed));
      checkRules(c, reconcileNotes(c.local, c.remote, c.base, origin), `seed ${seed}`);
    }
  });

  it('reconcile(x, x) is the identity: nothing up or down, nothing deleted', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const c = randomCase(seededRandom(seed));
      const alive = new Set(c.local.notes.map((n) => n.id));
      const x = side(c.local.notes, Object.fromEntries(Object.entries(c.local.tombstones).filter(([id]) => !alive.has(id))));
      for (const base of [c.base, {}, baseOfFast(...x.notes)]) {
        const r = reconcileNotes(x, x, base, origin);
        expect(r.notes, `seed ${seed}`).toEqual([...x.notes].sort((a, b) => (a.id < b.id ? -1 : 1)));
        expect(r.tombstones, `seed ${seed}`).toEqual(x.tombstones);
        expect([r.up, r.down, r.conflicts, r.deletedLocally, r.deletedRemotely], `seed ${seed}`).toEqual([[], [], [], [], []]);
      }
    }
  });

  it('a second sync right after the first changes nothing', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const c = randomCase(seededRandom(seed));
      const first = reconcileNotes(c.local, c.remote, c.base, origin);
      const both = side(first.notes, first.tombstones);
      const second = reconcileNotes(both, both, baseOfFast(...first.notes), origin);
      expect(second.notes, `seed ${seed}`).toEqual(first.notes);
      expect(second.up.length + second.down.length, `seed ${seed}`).toBe(0);
    }
  });
});

describe('reconcileNotes: an old version that the repo already keeps as a conflict copy', () => {
  it('takes the repo version instead of making a second copy of the same text', () => {
    const old = v('n', 2);
    const latest = v('n', 5);
    const copy = { ...old, id: `n~c${'a'.repeat(12)}`, title: `Conflict copy from laptop-a 2025-01-03 10:00: ${old.title}`, tags: [CONFLICT_TAG] };
    // This database (restored from an old backup) holds `old`, changed since its base `v1`.
    const r = reconcileNotes(side([old]), side([latest, copy]), baseOf(v('n', 1)), origin);
    expect(bodies(r).sort()).toEqual([
      ['n', latest.body],
      [copy.id, old.body],
    ]);
    expect(r.conflicts).toEqual([]);
  });

  it('still makes a copy when the repo has no copy of this text', () => {
    const r = reconcileNotes(side([v('n', 2)]), side([v('n', 5)]), baseOf(v('n', 1)), origin);
    expect(r.notes).toHaveLength(2);
    expect(r.conflicts).toHaveLength(1);
  });
});

describe('reconcileNotes: the same text at two times (a note restored from the Trash on two machines)', () => {
  // Found by the sync fuzzer (seed 1439305585): two machines restored one note from the Trash, so
  // the same text existed at two `updatedAt`s. A conflict against the first made a copy; a later
  // conflict against the second made another copy of the same text under another id (the id hashes
  // the time too), and the machine held that text twice.
  it('does not make a second copy of a text a copy here or in the repo already holds', () => {
    const t1 = v('n', 2);
    const t2 = { ...t1, updatedAt: '2025-01-20T00:00:00.000Z' };
    const mine = v('n', 7);
    const first = { ...t1, id: conflictCopyId(t1), title: `Conflict copy from laptop-a 2025-01-03 10:00: ${t1.title}`, tags: [CONFLICT_TAG] };
    for (const [localNotes, remoteNotes] of [
      [[mine, first], [t2]],
      [[mine], [t2, first]],
    ] as const) {
      const r = reconcileNotes(side(localNotes), side(remoteNotes), baseOf(v('n', 1)), origin);
      expect(r.notes.filter((n) => n.body === t1.body).map((n) => n.id)).toEqual([first.id]);
      expect(r.notes.find((n) => n.id === 'n')?.body).toBe(mine.body);
      expect(r.conflicts).toEqual([]);
    }
  });
});
