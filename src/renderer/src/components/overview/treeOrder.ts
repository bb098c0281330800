/**
 * The sidebar's order for paths, so lists elsewhere (dashboard, hub overview) read like the tree:
 * numbers sort naturally (1, 2, 10), a folder's README first, then its docs, then its subfolders.
 */

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const README = /^(readme|index)\.(md|mdx|markdown)$/i;

/** Natural comparison of two names ("2" before "10", case-insensitive). */
export const compareNatural = (a: string, b: string): number => collator.compare(a, b);

/** Compares two file paths in tree order. */
export function compareTreeOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = pa[i] ?? '';
    const nb = pb[i] ?? '';
    if (na === nb) {
      continue;
    }
    const aIsFile = i === pa.length - 1;
    const bIsFile = i === pb.length - 1;
    if (aIsFile !== bIsFile) {
      // A folder's own docs come before its subfolders.
      return aIsFile ? -1 : 1;
    }
    if (aIsFile) {
      const ra = README.test(na) ? 0 : 1;
      const rb = README.test(nb) ? 0 : 1;
      if (ra !== rb) {
        return ra - rb;
      }
    }
    return compareNatural(na, nb) || (na < nb ? -1 : 1);
  }
  return pa.length - pb.length;
}

/** A folder of the overview: its docs and subfolders, in tree order. */
export type OverviewFolder<D> = { path: string; name: string; docs: D[]; folders: OverviewFolder<D>[] };

/** Groups items with a `path` into nested folders, everything in tree order. */
export function groupByFolder<D extends { path: string }>(items: readonly D[]): OverviewFolder<D> {
  const root: OverviewFolder<D> = { path: '', name: '', docs: [], folders: [] };
  const sorted = [...items].sort((x, y) => compareTreeOrder(x.path, y.path));
  for (const item of sorted) {
    let folder = root;
    const parts = item.path.split('/');
    for (const part of parts.slice(0, -1)) {
      const path = folder.path === '' ? part : `${folder.path}/${part}`;
      let next = folder.folders.find((f) => f.path === path);
      if (next === undefined) {
        next = { path, name: part, docs: [], folders: [] };
        folder.folders.push(next);
      }
      folder = next;
    }
    folder.docs.push(item);
  }
  return root;
}
