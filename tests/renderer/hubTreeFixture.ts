/** A small hub for the sidebar tree tests: a README and a doc with nested headings. */
import type { DocSummary, Topic } from '../../src/core/hub/types';

export function topic(docPath: string, slug: string, depth: 1 | 2 | 3, parent: string | null): Topic {
  return {
    id: `${docPath}#${slug}`,
    docPath,
    slug,
    title: slug.toUpperCase(),
    depth,
    parentId: parent === null ? null : `${docPath}#${parent}`,
    line: 1,
  };
}

/** README.md (one topic) and docs/a.md: a > one > sub, a > two. */
export const treeDocs: DocSummary[] = [
  { path: 'README.md', title: 'Readme', topics: [topic('README.md', 'readme', 1, null)], encoding: 'utf-8' },
  {
    path: 'docs/a.md',
    title: 'Doc A',
    topics: [topic('docs/a.md', 'a', 1, null), topic('docs/a.md', 'one', 2, 'a'), topic('docs/a.md', 'sub', 3, 'one'), topic('docs/a.md', 'two', 2, 'a')],
    encoding: 'utf-8',
  },
];
