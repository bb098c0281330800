import http from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { startWebHost, type WebHost } from '../../../src/web/server';
import { oddities } from '../hub/tempHub';

/** A raw request, so tests control the Host header and the body. */
function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('web host', () => {
  let dir: string;
  let backend: Backend;
  let host: WebHost;
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    request(`${host.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nexus-token': host.token, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-web-'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<html><head></head><body>app</body></html>');
    await writeFile(path.join(dir, 'secret.txt'), 'outside');
    backend = await createBackend({ bundledHub: oddities, dataDir: dir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
    host = await startWebHost({ backend, rendererDir: path.join(dir, 'renderer'), logger: silentLogger });
  });
  afterAll(async () => {
    await host.close();
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and injects the token into the page, with a CSP header', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(host.url);
    expect(page.body).toContain(`<meta name="nexus-token" content="${host.token}">`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data:");
  });

  it('serves StudyApi calls with the token and refuses them without it', async () => {
    const ok = await api('hub.overview', {});
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { docCount: 7 } });
    expect((await api('hub.overview', {}, { 'x-nexus-token': 'wrong' })).status).toBe(401);
    const noToken = await request(`${host.url}api/hub.overview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
  });

  it('answers bad calls with result values, not crashes', async () => {
    expect(JSON.parse((await api('hub.doc', { path: 7 })).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse((await api('no.such', {})).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const notJson = await request(`${host.url}api/hub.overview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nexus-token': host.token },
      body: '{nope',
    });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse((await api('hub.doc', { path: '../../../etc/passwd' })).body)).toMatchObject({ ok: false });
  });

  it('refuses other Host headers (DNS rebinding) and paths outside the renderer', async () => {
    const port = new URL(host.url).port;
    const rebound = await request(host.url, { headers: { host: `evil.example:${port}` } });
    expect(rebound.status).toBe(421);
    const traversal = await request(`${host.url}..%2fsecret.txt`);
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('outside');
    // A malformed escape, a NUL, the folder itself: 404, never a 500.
    for (const bad of ['%E0%A4%A', 'assets/%00x.js', 'assets', '%2e%2e%2fsecret.txt']) {
      expect((await request(`${host.url}${bad}`)).status, bad).toBe(404);
    }
  });

  it('needs POST with JSON for the API (no simple cross-site form posts)', async () => {
    const form = await request(`${host.url}api/hub.overview`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-nexus-token': host.token },
      body: '{}',
    });
    expect(form.status).toBe(405);
  });
});
