/**
 * Diagram responsiveness benchmark: `npm run bench:diagrams [-- --hub <dir>] [--doc <path>] [--runs <n>]`.
 *
 * Opens a mermaid-heavy doc (default: stateDiagram.md of ../shared/corpora/hubs/mermaid-js__mermaid,
 * 20+ diagrams) through the web host in headless Chromium at 1440x900, scrolls the reader from top
 * to bottom in 300 px steps (one per 50 ms) and waits for the last diagrams to draw. A
 * PerformanceObserver collects long tasks (over 50 ms) during the scroll. Needs a build
 * (`npm run build`, which `npm run test:e2e` also does). Prints ONE JSON line: diagrams in the
 * doc, diagrams drawn, longest task and tasks over 50 ms per run, and the worst run.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { createBackend } from '../src/backend/createBackend';
import { silentLogger } from '../src/backend/logger';
import { startWebHost } from '../src/web/server';
import { chromiumPath } from '../tests/e2e/browser';

const root = path.resolve(import.meta.dirname, '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

type Run = { longestTaskMs: number; tasksOver50: number; totalLongTaskMs: number; drawn: number; scrollMs: number };

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
        const w = window as unknown as { __tasks: number[]; __measure: boolean };
        w.__tasks = [];
        w.__measure = false;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (w.__measure) {
              w.__tasks.push(e.duration);
            }
          }
        }).observe({ type: 'longtask', buffered: false });
      });
      await page.goto(`${host.url}#/read/${encodeURIComponent(doc)}`);
      const article = page.locator('article.reader');
      await article.locator('figure.diagram .diagram-canvas svg').first().waitFor({ timeout: 60_000 });
      total = await article.locator('figure.diagram').count();
      // Let the start settle (fonts, the first diagrams), then measure only the scroll.
      await page.waitForTimeout(1500);
      await page.evaluate(() => ((window as unknown as { __measure: boolean }).__measure = true));
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
      await page.waitForTimeout(3000);
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
      const drawn = await article.locator('.diagram-canvas svg').count();
      results.push({
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        tasksOver50: tasks.filter((t) => t > 50).length,
        totalLongTaskMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
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
      runs: results,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
