/** The hub tree's OpenAPI specs, as the app shell needs them (routing and topics). */
import type { HubTreeNode, Topic } from '../../../../core/hub/types';
import type { SpecSummary } from '../../../../core/openapi/types';

/** The summary of the spec at `path`, or null. */
export function specSummaryOf(tree: readonly HubTreeNode[], path: string): SpecSummary | null {
  for (const n of tree) {
    if (n.kind === 'folder') {
      const found = specSummaryOf(n.children, path);
      if (found !== null) {
        return found;
      }
    } else if (n.kind === 'spec' && n.path === path) {
      return n.spec;
    }
  }
  return null;
}

/** Paths of every spec in the tree. */
export function specPathsOf(tree: readonly HubTreeNode[] | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  const walk = (nodes: readonly HubTreeNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'folder') {
        walk(n.children);
      } else if (n.kind === 'spec') {
        out.add(n.path);
      }
    }
  };
  walk(tree ?? []);
  return out;
}

/** The operations of the spec at `path` as topics (ids `<spec path>#<slug>`), or none. */
export function specTopicsOf(tree: readonly HubTreeNode[], path: string | null): Topic[] {
  for (const n of tree) {
    if (n.kind === 'folder') {
      const found = specTopicsOf(n.children, path);
      if (found.length > 0) {
        return found;
      }
    } else if (n.kind === 'spec' && n.path === path) {
      return n.spec.operations.map((op) => ({
        id: op.id,
        docPath: n.path,
        slug: op.slug,
        title: `${op.method} ${op.path}${op.summary !== '' ? ` — ${op.summary}` : ''}`,
        depth: 2,
        parentId: null,
        line: 0,
      }));
    }
  }
  return [];
}
