import { describe, expect, it } from 'vitest';
import { markTopics, type TopicChange } from '../../../src/renderer/src/components/BulkMark';

const changes: TopicChange[] = Array.from({ length: 50 }, (_, i) => ({ topicId: `t${i}`, state: 'done' }));

describe('markTopics (bulk mark of a huge folder)', () => {
  it('sets every topic once, several at a time', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let most = 0;
    const res = await markTopics(async (c) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(c.topicId);
      inFlight--;
      return { ok: true };
    }, changes);
    expect(res).toBeNull();
    expect(seen.sort()).toEqual(changes.map((c) => c.topicId).sort());
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
  });

  it('reports the first failure and starts no more after it', async () => {
    let calls = 0;
    const res = await markTopics(async (c) => {
      calls++;
      await new Promise((r) => setTimeout(r, 1));
      return c.topicId === 't3' ? { ok: false, error: { message: 'disk full' } } : { ok: true };
    }, changes);
    expect(res).toBe('disk full');
    expect(calls).toBeLessThan(changes.length);
  });
});
