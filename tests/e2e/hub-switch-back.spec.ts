/** Back to a doc of the hub open before: it is missing, and so are the controls of its topics (issue 13). */
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const oddities = path.join(projectRoot, 'tests/fixtures/hubs/oddities');

test('Back to a doc of the previous hub shows it missing, without card or progress controls', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Ftechnologies.md');
  await expect(reader.article).toBeVisible();
  const progress = page.getByRole('toolbar', { name: 'Topic progress' });
  const makeCard = page.getByRole('button', { name: 'Make a card' });
  await expect(progress).toBeVisible();
  await expect(makeCard).toBeVisible();

  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open a hub folder' });
  await dialog.getByRole('textbox').fill(oddities);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  await expect(reader.treeItem(/Guide/i).first()).toBeVisible();

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(/technologies\.md/);
  await expect(page.getByRole('alert').filter({ hasText: 'This doc cannot be shown' })).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(makeCard).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Make a cloze' })).toHaveCount(0);

  // Forward again to the new hub's doc: the controls are back.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(reader.article).toBeVisible();
  await expect(makeCard).toBeVisible();
});
