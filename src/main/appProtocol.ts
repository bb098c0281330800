/**
 * The app:// protocol: serves the built renderer from one folder with the app's CSP. Anything that
 * is not a file in that folder (missing, a folder, outside it, a malformed escape) is a 404, never
 * a network error.
 */
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { fileUnder } from '../backend/pathInside';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';

/** Reads a file:// URL (Electron's net.fetch in the app; tests pass their own). */
export type FetchFile = (fileUrl: string) => Promise<Response>;

function withAppHeaders(body: BodyInit | null, status: number, from?: Headers): Response {
  const headers = new Headers(from);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  if (status === 404) {
    headers.set('Content-Type', 'text/plain; charset=utf-8');
  }
  return new Response(body, { status, headers });
}

const notFound = (): Response => withAppHeaders('Not found', 404);

/** The file a request names inside `rootDir`, or null. */
export function appFileOf(rootDir: string, requestUrl: string): string | null {
  const url = URL.canParse(requestUrl) ? new URL(requestUrl) : null;
  return url === null ? null : fileUnder(rootDir, url.pathname);
}

/** The handler for protocol.handle(APP_SCHEME, ...). */
export function appProtocolHandler(rootDir: string, fetchFile: FetchFile): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = appFileOf(rootDir, request.url);
    if (file === null) {
      return notFound();
    }
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) {
      return notFound();
    }
    const res = await fetchFile(pathToFileURL(file).href).catch(() => null);
    if (res === null || !res.ok) {
      return notFound();
    }
    return withAppHeaders(res.body, res.status, res.headers);
  };
}
