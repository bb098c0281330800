/**
 * Moving around a hub: back and forward (toolbar, Alt+Left/Right) returning to the place left,
 * the open doc's row going to its top, a tree that keeps only the current doc open, keyboard
 * marking of a doc's topics (asked first, undoable), copy buttons on code blocks.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

const scrollTop = (page: Page): Promise<number> => page.evaluate(() => document.querySelector('.main > .content')?.scrollTop ?? -1);
const scrollTo = (page: Page, top: number): Promise<void> =>
  page.evaluate((y) => {
    const content = document.querySelector('.main > .content');
    if (content !== null) {
      content.scrollTop = y;
    }
  }, top);
/** How far the doc's text is scrolled (banners above it that load late do not change it). */
const placeInText = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const content = document.querySelector('.main > .content');
    const text = document.querySelector('article.reader');
    return content === null || text === null ? -1 : Math.round(content.getBoundingClientRect().top - text.getBoundingClientRect().top);
  });
const row = (page: Page, key: string) => page.locator(`[role="treeitem"][data-row-key="${key}"]`);

test('back and forward from the toolbar and the keyboard', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/README.md');
  await reader.article.getByRole('link', { name: 'Technologies' }).first().click();
  await expect(page).toHaveURL(/#\/read\/docs%2Ftechnologies\.md/);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/#\/read\/README\.md/);
  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(page).toHaveURL(/#\/read\/docs%2Ftechnologies\.md/);
  // Focus on the page, not in a text field (Alt+arrows there move the caret).
  await page.getByRole('button', { name: 'Forward' }).focus();
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

test("back and forward return to the place left in each doc; the open doc's row goes to its top", async ({ page, app }) => {
  test.setTimeout(240_000); // many steps over two long docs
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fbackend-concepts.md');
  // (generous: a long doc on a busy machine)
  await expect(reader.heading('Caching Strategies')).toBeAttached({ timeout: 60_000 });
  await scrollTo(page, 2400);
  const conceptsPlace = await placeInText(page);
  expect(conceptsPlace).toBeGreaterThan(1500);
  await row(page, 'doc:docs/technologies.md').click();
  await expect(reader.heading('Technologies').first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => scrollTop(page), { timeout: 30_000 }).toBe(0);
  await scrollTo(page, 900);
  const technologiesPlace = await placeInText(page);

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/backend-concepts\.md$/);
  await expect.poll(() => placeInText(page), { timeout: 30_000 }).toBe(conceptsPlace);
  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(page).toHaveURL(/technologies\.md$/);
  await expect.poll(() => placeInText(page), { timeout: 30_000 }).toBe(technologiesPlace);
  // The keys, with focus where a click would not scroll the doc.
  await page.getByRole('button', { name: 'Forward' }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => placeInText(page), { timeout: 30_000 }).toBe(conceptsPlace);

  // A link in the text, then Back: the place left, not the top of the doc.
  // (dispatched: a real click would first scroll the link into view)
  await reader.article.getByRole('link', { name: 'Technologies' }).first().dispatchEvent('click');
  await expect(page).toHaveURL(/technologies\.md$/);
  await page.goBack();
  await expect.poll(() => placeInText(page), { timeout: 30_000 }).toBe(conceptsPlace);

  // Clicking the open doc's row goes to its top, even though the route is already that doc.
  await row(page, 'doc:docs/backend-concepts.md').click();
  await expect.poll(() => scrollTop(page), { timeout: 30_000 }).toBe(0);
});

test('the tree keeps only the doc being read open and highlights the topic in view', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fbackend-concepts.md');
  const concepts = row(page, 'doc:docs/backend-concepts.md');
  await expect(concepts).toHaveAttribute('aria-expanded', 'true');
  await row(page, 'doc:docs/technologies.md').click();
  await expect(row(page, 'doc:docs/technologies.md')).toHaveAttribute('aria-expanded', 'true');
  await expect(concepts).toHaveAttribute('aria-expanded', 'false');

  // Scrolling the doc moves the tree's highlight to the topic in view.
  await concepts.click();
  await reader.heading('Caching Strategies').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const selected = reader.tree.locator('[role="treeitem"][aria-selected="true"]');
  await expect(selected).toHaveText(/Caching Strategies/);
  await expect(selected).toBeInViewport();
  await expect(concepts).toHaveAttribute('aria-expanded', 'true');
});

test("D on a doc row marks that doc's topics after a confirmation, never the topic being read, and can be undone", async ({
  page,
  app,
}) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fbackend-concepts.md');
  const docRow = row(page, 'doc:docs/collaboration.md');
  await docRow.focus();
  await page.keyboard.press('d');
  const dialog = page.getByRole('alertdialog', { name: 'Mark topics' });
  await expect(dialog).toContainText(/Mark \d+ topics of the doc “.+” as Done\?/);
  const count = Number((await dialog.textContent())?.match(/Mark (\d+) topics/)?.[1]);
  expect(count).toBeGreaterThan(1);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Marked ${count} topics of the doc`)).toBeVisible();
  await expect(docRow).toBeFocused();
  await expect(docRow.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  // The doc being read is untouched.
  await expect(row(page, 'doc:docs/backend-concepts.md').getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '100');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/Undone/)).toBeVisible();
  await expect(docRow.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '100');

  // Escape cancels: nothing is marked.
  await docRow.focus();
  await page.keyboard.press('s');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(docRow).toBeFocused();
  await expect(docRow.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '100');
});
