/**
 * The renderer's security in a real Chromium against the web host: no Node.js in the page,
 * window.open and outside navigation cannot take the app away, and the CSP (sent as a header)
 * blocks inline scripts and remote loads. The Electron-only parts live in smoke.electron.spec.ts.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src/core/security/csp';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

type Violation = { directive: string; blocked: string };

/** Starts recording CSP violations in the page. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: Violation[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
}

/** Every request the page makes to anywhere but the web host; they are aborted so the test stays offline. */
async function outsideRequests(page: Page, appUrl: string): Promise<string[]> {
  const seen: string[] = [];
  const origin = new URL(appUrl).origin;
  await page.context().route(
    (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => {
      seen.push(route.request().url());
      return route.abort();
    },
  );
  return seen;
}

test('the page has no Node.js: require, process, module and Buffer are undefined', async ({ page, app }) => {
  await new ReaderPage(page).open(app.url);
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { require: typeof w['require'], process: typeof w['process'], module: typeof w['module'], Buffer: typeof w['Buffer'] };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('the CSP header blocks an inline script and a remote image', async ({ page, app }) => {
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(new ReaderPage(page).tree).toBeVisible();
  const remote = await outsideRequests(page, app.url);
  const violations = await recordViolations(page);

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = "ran"';
    document.body.append(script);
    const img = document.createElement('img');
    img.id = 'remote-img';
    img.src = 'https://tracker.example/pixel.png';
    document.body.append(img);
  });

  await expect.poll(async () => (await violations()).map((v) => v.directive).sort()).toEqual(['img-src', 'script-src-elem']);
  expect((await violations()).find((v) => v.directive === 'img-src')?.blocked).toBe('https://tracker.example/pixel.png');
  expect(await page.evaluate(() => (window as unknown as { __inline?: string }).__inline)).toBeUndefined();
  expect(await page.locator('#remote-img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
  expect(remote).toEqual([]); // blocked before any request left the page
});

test('window.open hands http(s) off with no opener and refuses other schemes', async ({ page, app, context }) => {
  await new ReaderPage(page).open(app.url, '#/read/README.md');
  const before = page.url();
  await context.route('https://example.com/**', (route) => route.fulfill({ status: 200, body: 'outside' }));

  const popupPromise = context.waitForEvent('page');
  expect(await page.evaluate(() => window.open('https://example.com/handed-off'))).toBeNull();
  const popup = await popupPromise;
  expect(popup.url()).toBe('https://example.com/handed-off');
  expect(await popup.evaluate(() => window.opener as unknown)).toBeNull();
  await popup.close();

  const refused = await page.evaluate(() =>
    ['javascript:window.__pwned = 1', 'file:///etc/passwd', 'data:text/html,<b>x</b>', '/index.html'].map((url) => window.open(url)),
  );
  expect(refused).toEqual([null, null, null, null]);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200))); // let a popup, if any, appear
  expect(context.pages()).toEqual([page]);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('a form cannot submit the app away (CSP form-action)', async ({ page, app }) => {
  await new ReaderPage(page).open(app.url, '#/read/README.md');
  const before = page.url();
  const remote = await outsideRequests(page, app.url);
  const violations = await recordViolations(page);
  await page.evaluate(() => {
    const form = document.createElement('form');
    form.action = 'https://evil.example/steal';
    form.method = 'post';
    document.body.append(form);
    form.submit();
  });
  await expect.poll(async () => (await violations()).map((v) => v.directive)).toContain('form-action');
  expect(page.url()).toBe(before);
  expect(remote).toEqual([]);
});

test.describe('hostile hub content', () => {
  test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/hubs/hostile') });

  test('runs no script, loads nothing remote and does not navigate the app away', async ({ page, app, context }) => {
    const reader = new ReaderPage(page);
    const remote = await outsideRequests(page, app.url);
    await reader.open(app.url, '#/read/README.md');
    await expect(reader.heading('Still readable')).toBeVisible();
    const before = page.url();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expect(reader.article.locator('script, iframe, object, form, meta, base, style')).toHaveCount(0);
    await expect(reader.article.locator('[onerror]')).toHaveCount(0);

    // A same-tab external link leaves for a new tab (the system browser in Electron); the app stays.
    const popupPromise = context.waitForEvent('page');
    await reader.article.getByRole('link', { name: 'Same-tab link' }).click();
    const popup = await popupPromise;
    await popup.close();
    await reader.article.getByRole('link', { name: 'Script link' }).click({ force: true });

    expect(page.url()).toBe(before);
    await expect(reader.heading('Hostile Hub')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // The only outside request is the link the learner clicked, opened in its own tab.
    expect(remote).toEqual(['https://evil.invalid/away']);
  });
});
