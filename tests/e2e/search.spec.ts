import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';

test.describe('search palette on the bundled hub', () => {
  test('types a query, sees the highlighted hit, opens it at its topic with the words marked', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    const search = new SearchPage(page);
    await search.open();
    await expect(search.input).toBeFocused();

    // Typed with a typo and an unfinished last word.
    await search.input.pressSequentially('redis as a cahce', { delay: 20 });
    const first = search.options().first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(first.locator('.search-hit-title')).toHaveText('Redis as a Cache');
    await expect(first.locator('.search-hit-title mark')).toHaveText(['Redis', 'Cache']);
    await expect(first).toContainText('Backend Concepts');

    // Arrows move the selection; Enter opens the selected hit.
    await page.keyboard.press('ArrowDown');
    await expect(search.options().nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(search.dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/read\/docs%2Fbackend-concepts\.md\/redis-as-a-cache\?q=/);
    await expect(page.locator('#redis-as-a-cache')).toBeInViewport();
    // The matched words are highlighted in the reader (CSS Custom Highlight API).
    await expect(reader.article).toHaveAttribute('data-search-highlights', /^[1-9]\d*$/);
    const highlighted = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')?.size ?? 0);
    expect(highlighted).toBeGreaterThan(0);
  });

  test('Escape closes; "see all" lists every hit grouped by doc', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    const search = new SearchPage(page);
    await search.open();
    await search.input.fill('select_related');
    await expect(search.options().first()).toContainText('select_related');
    await page.keyboard.press('Escape');
    await expect(search.dialog).toBeHidden();

    await search.open();
    await search.input.fill('cache');
    await search.dialog.getByText(/See all \d+ results/).click();
    const all = search.dialog.getByRole('listbox', { name: 'All search results' });
    await expect(all.getByRole('group').first()).toBeVisible();
    expect(await all.getByRole('group').count()).toBeGreaterThan(1);
    await search.dialog.getByRole('checkbox', { name: 'API endpoints' }).check();
    await expect(all.locator('.search-badge.kind-section')).toHaveCount(0);
  });

  test('an API endpoint hit opens its operation in the API reference', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    const search = new SearchPage(page);
    await search.open();
    await search.input.fill('obtainTokenPair');
    const hit = search.options().filter({ has: page.locator('.search-badge.kind-endpoint') }).first();
    await expect(hit.locator('.search-hit-title')).toHaveText('POST /auth/token/');
    // The hit's path starts with the spec's title, not its file path.
    await expect(hit.locator('.search-hit-path')).not.toContainText('openapi.yml');
    await hit.click();
    await expect(search.dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/read\/api-specs%2Fopenapi\.yml\/obtaintokenpair/);
    const operation = page.locator('section.api-operation#obtaintokenpair');
    await expect(operation).toBeInViewport();
    // Opened, not just scrolled to: its header toggle (the section's first button) is expanded.
    await expect(operation.getByRole('button').first()).toHaveAttribute('aria-expanded', 'true');
  });
});
