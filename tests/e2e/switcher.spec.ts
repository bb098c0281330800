/** Ctrl/Cmd+P quick switcher: fuzzy by title and path, keyboard only, a modal that keeps focus. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

test('Ctrl+P opens the switcher; typing filters fuzzily; Enter opens the doc; Esc closes and gives focus back', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url);
  await expect(reader.article).toBeVisible();
  await reader.treeItem('Overview').first().focus();
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Go to doc' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('combobox', { name: 'Go to doc by name' });
  await expect(input).toBeFocused();

  // Tab stays in the dialog.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await input.focus();
  await input.fill('sysdiag');
  const options = dialog.getByRole('option');
  await expect(options.first()).toHaveAttribute('data-path', 'system-design/diagrams.md');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/#\/read\/system-design%2Fdiagrams\.md/);

  // Arrows move, a path fragment matches, Esc closes without navigating.
  await page.keyboard.press('Control+p');
  await dialog.getByRole('combobox').fill('docs/coll');
  await expect(options.first()).toHaveAttribute('data-path', 'docs/collaboration.md');
  await dialog.getByRole('combobox').fill('docs/');
  await expect(options.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/system-design%2Fdiagrams\.md/);
});

const mermaidHub = path.resolve(projectRoot, '../shared/corpora/hubs/mermaid-js__mermaid');
test.describe('a hub with 30 docs and no README', () => {
  test.skip(!existsSync(mermaidHub), 'needs ../shared/corpora/hubs');
  test.use({ hubRoot: mermaidHub });
  test('finds a doc by a fuzzy title', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    await page.keyboard.press('Control+p');
    const dialog = page.getByRole('dialog', { name: 'Go to doc' });
    await dialog.getByRole('combobox').fill('seqdiag');
    await expect(dialog.getByRole('option').first()).toHaveAttribute('data-path', 'sequenceDiagram.md');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/read\/sequenceDiagram\.md/);
    await expect(reader.article.getByRole('heading', { level: 1 }).first()).toBeVisible();
  });
});
