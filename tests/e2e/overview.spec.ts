/**
 * A hub with no root README opens on its first doc in tree order; the hub overview (dashboard)
 * lists its folders and docs. Opening a hub shows progress, and a bad path a clear message.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const mermaidHub = path.resolve(projectRoot, '../shared/corpora/hubs/mermaid-js__mermaid');

test.describe('a hub with no root README', () => {
  test.skip(!existsSync(mermaidHub), 'needs ../shared/corpora/hubs');
  test.use({ hubRoot: mermaidHub });
  test('opens on a doc, and the hub overview lists every doc with progress', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    await expect(reader.article).toBeVisible();
    await expect(page.getByText('This hub has no markdown docs.')).toHaveCount(0);
    await page.goto(`${app.url}#/dashboard`);
    const overview = page.getByRole('region', { name: 'Hub overview' });
    await expect(overview.locator('[data-path]')).toHaveCount(await countDocs());
    await expect(overview.getByRole('progressbar', { name: /flowchart/i }).first()).toHaveAttribute('aria-valuenow', '0');
  });
});

async function countDocs(): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(mermaidHub)).filter((f) => f.endsWith('.md')).length;
}

test('open hub: a bad path gives a clear message, a good one opens with progress shown', async ({ page, app }) => {
  // Opens a second, 30-doc hub: more than the default budget on a loaded machine.
  test.slow();
  const reader = new ReaderPage(page);
  await reader.open(app.url);
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open a hub folder' });
  const input = dialog.getByRole('textbox');
  await expect(input).toBeFocused();
  await input.fill('/no/such/folder/here');
  await dialog.getByRole('button', { name: 'Open' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('no folder at this path');
  await expect(alert).not.toContainText('ENOENT');
  await expect(alert).not.toContainText('realpath');

  // Tab stays inside; Esc closes.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  test.skip(!existsSync(mermaidHub), 'needs ../shared/corpora/hubs');
  // Held for a second, as a large hub would take, so the progress can be seen.
  await page.route('**/api/hub.open', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.keyboard.press('Control+o');
  await dialog.getByRole('textbox').fill(mermaidHub);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('status')).toContainText('Opening the hub');
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  await expect(reader.treeItem(/flowchart/i).first()).toBeVisible();
});
