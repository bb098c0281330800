/** At 1024x700 with the notes pane open, the topic and diagram toolbars stay whole and usable (issue 13). */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

/** Every button of `toolbar`: inside the viewport, not clipped by a scrolled or hidden-overflow box, clickable. */
async function expectAllReachable(page: Page, toolbar: Locator): Promise<number> {
  const buttons = toolbar.getByRole('button');
  const n = await buttons.count();
  expect(n).toBeGreaterThan(0);
  const width = page.viewportSize()?.width ?? 0;
  for (let i = 0; i < n; i++) {
    const button = buttons.nth(i);
    const name = (await button.textContent()) ?? '';
    const box = await button.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
    // Not cut by an ancestor that hides or scrolls its overflow: the button's centre hits the button.
    const hit = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const clippedBy = (() => {
        for (let p = el.parentElement; p !== null; p = p.parentElement) {
          const cs = getComputedStyle(p);
          if (cs.overflowX !== 'visible') {
            const pr = p.getBoundingClientRect();
            if (r.right > pr.right + 0.5 || r.left < pr.left - 0.5) {
              return p.className;
            }
          }
        }
        return null;
      })();
      return { onTop: top !== null && el.contains(top), clippedBy };
    });
    expect(hit.clippedBy, name).toBeNull();
    expect(hit.onTop, name).toBe(true);
    await button.click({ trial: true });
  }
  return n;
}

test('at 1024x700 with the notes pane open, every progress and diagram toolbar button is in view and clickable', async ({ page, app }) => {
  // Seven diagrams drawn and six buttons each checked: more than the default budget on a loaded machine.
  test.slow();
  await page.setViewportSize({ width: 1024, height: 700 });
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/system-design%2Fdiagrams.md');
  await expect(reader.article).toBeVisible();
  const pane = page.getByRole('complementary', { name: 'Notes for this topic' });
  if ((await pane.count()) === 0) {
    await page.getByRole('button', { name: 'More ▾' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Notes pane' }).click();
  }
  await expect(pane).toBeVisible();

  const progress = page.getByRole('toolbar', { name: 'Topic progress' });
  await expect(progress).toBeVisible();
  expect(await expectAllReachable(page, progress)).toBe(4);
  // A click on the last one (Skipped) takes effect.
  await progress.getByRole('button', { name: /Skipped/ }).click();
  await expect(progress.getByRole('button', { name: /Skipped/ })).toHaveAttribute('aria-pressed', 'true');

  // Every diagram's toolbar, once drawn (its buttons wait for the drawing).
  const bars = page.locator('.diagram-toolbar');
  expect(await bars.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await bars.count()); i++) {
    const bar = bars.nth(i);
    await bar.scrollIntoViewIfNeeded();
    await expect(bar.getByRole('button', { name: 'Expand' })).toBeEnabled({ timeout: 20_000 });
    await expectAllReachable(page, bar);
  }
  // Nothing in the column is wider than it: bringing a diagram into view never scrolled the page
  // sideways, so the progress toolbar is still whole.
  // Long paths and example lines wrap or scroll in their box: the page never scrolls sideways.
  expect(await page.locator('.main > .content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await expectAllReachable(page, progress)).toBe(4);
});

test('at 1024x700 with the notes pane open, the API reference’s progress toolbar is whole and clickable', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/api/api-specs%2Fopenapi.yml');
  await expect(page.locator('article.api-reference')).toBeVisible();
  await page.getByRole('button', { name: 'More ▾' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Notes pane' }).click();
  await expect(page.getByRole('complementary', { name: 'Notes for this topic' })).toBeVisible();
  // An operation opened from the tree: its progress toolbar shows.
  await page.getByRole('treeitem').filter({ hasText: /^(GET|POST)/ }).first().click();
  const progress = page.getByRole('toolbar', { name: 'Topic progress' });
  await expect(progress).toBeVisible();
  // Long paths and example lines wrap or scroll in their box: the page never scrolls sideways.
  expect(await page.locator('.main > .content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await expectAllReachable(page, progress)).toBe(4);
});
