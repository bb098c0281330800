import { describe, expect, it } from 'vitest';
import { parseProgress, serialiseProgress } from '../../../src/core/sync/progressFile';
import type { SyncProgress } from '../../../src/core/sync/types';

const entry = { state: 'done' as const, updatedAt: '2026-01-02T03:04:05.000Z', doneAt: '2026-01-02T03:04:05.000Z' };

describe('progress.json', () => {
  it('round-trips every topic id, "__proto__" and "constructor" included, as stable sorted text', () => {
    const progress = Object.create(null) as SyncProgress;
    progress['b.md#z'] = entry;
    progress['__proto__'] = { ...entry, state: 'skipped' };
    progress['constructor'] = { ...entry, state: 'in-progress', doneAt: null };
    const text = serialiseProgress(progress);
    expect(text.endsWith('\n')).toBe(true);
    expect(Object.keys((JSON.parse(text) as { topics: object }).topics)).toEqual(['__proto__', 'b.md#z', 'constructor']);
    const back = parseProgress(text);
    expect(back?.dropped).toBe(0);
    expect(Object.keys(back?.progress ?? {}).sort()).toEqual(['__proto__', 'b.md#z', 'constructor']);
    expect(back?.progress['__proto__']?.state).toBe('skipped');
    expect(serialiseProgress(back?.progress ?? {})).toBe(text);
  });

  it('drops and counts bad entries alone; a malformed file is null', () => {
    const text = JSON.stringify({ version: 1, topics: { good: entry, bad: { state: 'finished' }, [`${'x'.repeat(5000)}`]: entry } });
    const read = parseProgress(text);
    expect(Object.keys(read?.progress ?? {})).toEqual(['good']);
    expect(read?.dropped).toBe(2);
    expect(parseProgress('{')).toBeNull();
    expect(parseProgress(JSON.stringify({ version: 2, topics: {} }))).toBeNull();
    expect(parseProgress(JSON.stringify({ version: 1, topics: [] }))).toBeNull();
  });
});
