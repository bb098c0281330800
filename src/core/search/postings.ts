/**
 * Postings of one field: for each term id, the ascending ids of the entries whose field holds
 * the term. A loaded index keeps its postings in two flat arrays (offsets and ids, straight from
 * the cache file) and only grows per-term lists for entries added after loading.
 */

/** Flat postings: the ids of term `t` are `ids[offsets[t]] .. ids[offsets[t + 1] - 1]`. */
export type FlatPostings = { offsets: ArrayLike<number>; ids: ArrayLike<number> };

const NONE: readonly number[] = [];

/** One field's term -> entry ids lists. */
export class Postings {
  private readonly added: Array<number[] | undefined> = [];

  constructor(private readonly base: FlatPostings | null = null) {}

  /** Records that entry `id` holds term `termId` (ids arrive in ascending order). */
  add(termId: number, id: number): void {
    const list = this.added[termId];
    if (list === undefined) {
      this.added[termId] = [id];
    } else if (list[list.length - 1] !== id) {
      list.push(id);
    }
  }

  /** Calls `each(id)` for every entry holding the term, in ascending id order. */
  forEach(termId: number, each: (id: number) => void): void {
    const base = this.base;
    if (base !== null && termId + 1 < base.offsets.length) {
      const end = base.offsets[termId + 1]!;
      for (let i = base.offsets[termId]!; i < end; i++) {
        each(base.ids[i]!);
      }
    }
    const list = this.added[termId];
    if (list !== undefined) {
      for (const id of list) {
        each(id);
      }
    }
  }

  /**
   * The term's ids as two runs, for hot loops: `base[start..end)` then all of `extra`.
   */
  runs(termId: number): { base: ArrayLike<number>; start: number; end: number; extra: readonly number[] } {
    const base = this.base;
    const extra = this.added[termId] ?? NONE;
    if (base !== null && termId + 1 < base.offsets.length) {
      return { base: base.ids, start: base.offsets[termId]!, end: base.offsets[termId + 1]!, extra };
    }
    return { base: NONE, start: 0, end: 0, extra };
  }

  /** True when entry `id` holds the term (binary search). */
  has(termId: number, id: number): boolean {
    const base = this.base;
    if (base !== null && termId + 1 < base.offsets.length && search(base.ids, base.offsets[termId]!, base.offsets[termId + 1]!, id)) {
      return true;
    }
    const list = this.added[termId];
    return list !== undefined && search(list, 0, list.length, id);
  }

  /** How many entries hold the term. */
  count(termId: number): number {
    const base = this.base;
    const fromBase = base !== null && termId + 1 < base.offsets.length ? base.offsets[termId + 1]! - base.offsets[termId]! : 0;
    return fromBase + (this.added[termId]?.length ?? 0);
  }

  /**
   * The flat form over term ids `0 .. termCount - 1` (or over the ids of `order`, in that order:
   * flat term i is `order[i]`), for the on-disk cache, built in steps. Typed arrays sized up front:
   * on a large hub the ids run to millions, which as growing JS arrays took twice the memory and
   * were copied again for the file.
   */
  *flatten(termCount: number, order?: ArrayLike<number>): Generator<void, { offsets: Uint32Array; ids: Uint32Array }, void> {
    const termAt = (t: number): number => (order === undefined ? t : order[t]!);
    let total = 0;
    for (let t = 0; t < termCount; t++) {
      total += this.count(termAt(t));
    }
    yield;
    const offsets = new Uint32Array(termCount + 1);
    const ids = new Uint32Array(total);
    let at = 0;
    const put = (id: number): void => {
      ids[at++] = id;
    };
    for (let t = 0; t < termCount; t++) {
      this.forEach(termAt(t), put);
      offsets[t + 1] = at;
      if (t % 2000 === 1999) {
        yield;
      }
    }
    return { offsets, ids };
  }
}

function search(ids: ArrayLike<number>, lo: number, hi: number, id: number): boolean {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = ids[mid]!;
    if (at === id) {
      return true;
    }
    if (at < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}
