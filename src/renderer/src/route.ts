/** The app's location, kept in the URL hash so reload and back/forward work. */

/** Where the app is. Features add their views to this union (and to parseRoute/routeHash). */
export type Route =
  | { view: 'read'; path: string | null; slug: string | null; /** Search words to highlight in the doc. */ q?: string }
  | { view: 'dashboard'; path: null; slug: null }
  | { view: 'notes'; path: null; slug: null; noteId: string | null }
  /** Spaced-repetition review of due cards (`#/review`). */
  | { view: 'review'; path: null; slug: null }
  /** Settings: the sync repository and the sync log (`#/settings`). */
  | { view: 'settings'; path: null; slug: null }
  /** The API reference of an OpenAPI file, at one operation (`#/api/<spec path>/<operation slug>`). */
  | { view: 'api'; path: string; slug: string | null };

/** Parses `#/read/<path>/<slug>` (each part URI-encoded). */
export function parseRoute(hash: string): Route {
  // `?q=<words>` after a read route carries search words to highlight (search palette).
  const qAt = hash.indexOf('?q=');
  const parts = (qAt === -1 ? hash : hash.slice(0, qAt)).replace(/^#\/?/, '').split('/');
  if (parts[0] === 'dashboard') {
    return { view: 'dashboard', path: null, slug: null };
  }
  if (parts[0] === 'review') {
    return { view: 'review', path: null, slug: null };
  }
  if (parts[0] === 'settings') {
    return { view: 'settings', path: null, slug: null };
  }
  if (parts[0] === 'notes') {
    let noteId: string | null = null;
    try {
      noteId = parts[1] !== undefined && parts[1] !== '' ? decodeURIComponent(parts[1]) : null;
    } catch {
      noteId = null;
    }
    return { view: 'notes', path: null, slug: null, noteId };
  }
  if (parts[0] === 'api' && parts[1] !== undefined && parts[1] !== '') {
    try {
      return { view: 'api', path: decodeURIComponent(parts[1]), slug: parts[2] !== undefined && parts[2] !== '' ? decodeURIComponent(parts[2]) : null };
    } catch {
      return { view: 'read', path: null, slug: null };
    }
  }
  if (parts[0] !== 'read' || parts[1] === undefined || parts[1] === '') {
    return { view: 'read', path: null, slug: null };
  }
  const decode = (s: string | undefined): string | null => {
    if (s === undefined || s === '') {
      return null;
    }
    try {
      return decodeURIComponent(s);
    } catch {
      return null;
    }
  };
  const q = qAt === -1 ? null : decode(hash.slice(qAt + 3));
  return { view: 'read', path: decode(parts[1]), slug: decode(parts[2]), ...(q !== null ? { q } : {}) };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.view === 'dashboard') {
    return '#/dashboard';
  }
  if (route.view === 'review') {
    return '#/review';
  }
  if (route.view === 'settings') {
    return '#/settings';
  }
  if (route.view === 'notes') {
    return route.noteId !== null ? `#/notes/${encodeURIComponent(route.noteId)}` : '#/notes';
  }
  if (route.view === 'api') {
    return `#/api/${encodeURIComponent(route.path)}${route.slug !== null ? `/${encodeURIComponent(route.slug)}` : ''}`;
  }
  if (route.path === null) {
    return '#/';
  }
  const slug = route.slug !== null && route.slug !== '' ? `/${encodeURIComponent(route.slug)}` : '';
  const q = route.q !== undefined && route.q !== '' ? `?q=${encodeURIComponent(route.q)}` : '';
  return `#/read/${encodeURIComponent(route.path)}${slug}${q}`;
}

/** Splits a link target `docs/a.md#slug` into a route. */
export function targetRoute(target: string): Route {
  const at = target.indexOf('#');
  return at === -1
    ? { view: 'read', path: target, slug: null }
    : { view: 'read', path: target.slice(0, at), slug: target.slice(at + 1) || null };
}
