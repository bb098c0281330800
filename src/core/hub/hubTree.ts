/** The sidebar order: README first, then the root's docs, then folders, each folder alike. */
import type { SpecSummary } from '../openapi/types';
import type { DocSummary, HubTreeNode } from './types';

const README = /^(readme|index)\.(md|mdx|markdown)$/i;

function rank(name: string): number {
  return README.test(name) ? 0 : 1;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** Builds the nested, sorted tree of docs (and OpenAPI specs, listed after a folder's docs). */
export function buildHubTree(docs: readonly DocSummary[], specs: readonly SpecSummary[] = []): HubTreeNode[] {
  type Folder = { name: string; path: string; folders: Map<string, Folder>; docs: DocSummary[]; specs: SpecSummary[] };
  const root: Folder = { name: '', path: '', folders: new Map(), docs: [], specs: [] };
  const folderOf = (filePath: string): Folder => {
    let folder = root;
    for (const part of filePath.split('/').slice(0, -1)) {
      let next = folder.folders.get(part);
      if (next === undefined) {
        next = { name: part, path: folder.path === '' ? part : `${folder.path}/${part}`, folders: new Map(), docs: [], specs: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    return folder;
  };
  for (const spec of specs) {
    folderOf(spec.path).specs.push(spec);
  }
  for (const doc of docs) {
    folderOf(doc.path).docs.push(doc);
  }
  const toNodes = (folder: Folder): HubTreeNode[] => {
    const docNodes: HubTreeNode[] = [...folder.docs]
      .sort((a, b) => {
        const an = a.path.split('/').pop() ?? '';
        const bn = b.path.split('/').pop() ?? '';
        return rank(an) - rank(bn) || compareNames(an, bn);
      })
      .map((doc) => ({ kind: 'doc', name: doc.path.split('/').pop() ?? doc.path, path: doc.path, doc }));
    const folderNodes: HubTreeNode[] = [...folder.folders.values()]
      .sort((a, b) => compareNames(a.name, b.name))
      .map((f) => ({ kind: 'folder', name: f.name, path: f.path, children: toNodes(f) }));
    const specNodes: HubTreeNode[] = folder.specs.map((spec) => ({
      kind: 'spec',
      name: spec.path.split('/').pop() ?? spec.path,
      path: spec.path,
      spec,
    }));
    return [...docNodes, ...specNodes, ...folderNodes];
  };
  return toNodes(root);
}
