import { describe, expect, it } from 'vitest';
import { fuzzyMatch, rankItems, type SwitcherItem } from '../../../src/renderer/src/components/switcher/fuzzy';

describe('fuzzyMatch', () => {
  it('needs every character in order and returns where they matched', () => {
    expect(fuzzyMatch('sd', 'System Design')?.indices).toEqual([0, 7]);
    expect(fuzzyMatch('ds', 'System Design')).not.toBeNull();
    expect(fuzzyMatch('xyz', 'System Design')).toBeNull();
    expect(fuzzyMatch('aa', 'a')).toBeNull();
  });

  it('prefers word starts and runs over scattered letters', () => {
    const words = fuzzyMatch('sysdes', 'System Design')?.score ?? -1;
    const scattered = fuzzyMatch('sysdes', 'says yes to dessert')?.score ?? -1;
    expect(words).toBeGreaterThan(scattered);
  });
});

describe('rankItems', () => {
  const items: SwitcherItem[] = [
    { path: 'notes/10-caching.md', title: 'Caching strategies', kind: 'doc' },
    { path: 'notes/2-queues.md', title: 'Message queues', kind: 'doc' },
    { path: 'system-design/request-lifecycle.md', title: 'Request Lifecycle', kind: 'doc' },
    { path: 'api-specs/openapi.yml', title: 'Nexus API', kind: 'spec' },
  ];

  it('keeps tree order for an empty query and ranks the best match first otherwise', () => {
    expect(rankItems(items, '').map((i) => i.path)).toEqual(items.map((i) => i.path));
    expect(rankItems(items, 'reqlife')[0]?.path).toBe('system-design/request-lifecycle.md');
    expect(rankItems(items, 'queue')[0]?.title).toBe('Message queues');
  });

  it('matches paths too, and marks the characters in the field that matched', () => {
    const [hit] = rankItems(items, 'openapi.yml');
    expect(hit?.path).toBe('api-specs/openapi.yml');
    expect(hit?.pathIndices.length).toBe('openapi.yml'.length);
    expect(hit?.titleIndices).toEqual([]);
    expect(rankItems(items, 'zzz')).toEqual([]);
  });
});
