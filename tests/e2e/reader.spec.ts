import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

test.describe('reader on the oddities fixture hub', () => {
  test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/hubs/oddities') });

  test('navigates the tree, follows links and anchors, highlights code', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    await expect(reader.heading('Oddities Hub')).toBeVisible();

    // Tree: README first, then the docs folder; keyboard opens a doc.
    const rows = reader.tree.getByRole('treeitem');
    await expect(rows.first()).toHaveText(/Oddities Hub/);
    await reader.treeItem('docs').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/read\/docs%2Fcp1252\.md/);
    await expect(reader.article).toContainText('Naïve résumé');
    await expect(reader.article).toContainText('Windows-1252');

    // A relative link with an anchor opens the doc inside the app at that topic.
    await page.goto(`${app.url}#/read/README.md`);
    await reader.article.getByRole('link', { name: 'Guide, setup section' }).click();
    await expect(page).toHaveURL(/#\/read\/docs%2Fguide\.md\/setup$/);
    await expect(reader.heading('🚀 Getting Started')).toBeVisible();
    await expect(page.locator('#setup')).toBeInViewport();

    // Fenced code is highlighted.
    await expect(reader.article.locator('pre code.language-python .hljs-keyword').first()).toHaveText('def');

    // Raw HTML is sanitised: no script ran.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

    // An in-doc anchor link.
    await reader.article.getByRole('link', { name: 'Back to the top' }).click();
    await expect(page).toHaveURL(/#\/read\/docs%2Fguide\.md\/-getting-started$/);
  });

  test('external, javascript: and broken links leave the page where it is', async ({ page, app, context }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/README.md');
    const before = page.url();

    // External: opens a new tab (web host), the app stays.
    await context.route('https://example.com/**', (route) => route.fulfill({ status: 200, body: 'external' }));
    const popupPromise = context.waitForEvent('page');
    await reader.article.getByRole('link', { name: 'External site' }).click();
    const popup = await popupPromise;
    expect(popup.url()).toContain('example.com/page');
    await popup.close();
    expect(page.url()).toBe(before);

    // javascript: and file: links do nothing.
    await reader.article.getByRole('link', { name: 'Evil script' }).click({ force: true }); // aria-disabled: force the real click
    await reader.article.getByRole('link', { name: 'Local file' }).click({ force: true });
    expect(page.url()).toBe(before);

    // A broken link is shown as broken and does not blank the page.
    const broken = reader.article.getByRole('link', { name: 'Missing doc' });
    await expect(broken).toHaveAttribute('data-link-kind', 'broken');
    await broken.click({ force: true });
    expect(page.url()).toBe(before);
    await expect(reader.heading('Oddities Hub')).toBeVisible();
  });

  test('lists unreadable files in the problems panel and shows hub images', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/README.md');
    await expect(reader.article.getByRole('img', { name: 'A tiny diagram' })).toHaveAttribute('src', /^data:image\/png;base64,/);
    await page.getByRole('button', { name: /Problems \(\d+\)/ }).click();
    const panel = page.getByRole('region', { name: 'Problems' });
    await expect(panel).toContainText('docs/binary.md');
    await expect(panel).toContainText('Binary file');
    await expect(panel).toContainText('docs/cp1252.md');
  });
});

test('the bundled hub opens on its README', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url);
  await expect(reader.article.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(reader.treeItem(/Technologies/)).toBeVisible();
});
