/**
 * The desktop app itself, driven by Playwright's `_electron`: the reader smoke flow and the
 * security checks that need Electron (app:// protocol, navigation and window guards in main,
 * permission denial, the bridged API). Skipped where the Electron runtime is not installed.
 */
import { type ElectronApplication, type Page, _electron, expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { apiMethods } from '../../src/core/api/contract';
import { electronBinary } from './electronBinary';
import { ReaderPage } from './pages/ReaderPage';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const executablePath = electronBinary(projectRoot);
const oddities = path.join(projectRoot, 'tests/fixtures/hubs/oddities');

test.skip(
  executablePath === null,
  'The Electron runtime is not installed (node_modules/electron has no dist/): run `node node_modules/electron/install.js` where it can be downloaded. The web project covers the renderer.',
);

type Launched = { electronApp: ElectronApplication; page: Page };

async function launch(dataDir: string, hub = oddities): Promise<Launched> {
  const electronApp = await _electron.launch({
    executablePath: executablePath ?? undefined,
    // Chromium refuses to start its sandbox as root (CI containers); the renderer sandbox option stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
    env: { ...process.env, NEXUS_DATA_DIR: dataDir, NEXUS_HUB: hub },
  });
  const page = await electronApp.firstWindow();
  return { electronApp, page };
}

test.describe('desktop app', () => {
  let dataDir: string;
  let launched: Launched | null = null;

  test.beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-electron-'));
  });
  test.afterEach(async () => {
    await launched?.electronApp.close();
    launched = null;
    await rm(dataDir, { recursive: true, force: true });
  });

  test('reads the hub from app:// and remembers the last topic across restarts', async () => {
    launched = await launch(dataDir);
    const { page } = launched;
    const reader = new ReaderPage(page);
    await expect(reader.tree).toBeVisible();
    expect(new URL(page.url()).origin).toBe('app://nexus');
    await expect(reader.heading('Oddities Hub')).toBeVisible();
    await reader.article.getByRole('link', { name: 'Guide, setup section' }).click();
    await expect(page).toHaveURL(/#\/read\/docs%2Fguide\.md\/setup$/);
    await expect(reader.heading('🚀 Getting Started')).toBeVisible();
    await expect(reader.article.locator('pre code.language-python .hljs-keyword').first()).toHaveText('def');

    await launched.electronApp.close();
    const settings = JSON.parse(await readFile(path.join(dataDir, 'shell.json'), 'utf8')) as { lastRoute: string; windows: object };
    expect(settings.lastRoute).toBe('#/read/docs%2Fguide.md/setup');
    expect(Object.keys(settings.windows)).toHaveLength(1);

    launched = await launch(dataDir);
    await expect(launched.page).toHaveURL(/#\/read\/docs%2Fguide\.md\/setup$/);
    await expect(new ReaderPage(launched.page).heading('🚀 Getting Started')).toBeVisible();
  });

  test('exposes named functions only, and no Node.js, to the page', async () => {
    launched = await launch(dataDir);
    const { page } = launched;
    await expect(new ReaderPage(page).tree).toBeVisible();
    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const nexus = w['nexus'] as Record<string, unknown>;
      return {
        require: typeof w['require'],
        process: typeof w['process'],
        methods: Object.keys(nexus).sort(),
        allFunctions: Object.values(nexus).every((f) => typeof f === 'function'),
        events: Object.keys(w['nexusEvents'] as object),
      };
    });
    expect(surface).toEqual({ require: 'undefined', process: 'undefined', methods: [...apiMethods].sort(), allFunctions: true, events: ['subscribe'] });
  });

  test('keeps the window on the app: navigation, window.open and permissions are refused', async () => {
    launched = await launch(dataDir);
    const { electronApp, page } = launched;
    await expect(new ReaderPage(page).tree).toBeVisible();
    // Record what would go to the system browser instead of opening it.
    await electronApp.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      shell.openExternal = (url: string) => {
        opened.push(url);
        return Promise.resolve();
      };
    });
    const before = page.url();

    expect(await page.evaluate(() => window.open('https://example.com/popup'))).toBeNull();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/away';
    });
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await expect.poll(() => electronApp.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened)).toEqual([
      'https://example.com/popup',
      'https://example.com/away',
    ]);
    expect(electronApp.windows()).toHaveLength(1);
    expect(page.url()).toBe(before);

    const permission = await page.evaluate(() => Notification.requestPermission());
    expect(permission).toBe('denied');
  });

  test('the app:// protocol sends the CSP: inline scripts and remote images are blocked', async () => {
    launched = await launch(dataDir);
    const { page } = launched;
    await expect(new ReaderPage(page).tree).toBeVisible();
    const result = await page.evaluate(
      () =>
        new Promise<{ directives: string[]; inline: unknown }>((resolve) => {
          const directives: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => {
            directives.push(e.effectiveDirective);
            if (directives.length === 2) {
              resolve({ directives: directives.sort(), inline: (window as unknown as { __inline?: unknown }).__inline });
            }
          });
          const script = document.createElement('script');
          script.textContent = 'window.__inline = 1';
          document.body.append(script);
          const img = document.createElement('img');
          img.src = 'https://tracker.example/pixel.png';
          document.body.append(img);
        }),
    );
    expect(result).toEqual({ directives: ['img-src', 'script-src-elem'], inline: undefined });
  });
});
