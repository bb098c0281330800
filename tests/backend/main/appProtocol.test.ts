/** The app:// handler over a real folder, with a file fetcher that behaves like Electron's net.fetch. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/core/security/csp';
import { appFileOf, appProtocolHandler } from '../../../src/main/appProtocol';

/** Like net.fetch on a file URL: the bytes, or a rejected promise (net::ERR_FILE_NOT_FOUND). */
async function fetchFileLikeElectron(fileUrl: string): Promise<Response> {
  const bytes = await readFile(fileURLToPath(fileUrl));
  return new Response(bytes, {
    status: 200,
    headers: { 'Content-Type': fileUrl.endsWith('.html') ? 'text/html' : 'application/octet-stream' },
  });
}

describe('app:// protocol handler', () => {
  let root: string;
  let rendererDir: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'nexus-proto-'));
    rendererDir = path.join(root, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Nexus</title>');
    await writeFile(path.join(rendererDir, 'assets', 'a b.js'), 'export {};');
    await writeFile(path.join(root, 'secret.txt'), 'outside');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const get = (url: string): Promise<Response> => appProtocolHandler(rendererDir, fetchFileLikeElectron)(new Request(url));

  it('serves the page and its assets with the CSP and nosniff', async () => {
    for (const url of ['app://nexus/', 'app://nexus/index.html', 'app://nexus/assets/a%20b.js']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
    expect(await (await get('app://nexus/index.html')).text()).toContain('<title>Nexus</title>');
  });

  it('answers 404 (not a network error) for a missing file, a folder, a malformed escape, a NUL and traversal', async () => {
    for (const url of [
      'app://nexus/missing.js',
      'app://nexus/assets',
      'app://nexus/assets/',
      'app://nexus/%E0%A4%A',
      'app://nexus/%',
      'app://nexus/index.html%00.js',
      'app://nexus/..%2Fsecret.txt',
      'app://nexus/%2E%2E/secret.txt',
      'app://nexus/assets/..%2F..%2Fsecret.txt',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('a fetch that fails after the file was found is a 404 too', async () => {
    const res = await appProtocolHandler(rendererDir, () => Promise.reject(new Error('net::ERR_FAILED')))(
      new Request('app://nexus/index.html'),
    );
    expect(res.status).toBe(404);
  });

  it('maps request URLs to files only inside the folder', () => {
    expect(appFileOf(rendererDir, 'app://nexus/')).toBe(path.join(rendererDir, 'index.html'));
    expect(appFileOf(rendererDir, 'app://nexus/..%2F..%2Fetc/passwd')).toBeNull();
    expect(appFileOf(rendererDir, 'not a url')).toBeNull();
  });
});
