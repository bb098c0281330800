/** Settings › Reading: text width and font size change the reader and are remembered. */
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

test('reading width and font size apply to the reader and survive a reload', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fcollaboration.md');
  const paragraph = reader.article.locator('p').first();
  const before = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const widthBefore = await reader.article.evaluate((a) => a.getBoundingClientRect().width);

  await page.goto(`${app.url}#/settings`);
  const section = page.getByRole('region', { name: 'Reading' });
  await section.getByRole('radio', { name: /Narrow/ }).check();
  for (let i = 0; i < 4; i++) {
    await section.getByRole('button', { name: 'Larger text' }).click();
  }
  await expect(section.getByTestId('reading-font-size')).toHaveText(`${before + 4}px`);

  await page.goto(`${app.url}#/read/docs%2Fcollaboration.md`);
  await page.reload();
  await expect(reader.article).toBeVisible();
  expect(await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBe(before + 4);
  const widthAfter = await reader.article.evaluate((a) => a.getBoundingClientRect().width);
  expect(widthAfter).toBeLessThan(widthBefore);
  expect(widthAfter).toBeLessThanOrEqual(680);

  await page.goto(`${app.url}#/settings`);
  await section.getByRole('radio', { name: /Full width/ }).check();
  await page.goto(`${app.url}#/read/docs%2Fcollaboration.md`);
  await expect(reader.article).toBeVisible();
  // Full width: the article fills the reader column.
  const full = await reader.article.evaluate((a) => a.getBoundingClientRect().width);
  const column = await page.locator('main.content').evaluate((m) => m.clientWidth);
  expect(full).toBeGreaterThan(widthAfter);
  expect(full).toBeGreaterThanOrEqual(column - 1);
});
