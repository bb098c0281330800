import { describe, expect, it } from 'vitest';
import { leaders, type Ranked, ScoreBoard } from '../../../src/core/search/scoreBoard';

const order = (a: Ranked, b: Ranked): number => b.matched - a.matched || b.score - a.score || a.id - b.id;

describe('ScoreBoard', () => {
  it('keeps the best score per (entry, word), sums words, counts matched words, and clears itself', () => {
    const board = new ScoreBoard();
    board.begin(10, 2);
    board.offer(3, 0, 1.5);
    board.offer(3, 0, 0.5);
    board.offer(3, 1, 2);
    board.offer(7, 1, 4);
    expect(board.collect().sort((a, b) => a.id - b.id)).toEqual([
      { id: 3, score: 3.5, matched: 2 },
      { id: 7, score: 4, matched: 1 },
    ]);
    board.begin(10, 3);
    board.offer(7, 2, 1);
    expect(board.collect()).toEqual([{ id: 7, score: 1, matched: 1 }]);
  });
});

describe('leaders', () => {
  it('holds the same first k as a full sort, ties at the edge included', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 20; round++) {
      const ranked: Ranked[] = Array.from({ length: 500 }, (_, id) => ({ id, matched: 1 + Math.floor(random() * 3), score: Math.round(random() * 50) / 10 }));
      const k = 1 + Math.floor(random() * 60);
      const full = ranked.slice().sort(order).slice(0, k);
      const top = leaders(ranked, k).sort(order);
      expect(top.length).toBeGreaterThanOrEqual(k);
      expect(top.slice(0, k)).toEqual(full);
    }
    expect(leaders([{ id: 1, score: 1, matched: 1 }], 5)).toHaveLength(1);
  });
});
