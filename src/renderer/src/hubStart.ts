/** Which doc a hub opens on when the route names none. */
import type { HubTreeNode } from '../../core/hub/types';

const README = /^(readme|index)\.(md|mdx|markdown)$/i;

/**
 * The doc to open first: the shallowest README or index (the root one when there is one), else
 * the first doc in tree order, whatever folder it sits in. Null for a hub with no docs.
 */
export function startDoc(tree: readonly HubTreeNode[]): string | null {
  let level: readonly HubTreeNode[] = tree;
  while (level.length > 0) {
    const readme = level.find((n) => n.kind === 'doc' && README.test(n.name));
    if (readme !== undefined) {
      return readme.path;
    }
    level = level.flatMap((n) => (n.kind === 'folder' ? n.children : []));
  }
  return firstInTreeOrder(tree);
}

function firstInTreeOrder(nodes: readonly HubTreeNode[]): string | null {
  for (const node of nodes) {
    if (node.kind === 'doc') {
      return node.path;
    }
    if (node.kind === 'folder') {
      const found = firstInTreeOrder(node.children);
      if (found !== null) {
        return found;
      }
    }
  }
  return null;
}
