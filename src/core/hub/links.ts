/** Resolving links and image sources found in hub docs, without ever leaving the hub. */
import type { LinkKind } from './types';

/** Where a link goes. `target` is a hub path, with `#anchor` when the link had one. */
export type ResolvedLink = { kind: LinkKind; target: string | null };

/** What a hub knows beyond its file list: its OpenAPI files and its docs' site routes. */
export type LinkContext = {
  /** Paths of the hub's OpenAPI files: a link to one opens the API reference. */
  specs?: ReadonlySet<string>;
  /** Docusaurus-style site routes (`/docs/intro`) to doc paths (see siteRoutes.ts). */
  routes?: ReadonlyMap<string, string>;
};

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const MARKDOWN = /\.(md|mdx|markdown)$/i;

/** Joins and normalises a posix path; null when it climbs above the hub root. */
export function normalizeHubPath(base: string, relative: string): string | null {
  const parts = relative.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of relative.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      if (parts.length === 0) {
        return null;
      }
      parts.pop();
    } else {
      parts.push(seg);
    }
  }
  return parts.join('/');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Classifies a link found in `docPath`: another hub doc, an anchor in the same doc, one of the
 * hub's OpenAPI files (`api`), a hub file, an external http(s) page, a route of the site the hub
 * is published as (`site`: `/docs/...` naming no doc of the hub), a broken link, or a blocked
 * scheme (javascript:, file:, data:...). Extension-less and folder links are tried as `.md`,
 * `.mdx`, `/README.md` and `/index.md` (MkDocs and Docusaurus style); a root-relative link that is
 * no file is looked up among the docs' site routes (path, front matter `id` and `slug`).
 */
export function resolveLink(docPath: string, href: string, files: ReadonlySet<string>, context: LinkContext = {}): ResolvedLink {
  const raw = href.trim();
  if (raw === '') {
    return { kind: 'broken', target: null };
  }
  if (raw.startsWith('#')) {
    return { kind: 'anchor', target: `${docPath}#${safeDecode(raw.slice(1))}` };
  }
  if (raw.startsWith('//')) {
    return { kind: 'external', target: `https:${raw}` };
  }
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    return scheme === 'http' || scheme === 'https' ? { kind: 'external', target: raw } : { kind: 'blocked', target: null };
  }
  const hashAt = raw.indexOf('#');
  const pathPart = (hashAt === -1 ? raw : raw.slice(0, hashAt)).split('?')[0] ?? '';
  const anchor = hashAt === -1 ? '' : safeDecode(raw.slice(hashAt + 1));
  const joined = normalizeHubPath(docPath, safeDecode(pathPart));
  if (joined === null) {
    return { kind: 'broken', target: null };
  }
  const withAnchor = (p: string): string => (anchor !== '' ? `${p}#${anchor}` : p);
  const found = findFile(joined, files);
  if (found === null) {
    // Only a hub published as a site has routes; elsewhere a missing `/x.md` is just broken.
    if (pathPart.startsWith('/') && context.routes !== undefined) {
      const routed = context.routes.get(siteRouteKey(safeDecode(pathPart)));
      return routed !== undefined
        ? { kind: 'doc', target: withAnchor(routed) }
        : { kind: 'site', target: withAnchor(safeDecode(pathPart)) };
    }
    return { kind: 'broken', target: joined };
  }
  if (context.specs?.has(found) === true) {
    return { kind: 'api', target: withAnchor(found) };
  }
  return { kind: MARKDOWN.test(found) ? 'doc' : 'asset', target: withAnchor(found) };
}

/** The form a site route is looked up in: no trailing slash, no `.md`/`.mdx`, no `index`. */
export function siteRouteKey(route: string): string {
  const bare = route
    .replace(/\/+$/, '')
    .replace(/\.(md|mdx)$/i, '')
    .replace(/\/(index|readme)$/i, '');
  return bare === '' ? '/' : bare;
}

function findFile(path: string, files: ReadonlySet<string>): string | null {
  const bare = path.replace(/\/+$/, '');
  const candidates =
    bare === ''
      ? ['README.md', 'index.md', 'index.mdx']
      : [bare, `${bare}.md`, `${bare}.mdx`, `${bare}/README.md`, `${bare}/index.md`, `${bare}/index.mdx`];
  return candidates.find((c) => files.has(c)) ?? null;
}
