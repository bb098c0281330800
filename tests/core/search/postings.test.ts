import { describe, expect, it } from 'vitest';
import { Postings } from '../../../src/core/search/postings';

function ids(p: Postings, termId: number): number[] {
  const out: number[] = [];
  p.forEach(termId, (id) => out.push(id));
  return out;
}

function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) {
      return r.value;
    }
  }
}

describe('Postings', () => {
  it('lists each entry once per term, in the order added', () => {
    const p = new Postings();
    p.add(0, 1);
    p.add(0, 1);
    p.add(0, 4);
    p.add(2, 4);
    expect(ids(p, 0)).toEqual([1, 4]);
    expect(ids(p, 1)).toEqual([]);
    expect(ids(p, 2)).toEqual([4]);
    expect(p.has(0, 4)).toBe(true);
    expect(p.has(0, 2)).toBe(false);
    expect(p.has(7, 0)).toBe(false);
  });

  it('flattens to offsets and ids, and a loaded copy keeps growing after its base', () => {
    const p = new Postings();
    p.add(0, 0);
    p.add(1, 0);
    p.add(1, 3);
    p.add(0, 5);
    const flat = drain(p.flatten(3));
    const plain = (f: typeof flat): { offsets: number[]; ids: number[] } => ({ offsets: Array.from(f.offsets), ids: Array.from(f.ids) });
    // Typed arrays of the exact size: written to the cache file as they are.
    expect(flat.ids).toBeInstanceOf(Uint32Array);
    expect(plain(flat)).toEqual({ offsets: [0, 2, 4, 4], ids: [0, 5, 0, 3] });
    const loaded = new Postings(flat);
    loaded.add(1, 9);
    loaded.add(3, 9);
    expect(ids(loaded, 0)).toEqual([0, 5]);
    expect(ids(loaded, 1)).toEqual([0, 3, 9]);
    expect(ids(loaded, 3)).toEqual([9]);
    expect(loaded.has(1, 3)).toBe(true);
    expect(loaded.has(1, 9)).toBe(true);
    expect(loaded.has(1, 5)).toBe(false);
    const runs = loaded.runs(1);
    expect([...Array.from(runs.base).slice(runs.start, runs.end), ...runs.extra]).toEqual([0, 3, 9]);
    expect(plain(drain(loaded.flatten(4)))).toEqual({ offsets: [0, 2, 5, 5, 6], ids: [0, 5, 0, 3, 9, 9] });
  });
});
