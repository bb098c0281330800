import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ApiReferencePage } from './pages/ApiReferencePage';
import { ReaderPage } from './pages/ReaderPage';

const SPEC = 'api-specs/openapi.yml';

test.describe('API reference of the bundled spec', () => {
  test('opens from the tree, expands an operation with its schemas, marks it done', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url);
    // The spec is listed in the tree and opens as an API reference.
    await reader.treeItem(/Nexus Shop API/).click();
    const ref = new ApiReferencePage(page);
    await expect(ref.article.getByRole('heading', { level: 1, name: 'Nexus Shop API' })).toBeVisible();
    await expect(ref.article).toContainText('OpenAPI 3.1');
    await expect(ref.article.getByRole('heading', { level: 2, name: 'Products' })).toBeVisible();

    // Expand GET /products/: description, parameters, responses, examples.
    const button = ref.operationButton('GET', '/products/');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page).toHaveURL(/#\/api\/api-specs%2Fopenapi\.yml\/listproducts$/);
    const op = ref.operation('GET', '/products/');
    await expect(op).toContainText('Returns active products, paginated.');
    await expect(op.getByRole('table')).toContainText('min_price');
    await expect(op).toContainText('Example');
    // Schemas are disclosure trees ($refs resolved in the file) that work from the keyboard.
    const money = op.getByRole('table').getByRole('button', { name: /Money/ }).first();
    await expect(money).toHaveAttribute('aria-expanded', 'true');
    await expect(op.getByRole('table')).toContainText('pattern');
    await money.focus();
    await page.keyboard.press('Enter');
    await expect(money).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press(' ');
    await expect(money).toHaveAttribute('aria-expanded', 'true');

    // The operation is a topic: mark it done; the tree's operation row follows, and it persists.
    const controls = op.getByRole('toolbar', { name: 'Topic progress' });
    await controls.getByRole('button', { name: /Done/ }).click();
    await expect(controls.getByRole('button', { name: /Done/ })).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(async () => {
        const res = await app.backend.api['progress.get']({});
        return res.progress[`${SPEC}#listproducts`]?.state;
      })
      .toBe('done');

    // Raw view shows the source.
    await ref.article.getByRole('button', { name: 'View raw source' }).click();
    await expect(ref.article.getByLabel('Raw source')).toContainText('operationId: listProducts');
  });
});

test.describe('diagrams', () => {
  test('the bundled diagrams page draws SVGs', async ({ page, app }) => {
    const reader = new ReaderPage(page);
    await reader.open(app.url, '#/read/system-design%2Fdiagrams.md');
    await expect(reader.article.locator('.diagram-canvas svg').first()).toBeVisible({ timeout: 20_000 });
    await expect(reader.article.locator('.diagram-error')).toHaveCount(0);
  });

  test.describe('hostile diagrams', () => {
    test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/hubs/hostile-diagrams') });

    test('hostile labels run nothing, directives are ignored, a broken diagram is contained', async ({ page, app }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const reader = new ReaderPage(page);
      await reader.open(app.url, '#/read/README.md');
      const svgs = reader.article.locator('.diagram-canvas svg');
      await expect(svgs).toHaveCount(3, { timeout: 20_000 });
      // The broken one shows its error and source; the page goes on after it.
      const broken = reader.article.getByRole('group', { name: 'Diagram that could not be drawn' });
      await expect(broken).toContainText('could not be drawn');
      await expect(broken.locator('pre')).toContainText('A[open --> B');
      await expect(reader.article).toContainText('The page goes on after the broken diagram.');

      // Click every node, then check nothing ran and nothing dangerous is in the DOM.
      for (const node of await reader.article.locator('.diagram-canvas .node').all()) {
        await node.click({ force: true }).catch(() => undefined);
      }
      await page.waitForTimeout(300);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      expect(pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      const dangerous = await reader.article.evaluate((el) =>
        [...el.querySelectorAll('.diagram-canvas *')].flatMap((n) => [
          ...(n.tagName.toLowerCase() === 'script' ? ['<script>'] : []),
          ...[...n.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${n.tagName}[${a.name}]`),
        ]),
      );
      expect(dangerous).toEqual([]);
      // Labels are text, not markup: the img tag is not an element.
      expect(await reader.article.locator('.diagram-canvas img').count()).toBe(0);
      await expect(page).toHaveURL(/#\/read\/README\.md/);
    });
  });
});
