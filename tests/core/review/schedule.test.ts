import { describe, expect, it } from 'vitest';
import { gradeCard, newSchedule, previewDue, recallProbability } from '../../../src/core/review/schedule';

// FSRS-6 default parameters as published by open-spaced-repetition (w0..w20).
const W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const DAY = 86_400_000;
const start = new Date('2024-05-01T09:00:00.000Z');
const days = (from: Date, iso: string): number => (new Date(iso).getTime() - from.getTime()) / DAY;
// FSRS: initial difficulty D0(G) = w4 - e^(w5 (G - 1)) + 1, clamped to [1, 10].
const d0 = (g: number): number => Math.min(10, Math.max(1, W[4]! - Math.exp(W[5]! * (g - 1)) + 1));

describe('FSRS scheduling (reference values of the published algorithm)', () => {
  it('gives a new card the published initial stability S0 = w[G-1] and difficulty D0(G)', () => {
    for (const g of [1, 2, 3, 4] as const) {
      const { schedule } = gradeCard('c', newSchedule('t#a', 'Q', start), g, start);
      expect(schedule.stability).toBeCloseTo(W[g - 1]!, 4);
      expect(schedule.difficulty).toBeCloseTo(d0(g), 4);
      expect(schedule.reps).toBe(1);
    }
  });

  it('schedules the first intervals at 90% retention: Again 1 d, Hard 2 d, Good 3 d, Easy 8 d', () => {
    // Interval = S at 90% retention, rounded, each grade at least one day after the one below it.
    const due = previewDue(newSchedule('t#a', 'Q', start), start);
    expect([days(start, due[1]), days(start, due[2]), days(start, due[3]), days(start, due[4])]).toEqual([1, 2, 3, 8]);
  });

  it('grows stability on a successful review by the published recall formula', () => {
    const first = gradeCard('c', newSchedule('t#a', 'Q', start), 3, start).schedule;
    const at = new Date(first.due);
    const t = days(start, first.due);
    // R(t, S) = (1 + f t / S)^-w20 with f = 0.9^(-1/w20) - 1.
    const decay = -W[20]!;
    const factor = Math.pow(0.9, 1 / decay) - 1;
    const r = Math.pow(1 + (factor * t) / first.stability, decay);
    expect(recallProbability(first, at)).toBeCloseTo(r, 4);
    const second = gradeCard('c', first, 3, at).schedule;
    // S' = S (e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) + 1) for Good; D' = D + ΔD with mean reversion.
    const expected = first.stability * (Math.exp(W[8]!) * (11 - first.difficulty) * Math.pow(first.stability, -W[9]!) * (Math.exp(W[10]! * (1 - r)) - 1) + 1);
    expect(second.stability).toBeCloseTo(expected, 3);
    expect(second.state).toBe(2);
    expect(days(at, second.due)).toBeGreaterThan(t);
  });

  it('counts a lapse when a learnt card is forgotten and brings it back the next day', () => {
    const learnt = gradeCard('c', newSchedule('t#a', 'Q', start), 3, start).schedule;
    const at = new Date(learnt.due);
    const { schedule, log } = gradeCard('c', learnt, 1, at);
    expect(schedule.lapses).toBe(1);
    expect(days(at, schedule.due)).toBe(1);
    expect(log).toEqual({ cardId: 'c', topicId: 't#a', rating: 1, at: at.toISOString(), state: 2, undone: false });
  });
});
