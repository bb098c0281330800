/**
 * The one path-containment check: hub reads (safePath), the app:// protocol (main) and the web
 * host's static files all ask it, so a fix lands everywhere at once.
 */
import path from 'node:path';

/** True when `child` is `parent` or below it (both absolute; resolve symlinks first where they matter). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The file a URL path names below `rootDir` (`/` is `/index.html`), or null when it cannot be one:
 * a malformed escape, a NUL, or a path that leaves the folder or names the folder itself.
 */
export function fileUnder(rootDir: string, urlPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPathname === '/' ? '/index.html' : urlPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) {
    return null;
  }
  const file = path.resolve(rootDir, `.${pathname}`);
  return file !== path.resolve(rootDir) && isInside(rootDir, file) ? file : null;
}
