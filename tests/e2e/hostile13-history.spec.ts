/** Hostile tests of back/forward (issue 13) across the API reference and the dashboard. */
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const scroller = '.main > .content';

test('Back to the API reference returns to the place it was scrolled to', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/api/api-specs%2Fopenapi.yml');
  await expect(page.locator('article.api-reference')).toBeVisible();
  await expect.poll(() => page.locator(scroller).evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(1500);
  await page.locator(scroller).evaluate((el) => el.scrollTo({ top: 1500 }));
  await page.keyboard.press('Control+Shift+D');
  await expect(page).toHaveURL(/#\/dashboard/);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(/#\/api\//);
  await expect(page.locator('article.api-reference')).toBeVisible();
  await expect.poll(() => page.locator(scroller).evaluate((el) => Math.round(el.scrollTop))).toBeGreaterThan(1400);
});
