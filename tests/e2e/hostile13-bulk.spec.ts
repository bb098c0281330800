/**
 * Hostile tests of the sidebar's marking keys on folder rows (issue 13): a huge folder, the
 * confirmation as a dialog, and a second mark while the first is still saving.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const hub = mkdtempSync(path.join(os.tmpdir(), 'nexus-h13-bulk-'));
writeFileSync(path.join(hub, 'README.md'), '# Home\n\n## One\n\n## Two\n');
mkdirSync(path.join(hub, 'huge'));
mkdirSync(path.join(hub, 'small'));
for (let i = 0; i < 300; i++) {
  writeFileSync(path.join(hub, `huge/doc ${i}.md`), `# Huge ${i}\n\n## T1\n\n## T2\n`);
}
writeFileSync(path.join(hub, 'small/a.md'), '# Small\n\n## S1\n');

test.describe('marking keys on folder rows', () => {
  test.use({ hubRoot: hub });

  test('the confirmation keeps Tab inside; Esc cancels and gives the row its focus back', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/README.md');
    const row = reader.tree.locator('[data-row-key="folder:small"]');
    await row.focus();
    await page.keyboard.press('d');
    const confirm = page.getByRole('alertdialog', { name: 'Mark topics' });
    await expect(confirm).toContainText('Mark 2 topics of the folder “small” as Done?');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await confirm.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(row).toBeFocused();
  });

  test('a second folder mark while the first is saving does not replace it', async ({ page, app }) => {
    test.setTimeout(300_000);
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/README.md');
    // Every doc of the folder read, so the count is the folder's full 900 topics.
    await expect(reader.tree.locator('[data-row-key="folder:huge"]')).toBeVisible();
    const huge = reader.tree.locator('[data-row-key="folder:huge"]');
    // One progress.setMany saves the whole folder at once now: held for a moment, so the second key
    // comes while the first mark is still saving.
    await page.route('**/api/progress.setMany', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await huge.focus();
    await page.keyboard.press('d');
    const confirm = page.getByRole('alertdialog', { name: 'Mark topics' });
    await expect(confirm).toContainText(/Mark \d+ topics of the folder “huge”/);
    await page.keyboard.press('Enter');
    const bar = page.locator('.bulk-mark');
    await expect(bar).toHaveText(/Saving/);
    await reader.tree.locator('[data-row-key="folder:small"]').focus();
    await page.keyboard.press('s');
    // Still the first mark's bar (saving, or its result with Undo), not a new question.
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(bar).toHaveText(/Saving|Marked \d+ topics of the folder “huge”/);
    await expect(bar).toContainText('Marked', { timeout: 240_000 });
    await bar.getByRole('button', { name: 'Undo' }).click();
    await expect(bar).toContainText('Undone', { timeout: 240_000 });
  });
});
