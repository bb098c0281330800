/** Finds the topics of a doc in the hub tree (the sidebar's data). */
import type { HubTreeNode, Topic } from '../../../../core/hub/types';

const NONE: Topic[] = [];

/** The topics of the doc at `path`, or an empty list. */
export function topicsOf(tree: readonly HubTreeNode[], path: string | null): Topic[] {
  if (path === null) {
    return NONE;
  }
  for (const node of tree) {
    if (node.kind === 'folder') {
      const found = topicsOf(node.children, path);
      if (found !== NONE) {
        return found;
      }
    } else if (node.kind === 'doc' && node.path === path) {
      return node.doc.topics;
    }
  }
  return NONE;
}

/** True when `path` is a doc of the tree (a route may still name a doc of the hub open before). */
export function hasDoc(tree: readonly HubTreeNode[], path: string | null): boolean {
  return path !== null && tree.some((n) => (n.kind === 'folder' ? hasDoc(n.children, path) : n.kind === 'doc' && n.path === path));
}
