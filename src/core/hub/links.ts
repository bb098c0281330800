/** Resolving links and image sources found in hub docs, without ever leaving the hub. */
import type { LinkKind } from './types';

/** Where a link goes. `target` is a hub path, with `#anchor` when the link had one. */
export type ResolvedLink = { kind: LinkKind; target: string | null };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const MARKDOWN = /\.(md|markdown)$/i;

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
 * Classifies a link found in `docPath`: another hub doc, an anchor in the same doc, a hub file,
 * an external http(s) page, a broken link, or a blocked scheme (javascript:, file:, data:...).
 * Extension-less and folder links are tried as `.md`, `/README.md` and `/index.md` (MkDocs style).
 */
export function resolveLink(docPath: string, href: string, files: ReadonlySet<string>): ResolvedLink {
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
  const found = findFile(joined, files);
  if (found === null) {
    return { kind: 'broken', target: joined };
  }
  const target = anchor !== '' ? `${found}#${anchor}` : found;
  return { kind: MARKDOWN.test(found) ? 'doc' : 'asset', target };
}

function findFile(path: string, files: ReadonlySet<string>): string | null {
  const bare = path.replace(/\/+$/, '');
  const candidates = bare === '' ? ['README.md', 'index.md'] : [bare, `${bare}.md`, `${bare}/README.md`, `${bare}/index.md`];
  return candidates.find((c) => files.has(c)) ?? null;
}
