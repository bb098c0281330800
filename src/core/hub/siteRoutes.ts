/**
 * Docusaurus site routes of a hub's docs, so that links written for the published site
 * (`/docs/client/react/setup`) open the doc they name. Follows the docs plugin's defaults: the
 * docs folder is the nearest ancestor named `docs`, served at `/docs`; a doc's route is its folder
 * plus its file name (number prefixes like `01-` dropped, `index`/`README` naming the folder), the
 * file name replaced by front matter `id`, or front matter `slug` (absolute from `/docs`, or
 * relative to the doc's folder).
 */
import { siteRouteKey } from './links';

/** What route building needs of a doc. */
export type RoutableDoc = { path: string; frontMatter: Record<string, unknown> | null };

const DOC_FILE = /\.(md|mdx|markdown)$/i;
const NUMBER_PREFIX = /^\d+\s*[-_.]\s*/;

/** Site route (as siteRouteKey writes it) -> doc path. The first doc claiming a route keeps it. */
export function buildSiteRoutes(docs: readonly RoutableDoc[]): Map<string, string> {
  const routes = new Map<string, string>();
  const add = (route: string, path: string): void => {
    const key = siteRouteKey(route.replace(/\/{2,}/g, '/'));
    if (!routes.has(key)) {
      routes.set(key, path);
    }
  };
  for (const doc of docs) {
    const parts = doc.path.split('/');
    const docsAt = parts.lastIndexOf('docs', parts.length - 2);
    if (docsAt === -1) {
      continue;
    }
    const dirs = parts.slice(docsAt + 1, -1).map((d) => d.replace(NUMBER_PREFIX, ''));
    const file = (parts[parts.length - 1] ?? '').replace(DOC_FILE, '').replace(NUMBER_PREFIX, '');
    const dir = dirs.join('/');
    const join = (...segs: string[]): string => `/docs/${segs.filter((s) => s !== '').join('/')}`;
    add(join(dir, file), doc.path);
    const id = stringField(doc.frontMatter, 'id');
    if (id !== null) {
      add(join(dir, id), doc.path);
    }
    const slug = stringField(doc.frontMatter, 'slug');
    if (slug !== null) {
      add(slug.startsWith('/') ? join(slug.slice(1)) : join(dir, slug), doc.path);
    }
  }
  return routes;
}

function stringField(fm: Record<string, unknown> | null, key: string): string | null {
  const v = fm?.[key];
  return typeof v === 'string' && v.trim() !== '' && !v.includes('..') ? v.trim() : null;
}
