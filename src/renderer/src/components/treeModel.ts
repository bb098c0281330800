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

/** Key of a folder row. */
export const folderKey = (path: string): string => `folder:${path}`;

/**
 * The rows the current doc opens: its folders, the doc (or spec) itself and the parents of the topic
 * being read. Everything else stays as the learner left it (see `expandedKeys`).
 */
export function pathKeys(tree: readonly HubTreeNode[], docPath: string | null, slug: string | null): Set<string> {
  const keys = new Set<string>();
  if (docPath === null) {
    return keys;
  }
  const parts = docPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    keys.add(folderKey(parts.slice(0, i).join('/')));
  }
  keys.add(docKey(docPath));
  const topics = slug === null ? [] : (findNode(tree, docPath)?.topics ?? []);
  const byId = new Map(topics.map((t) => [t.id, t]));
  const seen = new Set<string>();
  let parent = topics.find((t) => t.slug === slug)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    keys.add(topicKey(parent));
    parent = byId.get(parent)?.parentId ?? null;
  }
  return keys;
}

/** What the learner opened and closed by hand. */
export type ManualExpansion = { open: ReadonlySet<string>; closed: ReadonlySet<string> };

/** The top-level folders start open, as if the learner had opened them. */
export function initialExpansion(tree: readonly HubTreeNode[]): ManualExpansion {
  return { open: new Set(tree.filter((n) => n.kind === 'folder').map((n) => folderKey(n.path))), closed: new Set() };
}

/** Expanded rows: the current doc's path and what the learner opened, less what they closed. */
export function expandedKeys(path: ReadonlySet<string>, manual: ManualExpansion): Set<string> {
  const keys = new Set([...path, ...manual.open]);
  for (const key of manual.closed) {
    keys.delete(key);
  }
  return keys;
}

/** The learner opens (`open` true) or closes a row by hand. */
export function setExpanded(manual: ManualExpansion, key: string, open: boolean): ManualExpansion {
  const opened = new Set(manual.open);
  const closed = new Set(manual.closed);
  if (open) {
    opened.add(key);
    closed.delete(key);
  } else {
    opened.delete(key);
    closed.add(key);
  }
  return { open: opened, closed };
}

/** Forgets that the learner closed `key` (it opens again if it is on the current path). */
export function unclose(manual: ManualExpansion, key: string): ManualExpansion {
  if (!manual.closed.has(key)) {
    return manual;
  }
  const closed = new Set(manual.closed);
  closed.delete(key);
  return { open: manual.open, closed };
}

/** A new doc is being read: rows closed by hand may open again to reveal it. */
export function forgetClosed(manual: ManualExpansion): ManualExpansion {
  return manual.closed.size === 0 ? manual : { open: manual.open, closed: new Set() };
}

type Found = { topics: Topic[] } | null;

function findNode(tree: readonly HubTreeNode[], path: string): Found {
  for (const node of tree) {
    if (node.kind === 'folder') {
      const found = findNode(node.children, path);
      if (found !== null) {
        return found;
      }
    } else if (node.path === path) {
      return { topics: node.kind === 'doc' ? node.doc.topics : [] };
    }
  }
  return null;
}

/** The topic ids under a row: a topic's own, a doc's or spec's, or every one in a folder. */
export function rowTopicIds(tree: readonly HubTreeNode[], rowKey: string): string[] {
  if (rowKey.startsWith('topic:')) {
    return [rowKey.slice('topic:'.length)];
  }
  const all = (nodes: readonly HubTreeNode[]): string[] =>
    nodes.flatMap((n) =>
      n.kind === 'folder' ? all(n.children) : n.kind === 'doc' ? n.doc.topics.map((t) => t.id) : n.spec.operations.map((o) => o.id),
    );
  const find = (nodes: readonly HubTreeNode[]): string[] | null => {
    for (const n of nodes) {
      const key = n.kind === 'folder' ? folderKey(n.path) : docKey(n.path);
      if (key === rowKey) {
        return all([n]);
      }
      if (n.kind === 'folder') {
        const inner = find(n.children);
        if (inner !== null) {
          return inner;
        }
      }
    }
    return null;
  };
  return find(tree) ?? [];
}
