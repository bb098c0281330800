/**
 * Calls with a wrong argument get a clear bad-request or not-found, never "internal" (which the UI
 * shows as a bug): a file where a folder is expected, a prototype key as an id.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../src/backend/createBackend';
import { silentLogger } from '../../src/backend/logger';
import { dispatch } from '../../src/core/api/dispatch';

const root = path.resolve(import.meta.dirname, '../..');
const hubRoot = path.join(root, 'tests/fixtures/hubs/oddities');
const bundledHub = path.join(root, 'resources/hub');

describe('bad arguments are bad requests', () => {
  let dir: string;
  let backend: Backend;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-bad-'));
    backend = await createBackend({ bundledHub, hubRoot, dataDir: path.join(dir, 'data'), host: 'web', version: 't', logger: silentLogger, openExternal: null });
  });
  afterEach(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sync.configure with a file, a missing path or a plain folder: bad-request "not a repository"', async () => {
    const file = path.join(dir, 'file.txt');
    await writeFile(file, 'not a repo');
    await mkdir(path.join(dir, 'plain'));
    for (const repoPath of [file, path.join(dir, 'missing'), path.join(dir, 'plain')]) {
      expect(await dispatch(backend.api, 'sync.configure', { repoPath }), repoPath).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: expect.stringMatching(/not a git repository/i) as unknown },
      });
    }
  });

  it('sync.clone into a file: bad-request, nothing run', async () => {
    const file = path.join(dir, 'file.txt');
    await writeFile(file, 'in the way');
    expect(await dispatch(backend.api, 'sync.clone', { url: 'https://example.invalid/r.git', into: file })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('review.diff of __proto__, constructor or an unknown topic: not-found', async () => {
    for (const topicId of ['__proto__', 'constructor', 'toString', 'docs/none.md#x']) {
      expect(await dispatch(backend.api, 'review.diff', { topicId }), topicId).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });
});
