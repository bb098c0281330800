/** Where the app's window may go: only its own pages; http(s) links leave for the system browser. */
import { webUrl } from '../core/security/webUrl';

/** The scheme the app's pages are served from. */
export const APP_SCHEME = 'app';
/** The origin of the app's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://nexus`;

/**
 * True for a URL of the app's own pages. `devOrigin` is the renderer dev server's origin, and only
 * `npm run dev` passes one (devServer.ts): its pages are then the app's pages too.
 */
export function isAppUrl(raw: string, devOrigin: string | null = null): boolean {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === `${APP_SCHEME}:` && url.host === 'nexus' && url.username === '' && url.password === '') ||
      (devOrigin !== null && url.origin === devOrigin)
    );
  } catch {
    return false;
  }
}

/** What to do with a navigation or window.open request. */
export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'external'; url: string };

/** In-app navigation stays; http(s) goes to the system browser; everything else is refused. */
export function decideNavigation(raw: string, devOrigin: string | null = null): NavigationDecision {
  if (isAppUrl(raw, devOrigin)) {
    return { action: 'allow' };
  }
  const web = webUrl(raw);
  return web !== null ? { action: 'external', url: web.href } : { action: 'deny' };
}

/**
 * True for a request the app's session may make: its own pages and assets, inline data and
 * blobs, and DevTools. Everything else (http, file, ws...) is cancelled behind the CSP. Under
 * `npm run dev`, also the dev server's pages and its hot-reload WebSocket (same host and port).
 */
export function isAllowedRequest(raw: string, devOrigin: string | null = null): boolean {
  if (isAppUrl(raw, devOrigin)) {
    return true;
  }
  try {
    const { protocol, host } = new URL(raw);
    if (devOrigin !== null && (protocol === 'ws:' || protocol === 'wss:') && host === new URL(devOrigin).host) {
      return true;
    }
    return protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:';
  } catch {
    return false;
  }
}
