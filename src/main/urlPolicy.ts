/** Where the app's window may go: only its own pages; http(s) links leave for the system browser. */

/** The scheme the app's pages are served from. */
export const APP_SCHEME = 'app';
/** The origin of the app's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://nexus`;

/** True for a URL of the app's own pages. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'nexus';
  } catch {
    return false;
  }
}

/** What to do with a navigation or window.open request. */
export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'external'; url: string };

/** In-app navigation stays; http(s) goes to the system browser; everything else is refused. */
export function decideNavigation(raw: string): NavigationDecision {
  if (isAppUrl(raw)) {
    return { action: 'allow' };
  }
  try {
    const url = new URL(raw);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
      return { action: 'external', url: url.href };
    }
  } catch {
    // Not a URL at all: refuse.
  }
  return { action: 'deny' };
}

/**
 * True for a request the app's session may make: its own pages and assets, inline data and
 * blobs, and DevTools. Everything else (http, file, ws...) is cancelled behind the CSP.
 */
export function isAllowedRequest(raw: string): boolean {
  if (isAppUrl(raw)) {
    return true;
  }
  try {
    const { protocol } = new URL(raw);
    return protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:';
  } catch {
    return false;
  }
}
