/**
 * The shell at laptop and desktop sizes: no sideways scroll, every toolbar command reachable
 * (inline or in "More"), a text column that keeps its room, resizable and collapsible panes.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const worst = [...document.querySelectorAll<HTMLElement>('.topbar > *')].reduce(
      (m, el) => Math.max(m, el.getBoundingClientRect().right),
      0,
    );
    return Math.max(doc.scrollWidth - doc.clientWidth, document.body.scrollWidth - doc.clientWidth, worst - doc.clientWidth);
  });
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 800, height: 600 },
]) {
  test(`at ${size.width}x${size.height}: no horizontal overflow, Problems reachable, text column kept`, async ({ page, app }) => {
    await page.setViewportSize(size);
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/system-design%2Fdiagrams.md');
    await expect(reader.article).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const problems = page.getByRole('button', { name: /^Problems \(/ });
    await expect(problems).toBeInViewport({ ratio: 1 });
    await problems.click();
    await expect(page.getByRole('heading', { name: /problem/i }).first()).toBeVisible();

    // Commands that do not fit are in the "More" menu, never off-screen.
    const more = page.getByRole('button', { name: 'More ▾' });
    if (size.width < 1280) {
      await more.click();
      await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toHaveCount(0);
      await expect(more).toBeFocused();
    } else {
      await expect(more).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Settings' })).toBeInViewport();
    }

    // The text column keeps a comfortable width whatever panes are open.
    const column = await reader.article.evaluate((el) => el.getBoundingClientRect().width);
    expect(column).toBeGreaterThanOrEqual(Math.min(600, size.width - 260));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

test('the sidebar resizes by keyboard and the width is remembered; Ctrl+B hides it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const reader = new ReaderPage(page);
  await reader.open(app.url);
  const splitter = page.getByRole('separator', { name: 'Resize sidebar' });
  const sidebar = page.getByRole('navigation', { name: 'Docs' });
  const before = (await sidebar.boundingBox())?.width ?? 0;
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await sidebar.boundingBox())?.width ?? 0).toBeGreaterThan(before + 20);
  const resized = (await sidebar.boundingBox())?.width ?? 0;
  await page.reload();
  await expect(reader.tree).toBeVisible();
  expect(Math.abs(((await sidebar.boundingBox())?.width ?? 0) - resized)).toBeLessThan(2);

  await reader.article.click();
  await page.keyboard.press('Control+b');
  await expect(sidebar).toHaveCount(0);
  await page.keyboard.press('Control+b');
  await expect(sidebar).toBeVisible();
});

test('the notes pane starts closed at 1024 px, opens from More, and stays as chosen', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/README.md');
  const pane = page.getByRole('complementary', { name: 'Notes for this topic' });
  await expect(reader.article).toBeVisible();
  await expect(pane).toHaveCount(0);
  await page.getByRole('button', { name: 'More ▾' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Notes pane' }).click();
  await expect(pane).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.reload();
  await expect(pane).toBeVisible();
});
