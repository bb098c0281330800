/** The app's location, kept in the URL hash so reload and back/forward work. */

/** Where the app is. Features add their views to this union (and to parseRoute/routeHash). */
export type Route = { view: 'read'; path: string | null; slug: string | null };

/** Parses `#/read/<path>/<slug>` (each part URI-encoded). */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
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
  return { view: 'read', path: decode(parts[1]), slug: decode(parts[2]) };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.path === null) {
    return '#/';
  }
  const slug = route.slug !== null && route.slug !== '' ? `/${encodeURIComponent(route.slug)}` : '';
  return `#/read/${encodeURIComponent(route.path)}${slug}`;
}

/** Splits a link target `docs/a.md#slug` into a route. */
export function targetRoute(target: string): Route {
  const at = target.indexOf('#');
  return at === -1
    ? { view: 'read', path: target, slug: null }
    : { view: 'read', path: target.slice(0, at), slug: target.slice(at + 1) || null };
}
