/**
 * `npm run dev`: electron-vite serves the renderer with hot reload and names it in
 * ELECTRON_RENDERER_URL. Only an unpackaged app follows it, only to a loopback http(s) server,
 * and the page gets the app's own CSP with just what the dev server needs added.
 */
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server's URL, or null: packaged, unset, or not a loopback http(s) URL. */
export function devRendererUrl(env: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || env === undefined || env === '') {
    return null;
  }
  try {
    const url = new URL(env);
    return (url.protocol === 'http:' || url.protocol === 'https:') &&
      LOOPBACK.has(url.hostname) &&
      url.username === '' &&
      url.password === ''
      ? url
      : null;
  } catch {
    return null;
  }
}

/**
 * The app's CSP for the dev server's pages: the React refresh preamble is an inline script, and
 * hot reload talks over a WebSocket to the same host. Everything else stays as in the app.
 */
export function devContentSecurityPolicy(dev: URL): string {
  const ws = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((d) =>
      d === "script-src 'self'" ? "script-src 'self' 'unsafe-inline'" : d === "connect-src 'self'" ? `connect-src 'self' ${ws}` : d,
    )
    .join('; ');
}
