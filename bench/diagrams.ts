/**
 * Diagram responsiveness benchmark: `npm run bench:diagrams [-- --hub <dir>] [--doc <path>] [--runs <n>]`.
 *
 * Opens a mermaid-heavy doc (default: stateDiagram.md of ../shared/corpora/hubs/mermaid-js__mermaid,
 * 20+ diagrams) through the web host in headless Chromium at 1440x900, scrolls the reader from top
 * to bottom in 300 px steps (one per 50 ms) and waits for the last diagrams to draw. A
 * PerformanceObserver collects long tasks (over 50 ms): those that start while scrolling (the
 * target: none over 50 ms) and, apart, those of the settle phase once the scroll stops, when the
 * diagrams passed on the way are drawn. Needs a build (`npm run build`, which `npm run test:e2e`
 * also does). Prints ONE JSON line: diagrams in the doc, diagrams drawn, and per run the longest
 * task and tasks over 50 ms while scrolling and while settling; longestTaskMs is the worst run.
 * Figures depend on the machine and its load: compare runs on the same machine.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Page, chromium } from '@playwright/test';
import { createBackend } from '../src/backend/createBackend';
import { silentLogger } from '../src/backend/logger';
import { startWebHost } from '../src/web/server';
import { chromiumPath } from '../tests/e2e/browser';

const root = path.resolve(import.meta.dirname, '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

/**
 * One run: long tasks that started while scrolling (the target), then those of the settle phase
 * after the scroll stops (diagrams passed on the way draw then).
 */
type Run = {
  longestTaskMs: number;
  tasksOver50: number;
  totalLongTaskMs: number;
  settleLongestTaskMs: number;
  settleTasksOver50: number;
  drawn: number;
  scrollMs: number;
};

/** Waits (up to 60 s) until every diagram of the doc is drawn or has failed visibly. */
async function expectAllDrawn(page: Page, total: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const done = await page.locator('article.reader figure.diagram').evaluateAll((els) => els.filter((e) => e.querySelector('.diagram-canvas svg, .diagram-error-message') !== null).length);
    if (done >= total) {
      return;
    }
    await page.waitForTimeout(250);
  }
}

async function main(): Promise<void> {
  const hub = path.resolve(arg('hub', path.join(root, '../shared/corpora/hubs/mermaid-js__mermaid')));
  const doc = arg('doc', 'stateDiagram.md');
  const runs = Number(arg('runs', '3'));
  const rendererDir = path.join(root, 'out/renderer');
  if (!existsSync(hub)) {
    throw new Error(`No hub at ${hub}: pass --hub <dir> (the shared corpora live in ../shared/corpora/hubs).`);
  }
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('No renderer build in out/renderer: run `npm run build` first.');
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-bench-diagrams-'));
  const backend = await createBackend({
    bundledHub: path.join(root, 'resources/hub'),
    hubRoot: hub,
    dataDir,
    host: 'web',
    version: '0.0.0-bench',
    logger: silentLogger,
    openExternal: null,
  });
  const host = await startWebHost({ backend, rendererDir, logger: silentLogger });
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath !== null ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const results: Run[] = [];
  let total = 0;
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(() => {
        const w = window as unknown as { __tasks: Array<{ start: number; duration: number }> };
        w.__tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            w.__tasks.push({ start: e.startTime, duration: e.duration });
          }
        }).observe({ type: 'longtask', buffered: false });
      });
      await page.goto(`${host.url}#/read/${encodeURIComponent(doc)}`);
      const article = page.locator('article.reader');
      await article.locator('figure.diagram .diagram-canvas svg').first().waitFor({ timeout: 60_000 });
      total = await article.locator('figure.diagram').count();
      // Let the start settle (fonts, the first diagrams), then measure only the scroll.
      await page.waitForTimeout(1500);
      const t0 = await page.evaluate(() => performance.now());
      const started = Date.now();
      for (let i = 0; i < 400; i++) {
        const atEnd = await page.locator('main.content').evaluate((el) => {
          el.scrollBy(0, 300);
          return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
        });
        await page.waitForTimeout(50);
        if (atEnd) {
          break;
        }
      }
      const scrollMs = Date.now() - started;
      const t1 = await page.evaluate(() => performance.now());
      // Then the diagrams scrolled past draw (once scrolling stops).
      await page.waitForTimeout(1000);
      await expectAllDrawn(page, total);
      const all = await page.evaluate(() => (window as unknown as { __tasks: Array<{ start: number; duration: number }> }).__tasks);
      const during = all.filter((t) => t.start >= t0 && t.start <= t1).map((t) => t.duration);
      const after = all.filter((t) => t.start > t1).map((t) => t.duration);
      const drawn = await article.locator('.diagram-canvas svg').count();
      results.push({
        longestTaskMs: Math.round(Math.max(0, ...during)),
        tasksOver50: during.filter((t) => t > 50).length,
        totalLongTaskMs: Math.round(during.reduce((a, b) => a + b, 0)),
        settleLongestTaskMs: Math.round(Math.max(0, ...after)),
        settleTasksOver50: after.filter((t) => t > 50).length,
        drawn,
        scrollMs,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await host.close();
    await backend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const worst = Math.max(...results.map((x) => x.longestTaskMs));
  const worstSettle = Math.max(...results.map((x) => x.settleLongestTaskMs));
  console.log(
    JSON.stringify({
      bench: 'diagrams',
      hub: path.basename(hub),
      doc,
      diagrams: total,
      viewport: '1440x900',
      targetMs: 50,
      longestTaskMs: worst,
      withinTarget: worst <= 50,
      settleLongestTaskMs: worstSettle,
      cpus: os.cpus().length,
      loadAverage: os.loadavg()[0],
      runs: results,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
