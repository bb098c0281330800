/**
 * Per-query scoring scratch: the best score of every (entry, query word) in one flat typed array
 * reused across queries, the entries touched, and the selection of the leading candidates.
 */

/** A candidate's total score and how many query words it matched. */
export type Ranked = { id: number; score: number; matched: number };

/** Scores of one query at a time; `collect` hands them out and clears the board for the next. */
export class ScoreBoard {
  private scores = new Float32Array(0);
  private seen = new Uint8Array(0);
  private touched: number[] = [];
  private words = 1;

  /** Starts a query over `entries` ids with `words` query words. */
  begin(entries: number, words: number): void {
    if (this.scores.length < entries * words) {
      this.scores = new Float32Array(entries * words);
    }
    if (this.seen.length < entries) {
      this.seen = new Uint8Array(entries);
    }
    this.touched = [];
    this.words = words;
  }

  /** Keeps `score` for entry `id` and word `word` when it beats the one held. */
  offer(id: number, word: number, score: number): void {
    if (this.seen[id] === 0) {
      this.seen[id] = 1;
      this.touched.push(id);
    }
    const slot = id * this.words + word;
    if (score > this.scores[slot]!) {
      this.scores[slot] = score;
    }
  }

  /** Every touched entry with its summed score and matched-word count; the board is cleared. */
  collect(): Ranked[] {
    const out: Ranked[] = [];
    const words = this.words;
    for (const id of this.touched) {
      this.seen[id] = 0;
      const slot = id * words;
      let score = 0;
      let matched = 0;
      for (let k = 0; k < words; k++) {
        const s = this.scores[slot + k]!;
        score += s;
        matched += s > 0 ? 1 : 0;
        this.scores[slot + k] = 0;
      }
      out.push({ id, score, matched });
    }
    this.touched = [];
    return out;
  }
}

/**
 * The `k` best of `ranked` (more words matched, then higher score), unsorted, plus any tied with
 * the k-th: a numeric sort of packed keys instead of sorting every candidate with a comparator.
 */
export function leaders(ranked: Ranked[], k: number): Ranked[] {
  if (ranked.length <= k) {
    return ranked.slice();
  }
  const keys = new Float64Array(ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    keys[i] = ranked[i]!.matched * 1e9 + ranked[i]!.score;
  }
  const threshold = keys.slice().sort()[ranked.length - k]!;
  return ranked.filter((_, i) => keys[i]! >= threshold);
}

/** Runs a stepped computation (a generator that yields between slices of work) to its end. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) {
      return r.value;
    }
  }
}
