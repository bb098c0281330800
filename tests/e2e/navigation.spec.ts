/** Moving around a hub: back and forward (toolbar, Alt+Left/Right), copy buttons on code blocks. */
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

test('back and forward from the toolbar and the keyboard', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/README.md');
  await reader.article.getByRole('link', { name: 'Technologies' }).first().click();
  await expect(page).toHaveURL(/#\/read\/docs%2Ftechnologies\.md/);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/#\/read\/README\.md/);
  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(page).toHaveURL(/#\/read\/docs%2Ftechnologies\.md/);
  await reader.article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(/#\/read\/README\.md/);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page).toHaveURL(/#\/read\/docs%2Ftechnologies\.md/);
});

test('a code block copies its text', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Ftechnologies.md');
  const block = reader.article.locator('.code-block').first();
  const code = (await block.locator('pre').textContent()) ?? '';
  await block.hover();
  await block.getByRole('button', { name: 'Copy code' }).click();
  await expect(block.getByRole('button', { name: 'Copy code' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code.replace(/\n$/, ''));
});
