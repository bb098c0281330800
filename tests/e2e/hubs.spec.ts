/**
 * Reading real hubs from ../shared/corpora/hubs (never copied into the repo): a hub without a root
 * README, the Docusaurus tRPC docs, links to the bundled hub's OpenAPI file, keyboard marking.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';
import { StudyPage } from './pages/StudyPage';

const hubs = path.resolve(projectRoot, '../shared/corpora/hubs');
const mermaidHub = path.join(hubs, 'mermaid-js__mermaid');
const trpcHub = path.join(hubs, 'trpc__trpc');

test.describe('a hub without a root README', () => {
  test.skip(!existsSync(mermaidHub), 'needs ../shared/corpora/hubs');
  test.use({ hubRoot: mermaidHub });

  test('opens the first doc in tree order, not "no markdown docs"', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    await expect(reader.article).toBeVisible();
    await expect(page.getByText('This hub has no markdown docs.')).toHaveCount(0);
    const first = reader.tree.getByRole('treeitem').first();
    await expect(first).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('the Docusaurus tRPC docs', () => {
  test.skip(!existsSync(trpcHub), 'needs ../shared/corpora/hubs');
  test.use({ hubRoot: trpcHub });

  test('admonitions are callouts, imports hidden, components named, /docs routes open hub docs', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, `#/read/${encodeURIComponent('www/docs/main/quickstart.mdx')}`);
    await expect(reader.heading('Installation')).toBeVisible();
    const callout = reader.article.locator('.callout-info').first();
    await expect(callout.locator('.callout-title')).toHaveText('Requirements');
    await expect(reader.article.locator('.callout-tip .callout-title').first()).toHaveText('AI Agents');
    await expect(reader.article).not.toContainText(':::');
    await expect(reader.article).not.toContainText('import { InstallSnippet }');
    await expect(reader.article.locator('.mdx-component', { hasText: 'InstallSnippet' }).first()).toBeVisible();

    await reader.article.getByRole('link', { name: 'usage with React' }).click();
    await expect(page).toHaveURL(/#\/read\/www%2Fdocs%2Fclient%2Ftanstack-react-query%2Fsetup\.mdx/);
    await expect(reader.article.locator('a.link-broken')).toHaveCount(0);
  });

  test('opens on the shallowest README although the root has none', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    await expect(reader.article).toBeVisible();
    await expect(reader.tree.getByRole('treeitem', { selected: true })).toBeVisible();
    await expect(page.getByText('This hub has no markdown docs.')).toHaveCount(0);
  });
});

test.describe('the bundled hub', () => {
  test("a link to the hub's own OpenAPI file opens the API reference", async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/README.md');
    const link = reader.article.getByRole('link', { name: 'Nexus Shop API specification' });
    await expect(link).toHaveAttribute('data-link-kind', 'api');
    await link.click();
    await expect(page).toHaveURL(/#\/api\/api-specs%2Fopenapi\.yml/);
    await expect(page.locator('article.api-reference')).toBeVisible();
  });

  test('N, I, D, S act on the focused tree row only: a doc or folder row marks nothing without a confirmation', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    const study = new StudyPage(page);
    await reader.open(app.url, '#/read/docs%2Fcollaboration.md');
    await expect(study.toolbar).toBeVisible();
    const done = study.stateButton('Done');
    await expect(done).toHaveAttribute('aria-pressed', 'false');

    // A folder row and a doc row: the keys only ask (declined here), the reader's topic included.
    const confirm = page.getByRole('alertdialog', { name: 'Mark topics' });
    await reader
      .treeItem(/^▾?\s*docs/)
      .first()
      .focus();
    await page.keyboard.press('s');
    await expect(confirm).toContainText('of the folder “docs” as Skipped?');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await reader
      .treeItem(/Collaboration/)
      .first()
      .focus();
    await page.keyboard.press('d');
    await expect(confirm).toContainText('of the doc “Collaboration” as Done?');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(reader.treeItem(/Collaboration/).first()).toBeFocused();
    await expect(done).toHaveAttribute('aria-pressed', 'false');
    await expect(study.stateButton('Skipped')).toHaveAttribute('aria-pressed', 'false');

    // A topic row: that topic only.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const topicRow = page.locator(':focus');
    const topicKey = await topicRow.getAttribute('data-row-key');
    expect(topicKey).toMatch(/^topic:docs\/collaboration\.md#/);
    await page.keyboard.press('d');
    await expect(topicRow.locator('.tree-state.state-done')).toHaveCount(1);
    // The topic being read (the doc's first) is not the focused one and stays as it was.
    await expect(done).toHaveAttribute('aria-pressed', 'false');
  });
});
