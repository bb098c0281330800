/**
 * Playwright fixtures: each test gets its own web host on 127.0.0.1 with a fresh NEXUS_DATA_DIR,
 * over the bundled hub or the hub a test chooses with `test.use({ hubRoot })`.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Backend, createBackend } from '../../src/backend/createBackend';
import { silentLogger } from '../../src/backend/logger';
import { startWebHost, type WebHost } from '../../src/web/server';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const bundledHub = path.join(projectRoot, 'resources/hub');

/** What a test gets: the running app and where its data lives. */
export type AppFixture = { url: string; dataDir: string; backend: Backend; host: WebHost };

export const test = base.extend<{ hubRoot: string | undefined; app: AppFixture }>({
  hubRoot: [undefined, { option: true }],
  app: async ({ hubRoot }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-e2e-'));
    const backend = await createBackend({
      bundledHub,
      ...(hubRoot !== undefined ? { hubRoot } : {}),
      dataDir,
      host: 'web',
      version: '0.0.0-test',
      logger: silentLogger,
      openExternal: null,
    });
    const host = await startWebHost({ backend, rendererDir: path.join(projectRoot, 'out/renderer'), logger: silentLogger });
    await use({ url: host.url, dataDir, backend, host });
    await host.close();
    await backend.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
