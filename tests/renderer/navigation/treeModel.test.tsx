import { describe, expect, it } from 'vitest';
import { buildHubTree } from '../../../src/core/hub/hubTree';
import type { DocSummary, Topic } from '../../../src/core/hub/types';
import {
  expandedKeys,
  forgetClosed,
  initialExpansion,
  pathKeys,
  rowTopicIds,
  setExpanded,
  visibleRows,
} from '../../../src/renderer/src/components/treeModel';

function topic(docPath: string, slug: string, depth: 1 | 2 | 3, parent: string | null): Topic {
  return {
    id: `${docPath}#${slug}`,
    docPath,
    slug,
    title: slug,
    depth,
    parentId: parent === null ? null : `${docPath}#${parent}`,
    line: 1,
  };
}
const doc = (path: string, topics: Topic[]): DocSummary => ({ path, title: path, topics, encoding: 'utf-8' });
const tree = buildHubTree([
  doc('README.md', [topic('README.md', 'readme', 1, null)]),
  doc('a/x.md', [
    topic('a/x.md', 'x', 1, null),
    topic('a/x.md', 'one', 2, 'x'),
    topic('a/x.md', 'deep', 3, 'one'),
    topic('a/x.md', 'two', 2, 'x'),
  ]),
  doc('a/b/y.md', [topic('a/b/y.md', 'y', 1, null), topic('a/b/y.md', 'y1', 2, 'y'), topic('a/b/y.md', 'y2', 2, 'y')]),
  doc('c/z.md', [topic('c/z.md', 'z1', 2, null), topic('c/z.md', 'z2', 2, null)]),
]);

describe('tree expansion', () => {
  it('opens the current doc, its folders and the parents of the topic in view, nothing else', () => {
    expect([...pathKeys(tree, 'a/x.md', 'deep')].sort()).toEqual(['doc:a/x.md', 'folder:a', 'topic:a/x.md#one', 'topic:a/x.md#x'].sort());
    expect([...pathKeys(tree, 'a/b/y.md', null)].sort()).toEqual(['doc:a/b/y.md', 'folder:a', 'folder:a/b']);
    expect(pathKeys(tree, null, null).size).toBe(0);
  });

  it('does not leave a visited doc open once another is read, unless the learner opened it by hand', () => {
    let manual = initialExpansion(tree);
    const open = (path: string, slug: string | null) =>
      visibleRows(tree, expandedKeys(pathKeys(tree, path, slug), manual))
        .filter((r) => r.expanded)
        .map((r) => r.key);
    expect(open('a/x.md', null)).toEqual(['folder:a', 'doc:a/x.md', 'folder:c']);
    // Reading y: x closes again.
    expect(open('a/b/y.md', null)).toEqual(['folder:a', 'folder:a/b', 'doc:a/b/y.md', 'folder:c']);
    // x opened by hand stays open while y is read.
    manual = setExpanded(manual, 'doc:a/x.md', true);
    expect(open('a/b/y.md', null)).toContain('doc:a/x.md');
    // The learner closes the current doc: it stays closed while it is read...
    manual = setExpanded(manual, 'doc:a/b/y.md', false);
    expect(open('a/b/y.md', 'y2')).not.toContain('doc:a/b/y.md');
    // ...and opens again when another doc was read in between.
    manual = forgetClosed(manual);
    expect(open('a/b/y.md', null)).toContain('doc:a/b/y.md');
    // A top-level folder closed by hand hides its docs.
    manual = setExpanded(manual, 'folder:c', false);
    expect(open('a/x.md', null)).not.toContain('folder:c');
  });

  it('lists the topics under a doc, a folder (all depths) or one topic row', () => {
    expect(rowTopicIds(tree, 'doc:a/b/y.md')).toEqual(['a/b/y.md#y', 'a/b/y.md#y1', 'a/b/y.md#y2']);
    expect(rowTopicIds(tree, 'folder:a').sort()).toEqual(
      ['a/x.md#x', 'a/x.md#one', 'a/x.md#deep', 'a/x.md#two', 'a/b/y.md#y', 'a/b/y.md#y1', 'a/b/y.md#y2'].sort(),
    );
    expect(rowTopicIds(tree, 'topic:c/z.md#z2')).toEqual(['c/z.md#z2']);
    expect(rowTopicIds(tree, 'folder:nope')).toEqual([]);
  });
});
