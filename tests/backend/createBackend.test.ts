import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/backend/createBackend';
import { silentLogger } from '../../src/backend/logger';
import { oddities } from './hub/tempHub';

describe('createBackend', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('creates a missing data folder and opens the hub it is given', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-cb-'));
    dirs.push(base);
    const dataDir = path.join(base, 'not', 'there', 'yet');
    const backend = await createBackend({ bundledHub: oddities, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null });
    try {
      expect((await stat(dataDir)).isDirectory()).toBe(true);
      expect((await backend.api['hub.overview']({})).bundled).toBe(true);
      expect((await backend.api['app.info']({})).dataDir).toBe(dataDir);
      await expect(backend.api['app.openExternal']({ url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await backend.api['app.openExternal']({ url: 'https://example.com' })).toEqual({ opened: false });
    } finally {
      await backend.close();
    }
  });

  it('refuses a hub folder that does not exist with a clear error', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-cb-'));
    dirs.push(base);
    await expect(
      createBackend({ bundledHub: oddities, hubRoot: path.join(base, 'missing'), dataDir: base, host: 'web', version: 't', logger: silentLogger, openExternal: null }),
    ).rejects.toThrow(/Cannot open .* as a hub/);
  });
});
