/** Flattens the hub tree into the rows a treeview shows, given which rows are expanded. */
import type { HubTreeNode, Topic } from '../../../core/hub/types';
import type { SpecSummary } from '../../../core/openapi/types';

/** One visible row of the sidebar tree. */
export type TreeRow = {
  key: string;
  kind: 'folder' | 'doc' | 'spec' | 'topic';
  label: string;
  level: number;
  parentKey: string | null;
  expandable: boolean;
  expanded: boolean;
  /** Doc path to open (docs and topics). */
  path: string | null;
  slug: string | null;
  /** A short tag before the label (the HTTP method of an API operation). */
  badge?: string;
};

/** Key of a doc row. */
export const docKey = (path: string): string => `doc:${path}`;
/** Key of a topic row. */
export const topicKey = (id: string): string => `topic:${id}`;

/** The rows visible with `expanded` open, in display order. */
export function visibleRows(tree: HubTreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const addTopics = (topics: Topic[], parentId: string | null, parentKey: string, level: number): void => {
    for (const t of topics.filter((x) => x.parentId === parentId)) {
      const key = topicKey(t.id);
      const hasChildren = topics.some((x) => x.parentId === t.id);
      const open = expanded.has(key);
      rows.push({ key, kind: 'topic', label: t.title, level, parentKey, expandable: hasChildren, expanded: open, path: t.docPath, slug: t.slug });
      if (hasChildren && open) {
        addTopics(topics, t.id, key, level + 1);
      }
    }
  };
  const walk = (nodes: HubTreeNode[], parentKey: string | null, level: number): void => {
    for (const node of nodes) {
      if (node.kind === 'folder') {
        const key = `folder:${node.path}`;
        const open = expanded.has(key);
        rows.push({ key, kind: 'folder', label: node.name, level, parentKey, expandable: true, expanded: open, path: null, slug: null });
        if (open) {
          walk(node.children, key, level + 1);
        }
      } else if (node.kind === 'spec') {
        rows.push(...specRows(node.spec, expanded, parentKey, level));
      } else {
        const key = docKey(node.path);
        const open = expanded.has(key);
        // A doc whose single H1 wraps everything shows the H1's children directly.
        const topics = node.doc.topics;
        const h1s = topics.filter((t) => t.depth === 1);
        const onlyH1 = h1s.length === 1 && topics[0]?.depth === 1 ? h1s[0] : undefined;
        const hasTopics = onlyH1 !== undefined ? topics.some((t) => t.parentId === onlyH1.id) : topics.length > 1;
        rows.push({ key, kind: 'doc', label: node.doc.title, level, parentKey, expandable: hasTopics, expanded: open && hasTopics, path: node.path, slug: null });
        if (open && hasTopics) {
          addTopics(topics, onlyH1 !== undefined ? onlyH1.id : null, key, level + 1);
        }
      }
    }
  };
  walk(tree, null, 1);
  return rows;
}

/** A spec and, when expanded, its operations as topic rows (so progress marks apply to them). */
function specRows(spec: SpecSummary, expanded: ReadonlySet<string>, parentKey: string | null, level: number): TreeRow[] {
  const key = docKey(spec.path);
  const hasOps = spec.operations.length > 0;
  const open = hasOps && expanded.has(key);
  const rows: TreeRow[] = [{ key, kind: 'spec', label: spec.title, level, parentKey, expandable: hasOps, expanded: open, path: spec.path, slug: null, badge: 'API' }];
  if (open) {
    for (const op of spec.operations) {
      rows.push({ key: topicKey(op.id), kind: 'topic', label: op.summary || op.path, level: level + 1, parentKey: key, expandable: false, expanded: false, path: spec.path, slug: op.slug, badge: op.method });
    }
  }
  return rows;
}
