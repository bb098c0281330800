/** Every modal dialog keeps the focus: Tab cycles inside, Esc closes and focus goes back. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

async function tabStaysInside(page: Page, dialog: Locator, presses = 10): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
}

test('search palette, shortcuts sheet and quick switcher trap focus and close on Esc', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url);
  await expect(reader.article).toBeVisible();
  const row = reader.treeItem('Overview').first();
  await row.focus();

  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search' });
  await expect(search).toBeVisible();
  await page.keyboard.type('cache');
  await expect(search.getByRole('option').first()).toBeVisible();
  await tabStaysInside(page, search);
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(row).toBeFocused();

  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('[data-shortcut="quick-switcher"]')).toContainText('Go to a doc by name');
  await expect(sheet.locator('[data-shortcut="find-in-page"]')).toContainText('Find in page');
  await tabStaysInside(page, sheet, 4);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(row).toBeFocused();

  await page.keyboard.press('Control+p');
  const switcher = page.getByRole('dialog', { name: 'Go to doc' });
  await tabStaysInside(page, switcher, 4);
  await page.keyboard.press('Escape');
  await expect(switcher).toHaveCount(0);
  await expect(row).toBeFocused();
});
