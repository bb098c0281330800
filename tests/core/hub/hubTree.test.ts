import { describe, expect, it } from 'vitest';
import { buildHubTree } from '../../../src/core/hub/hubTree';
import type { DocSummary, HubTreeNode } from '../../../src/core/hub/types';

const doc = (p: string): DocSummary => ({ path: p, title: p, topics: [], encoding: 'utf-8' });
const names = (nodes: HubTreeNode[]): unknown[] => nodes.map((n) => (n.kind === 'folder' ? { [n.name]: names(n.children) } : n.name));

describe('buildHubTree', () => {
  it('puts README first, then root docs, then folders; README first inside folders; numeric order', () => {
    const tree = buildHubTree(['z.md', 'docs/b.md', 'README.md', 'docs/README.md', 'a.md', 'api/x.md', 'docs/a10.md', 'docs/a9.md'].map(doc));
    expect(names(tree)).toEqual(['README.md', 'a.md', 'z.md', { api: ['x.md'] }, { docs: ['README.md', 'a9.md', 'a10.md', 'b.md'] }]);
  });
});
