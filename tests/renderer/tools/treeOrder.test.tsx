import { describe, expect, it } from 'vitest';
import { compareTreeOrder, groupByFolder } from '../../../src/renderer/src/components/overview/treeOrder';

describe('tree order', () => {
  it('sorts numbers naturally, README first, a folder’s docs before its subfolders', () => {
    const paths = ['day-10.md', 'sub/a.md', 'day-2.md', 'README.md', 'day-1.md', 'sub/README.md', 'sub/deep/x.md', 'sub/b-11.md', 'sub/b-3.md'];
    expect([...paths].sort(compareTreeOrder)).toEqual([
      'README.md',
      'day-1.md',
      'day-2.md',
      'day-10.md',
      'sub/README.md',
      'sub/a.md',
      'sub/b-3.md',
      'sub/b-11.md',
      'sub/deep/x.md',
    ]);
  });

  it('groups docs into nested folders', () => {
    const root = groupByFolder([{ path: 'b/2.md' }, { path: 'a.md' }, { path: 'b/c/1.md' }, { path: 'b/10.md' }]);
    expect(root.docs.map((d) => d.path)).toEqual(['a.md']);
    expect(root.folders.map((f) => f.path)).toEqual(['b']);
    expect(root.folders[0]?.docs.map((d) => d.path)).toEqual(['b/2.md', 'b/10.md']);
    expect(root.folders[0]?.folders[0]?.docs.map((d) => d.path)).toEqual(['b/c/1.md']);
  });
});
