/** The dashboard's hub overview: rows in the tree's natural order, each doc opens on click. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const numbered = path.resolve(projectRoot, '../shared/corpora/hubs/Aucupence-Assets__aucupence-legacy-standard');

test('a doc row of the hub overview opens the doc', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/dashboard');
  const overview = page.getByRole('region', { name: 'Hub overview' });
  const row = overview.getByRole('button', { name: /collaboration/i }).first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(/#\/read\/docs%2Fcollaboration\.md/);
  await expect(reader.article).toBeVisible();
});

test.describe('a hub with numbered folders', () => {
  test.skip(!existsSync(numbered), 'needs ../shared/corpora/hubs');
  test.use({ hubRoot: numbered });
  test('folders and docs follow the sidebar order (natural numbers), each with its progress', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/dashboard');
    const overview = page.getByRole('region', { name: 'Hub overview' });
    await expect(overview.locator('[data-path]').first()).toBeVisible();
    const paths = await overview.locator('[data-path]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    // Within each folder, docs come in natural order (README first), as in the tree.
    const byFolder = new Map<string, string[]>();
    for (const p of paths) {
      const folder = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), p.slice(p.lastIndexOf('/') + 1)]);
    }
    for (const names of byFolder.values()) {
      const expected = [...names].sort((a, b) => (/^readme\./i.test(a) ? -1 : /^readme\./i.test(b) ? 1 : collator.compare(a, b)));
      expect(names).toEqual(expected);
    }
    const folders = await overview.locator('[data-folder]').evaluateAll((els) => els.map((e) => e.getAttribute('data-folder') ?? ''));
    const top = folders.filter((f) => !f.includes('/'));
    expect(top).toEqual([...top].sort(collator.compare));
    expect(top.indexOf('01-rfp-decomposition')).toBeLessThan(top.indexOf('06-defense-and-qa-library'));
    await expect(overview.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', /\d+/);
  });
});
