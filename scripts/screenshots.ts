/**
 * `npm run screenshots`: takes the README's screenshots with Playwright in Chromium against the web
 * host (bundled hub, a throwaway data folder). Needs `npm run build` first.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../src/backend/createBackend';
import { silentLogger } from '../src/backend/logger';
import { startWebHost } from '../src/web/server';
import { chromiumPath } from '../tests/e2e/browser';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs/screenshots');

type Shot = { name: string; hash: string; colorScheme: 'light' | 'dark'; prepare?: (page: Page) => Promise<void> };

const shots: Shot[] = [
  { name: 'reader', hash: '#/read/docs%2Fbackend-concepts.md/celery-and-rabbitmq', colorScheme: 'light' },
  { name: 'reader-dark', hash: '#/read/docs%2Ftechnologies.md/django-rest-framework', colorScheme: 'dark' },
];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-shots-'));
  const backend = await createBackend({ bundledHub: path.join(root, 'resources/hub'), dataDir, host: 'web', version: 'screenshots', logger: silentLogger, openExternal: null });
  const host = await startWebHost({ backend, rendererDir: path.join(root, 'out/renderer'), logger: silentLogger });
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath !== null ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: shot.colorScheme });
      await page.goto(`${host.url}${shot.hash}`);
      await page.locator('article.reader').waitFor();
      await shot.prepare?.(page);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(outDir, `${shot.name}.png`) });
      await page.close();
      console.log(`docs/screenshots/${shot.name}.png`);
    }
  } finally {
    await browser.close();
    await host.close();
    await backend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
