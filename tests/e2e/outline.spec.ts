/**
 * "On this page": the open doc's headings beside the text (or in a bar above it where the reader
 * is narrow), following scrolling, with the sidebar's highlight following too. Run on the
 * mermaid-heavy hub from ../shared/corpora/hubs (no README at its root, long docs), never copied.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const mermaidHub = path.resolve(projectRoot, '../shared/corpora/hubs/mermaid-js__mermaid');

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe('On this page, on the mermaid-heavy hub', () => {
  test.skip(!existsSync(mermaidHub), 'needs ../shared/corpora/hubs');
  test.use({ hubRoot: mermaidHub });

  test('a rail beside the text follows scrolling, and so does the sidebar; a heading opens on click', async ({ page, app }) => {
    await page.setViewportSize({ width: 1920, height: 1000 });
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/flowchart.md');
    const outline = page.getByRole('navigation', { name: 'On this page' });
    await expect(outline.getByRole('link', { name: 'Node shapes', exact: true })).toBeVisible();
    // Beside the text, not above it.
    const [rail, text] = await Promise.all([outline.boundingBox(), reader.article.boundingBox()]);
    expect(rail?.x ?? 0).toBeGreaterThanOrEqual((text?.x ?? 0) + (text?.width ?? 0) - 1);

    const nodeShapes = reader.article.getByRole('heading', { name: 'Node shapes', exact: true });
    await nodeShapes.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(outline.locator('[aria-current="location"]')).toHaveText('Node shapes');
    await expect(reader.tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveText(/Node shapes/);
    // The heading scrolled to is not hidden under the bars that stick above the reader.
    const bars = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('.main > .content > *')]
          .filter((el) => getComputedStyle(el).position === 'sticky' && !el.classList.contains('reader-layout'))
          .map((el) => el.getBoundingClientRect().bottom),
      ),
    );
    expect((await nodeShapes.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(bars - 1);

    await reader.article.getByRole('heading', { name: 'Direction', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(outline.locator('[aria-current="location"]')).toHaveText('Direction');
    await expect(reader.tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveText(/Direction/);
    // The rail stays in view while the text scrolls.
    await expect(outline).toBeInViewport();

    await outline.getByRole('link', { name: 'A stadium-shaped node' }).click();
    await expect(page).toHaveURL(/#\/read\/flowchart\.md\/a-stadium-shaped-node$/);
    await expect(reader.article.getByRole('heading', { name: 'A stadium-shaped node', exact: true })).toBeInViewport();
    await expect(outline.locator('[aria-current="location"]')).toHaveText('A stadium-shaped node');
  });

  test('at 1024x700 a bar names the heading in view and unfolds the list, without sideways scroll', async ({ page, app }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/flowchart.md');
    const outline = page.getByRole('navigation', { name: 'On this page' });
    const toggle = outline.getByRole('button', { name: /On this page/ });
    await expect(toggle).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await reader.article.getByRole('heading', { name: 'Node shapes', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(toggle).toContainText('Node shapes');
    await expect(toggle).toBeInViewport();
    // The bar does not hide the heading it names.
    const [bar, heading] = await Promise.all([
      toggle.boundingBox(),
      reader.article.getByRole('heading', { name: 'Node shapes', exact: true }).boundingBox(),
    ]);
    expect(heading?.y ?? 0).toBeGreaterThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0) - 1);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await outline.getByRole('link', { name: 'Direction', exact: true }).click();
    await expect(page).toHaveURL(/#\/read\/flowchart\.md\/direction$/);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toContainText('Direction');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
