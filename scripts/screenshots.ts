/**
 * `npm run screenshots`: takes the README's screenshots with Playwright in Chromium against the web
 * host (bundled hub, a throwaway data folder), at 1440x900 (desktop) and 1024x700 (laptop; files
 * named `<name>-1024.png`). Needs `npm run build` first. `-- --only <name,...>` takes some only.
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

/** The window sizes every shot is taken at; the first one keeps the plain file name. */
const SIZES = [
  { width: 1440, height: 900, suffix: '' },
  { width: 1024, height: 700, suffix: '-1024' },
];

const shots: Shot[] = [
  { name: 'reader', hash: '#/read/docs%2Fbackend-concepts.md/celery-and-rabbitmq', colorScheme: 'light' },
  { name: 'reader-dark', hash: '#/read/docs%2Ftechnologies.md/django-rest-framework', colorScheme: 'dark' },
  {
    name: 'search',
    hash: '#/read/README.md',
    colorScheme: 'light',
    prepare: async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('select_related', { delay: 30 });
    },
  },
  { name: 'dashboard', hash: '#/dashboard', colorScheme: 'light' },
  {
    name: 'diagrams',
    hash: '#/read/system-design%2Fdiagrams.md/celery-task-flow',
    colorScheme: 'dark',
    prepare: async (page) => {
      await page.locator('article svg').first().waitFor({ timeout: 30_000 });
    },
  },
  { name: 'api-reference', hash: '#/api/api-specs%2Fopenapi.yml/listproducts', colorScheme: 'light' },
  { name: 'review', hash: '#/review', colorScheme: 'light' },
  {
    name: 'quick-switcher',
    hash: '#/read/README.md',
    colorScheme: 'light',
    prepare: async (page) => {
      await page.keyboard.press('Control+p');
      await page.keyboard.type('back', { delay: 30 });
    },
  },
  {
    name: 'find-in-page',
    hash: '#/read/docs%2Fbackend-concepts.md',
    colorScheme: 'light',
    prepare: async (page) => {
      await page.locator('article.reader').waitFor();
      await page.keyboard.press('Control+f');
      await page.keyboard.type('celery', { delay: 30 });
      await page.keyboard.press('Enter');
    },
  },
  {
    name: 'settings-reading',
    hash: '#/settings',
    colorScheme: 'light',
    prepare: async (page) => {
      await page.getByRole('region', { name: 'Reading' }).waitFor();
    },
  },
  {
    name: 'hub-overview',
    hash: '#/dashboard',
    colorScheme: 'light',
    prepare: async (page) => {
      await page.getByRole('region', { name: 'Hub overview' }).scrollIntoViewIfNeeded();
    },
  },
];

/** Some study history so the dashboard and review screens show what they are for. */
async function seed(backend: Awaited<ReturnType<typeof createBackend>>): Promise<void> {
  const overview = await backend.api['hub.overview']({});
  const topics = backend.context
    .hub()
    .allDocs()
    .flatMap((d) => d.topics)
    .filter((t) => t.depth > 1);
  for (const [i, t] of topics.slice(0, 18).entries()) {
    await backend.api['progress.set']({ topicId: t.id, state: i % 6 === 5 ? 'in-progress' : 'done' });
  }
  const celery = topics.find((t) => t.slug === 'celery-and-rabbitmq');
  if (celery !== undefined) {
    await backend.api['notes.save']({
      topicId: celery.id,
      title: 'acks_late + idempotency',
      body: 'Remember: with `acks_late=True` a task can run **twice**. Make it idempotent (check state first).',
      tags: ['celery', 'exam'],
    });
  }
  const due = await backend.api['review.due']({ limit: 3 });
  for (const card of due.cards.slice(0, 2)) {
    await backend.api['review.grade']({ cardId: card.id, grade: 3 });
  }
  console.log(`seeded ${overview.docCount} docs`);
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-shots-'));
  const backend = await createBackend({ bundledHub: path.join(root, 'resources/hub'), dataDir, host: 'web', version: 'screenshots', logger: silentLogger, openExternal: null });
  await seed(backend);
  const host = await startWebHost({ backend, rendererDir: path.join(root, 'out/renderer'), logger: silentLogger });
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath !== null ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : null;
    for (const shot of shots.filter((s) => only === null || only.includes(s.name))) {
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme: shot.colorScheme });
        await page.goto(`${host.url}${shot.hash}`);
        await page.locator('main').first().waitFor();
        await shot.prepare?.(page);
        await page.waitForTimeout(1500);
        const file = `${shot.name}${size.suffix}.png`;
        await page.screenshot({ path: path.join(outDir, file) });
        await page.close();
        console.log(`docs/screenshots/${file}`);
      }
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
