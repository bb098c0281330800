/**
 * Hostile tests of find in page (issue 13): counts past the match cap, text in diagrams, matches
 * inside a closed <details>. The hub is generated in a temp folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const hub = mkdtempSync(path.join(os.tmpdir(), 'nexus-h13-find-'));
mkdirSync(path.join(hub, 'big'));
writeFileSync(path.join(hub, 'big/matches.md'), `# Matches\n\n${`${'zq '.repeat(60)}\n\n`.repeat(120)}`);
writeFileSync(
  path.join(hub, 'odd.md'),
  '# Odd\n\nIntro.\n\n<details><summary>More</summary>\n\nsecret-inside-details here.\n\n</details>\n\n## Diagram\n\n```mermaid\ngraph TD\n  A[diagramonlylabel] --> B[other]\n```\n',
);

test.describe('find in page on hostile docs', () => {
  test.use({ hubRoot: hub });

  test('a count past the cap does not claim an exact total', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/big%2Fmatches.md');
    await expect(reader.article).toContainText('zq zq');
    await page.keyboard.press('Control+f');
    const bar = page.getByRole('search', { name: 'Find in page' });
    await bar.getByRole('searchbox').fill('zq');
    // 7,200 matches in the doc: "1 of 5000" would be a lie.
    await expect(bar.getByTestId('find-count')).toHaveText(/^1 of (7200|5000\+|more than 5000)$/);
  });

  test('a match inside a closed <details> opens it so the match can be seen', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/odd.md');
    await expect(reader.article.locator('details')).toHaveCount(1);
    await page.keyboard.press('Control+f');
    const bar = page.getByRole('search', { name: 'Find in page' });
    await bar.getByRole('searchbox').fill('secret-inside-details');
    await expect(bar.getByTestId('find-count')).toHaveText('1 of 1');
    await expect(reader.article.locator('details')).toHaveJSProperty('open', true);
  });

  test('a label drawn in a diagram is found', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/odd.md');
    await expect(reader.article.locator('figure.diagram svg')).toHaveCount(1);
    await page.keyboard.press('Control+f');
    const bar = page.getByRole('search', { name: 'Find in page' });
    await bar.getByRole('searchbox').fill('diagramonlylabel');
    await expect(bar.getByTestId('find-count')).toHaveText('1 of 1');
  });
});

test('Ctrl+F while the quick switcher is open does not strand a find bar behind the dialog', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fcollaboration.md');
  await expect(reader.article).toBeVisible();
  await reader.article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Go to doc' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Either no find bar, or one that has the focus (so Esc closes it): not one left open out of reach.
  const bar = page.getByRole('search', { name: 'Find in page' });
  if ((await bar.count()) > 0) {
    await expect(bar.getByRole('searchbox')).toBeFocused();
  }
});
