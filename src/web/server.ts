/**
 * The local web host: the built renderer plus StudyApi as `POST /api/<method>`, bound to 127.0.0.1
 * with a random per-run token. The same app in any browser, and what the e2e tests drive.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../core/api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';
import type { Backend } from '../backend/createBackend';
import type { Logger } from '../backend/logger';
import { fileUnder } from '../backend/pathInside';

const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A running web host. */
export type WebHost = {
  url: string;
  token: string;
  /**
   * Stops taking connections, ends event streams, lets API calls already received finish (up to
   * `graceMs`, 10 s by default) and then drops what is left. Resolves once the server is closed.
   */
  close(graceMs?: number): Promise<void>;
};

/** Options of the web host. */
export type WebHostOptions = { backend: Backend; rendererDir: string; logger: Logger; port?: number; token?: string };

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Starts the host on 127.0.0.1 (port 0 picks a free one). */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const expected = Buffer.from(token);
  const rendererDir = path.resolve(options.rendererDir);
  let indexHtml: string;
  try {
    indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing): run \`npm run build\` first.`);
  }
  const page = indexHtml.replace('</head>', `<meta name="nexus-token" content="${token}"></head>`);
  let hostHeader = '';
  /** Open event streams (ended on close: they never finish on their own). */
  const streams = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      options.logger.error('web host request failed', e);
      if (!res.headersSent) {
        res.writeHead(500, SECURITY_HEADERS).end();
      }
    });
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // DNS rebinding: only our own host name is served.
    if (req.headers.host !== hostHeader) {
      res.writeHead(421, SECURITY_HEADERS).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (url.pathname === '/api/events' && req.method === 'GET') {
      handleEvents(req, res, url.searchParams.get('token') ?? '');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' }).end(page);
      return;
    }
    // A malformed escape (`/%E0%A4%A`), a NUL or a path out of the folder is a 404, as on app://.
    const file = fileUnder(rendererDir, url.pathname);
    if (file === null) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, SECURITY_HEADERS).end();
    }
  };

  const tokenMatches = (given: string): boolean => {
    const buf = Buffer.from(given);
    return buf.length === expected.length && timingSafeEqual(buf, expected);
  };

  // Push events as Server-Sent Events (EventSource cannot send headers, so the token is a query parameter).
  const handleEvents = (req: http.IncomingMessage, res: http.ServerResponse, given: string): void => {
    if (!tokenMatches(given)) {
      res.writeHead(401, SECURITY_HEADERS).end();
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = options.backend.context.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    streams.add(res);
    req.on('close', () => {
      streams.delete(res);
      unsubscribe();
    });
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> => {
    if (!tokenMatches(String(req.headers['x-nexus-token'] ?? ''))) {
      res.writeHead(401, SECURITY_HEADERS).end();
      return;
    }
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        res.writeHead(413, SECURITY_HEADERS).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let args: unknown;
    try {
      args = chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      args = Symbol('invalid');
    }
    const result =
      typeof args === 'symbol'
        ? { ok: false, error: { code: 'bad-request', message: 'Request body is not JSON.' } }
        : await dispatch(options.backend.api, method, args, (m, e) => options.logger.error(`api ${m} failed`, e));
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(result));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `127.0.0.1:${port}`;
  return {
    url: `http://${hostHeader}/`,
    token,
    close: (graceMs = 10_000) =>
      new Promise((resolve) => {
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        for (const res of streams) {
          res.end();
        }
        // Idle keep-alive connections go now; a request being answered finishes first.
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
      }),
  };
}
