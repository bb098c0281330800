/** The API reference as a playground: Try it against the offline mock, field errors, copy as curl, exercises. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ApiReferencePage } from './pages/ApiReferencePage';

const SPEC = 'api-specs/openapi.yml';

/** Opens the bundled spec's reference (a large page: a generous wait on a loaded machine). */
async function openReference(page: Page, url: string): Promise<ApiReferencePage> {
  const ref = new ApiReferencePage(page);
  await page.goto(`${url}#/api/${encodeURIComponent(SPEC)}`);
  await expect(ref.article).toBeVisible({ timeout: 60_000 });
  return ref;
}

test.describe('Try the bundled API offline', () => {
  // The reference of the bundled spec is large: give a loaded machine time to render it.
  test.setTimeout(180_000);
  test('create a category then list it; a bad body shows each field; copy as curl', async ({ page, app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const ref = await openReference(page, app.url);
    await ref.operationButton('POST', '/categories/').click();

    const create = ref.operation('POST', '/categories/').getByRole('group', { name: 'Try POST /categories/' });
    await create.getByLabel('Request body').fill('{"name": "Board Games", "description": "Strategy games."}');
    await create.getByRole('button', { name: 'Send' }).click();
    const created = create.getByRole('region', { name: 'Mock response' });
    await expect(created).toContainText('201');
    await expect(created).toContainText('"slug": "board-games"');

    // Copy as curl: the command for a real server, with the body.
    await create.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(create.getByRole('button', { name: 'Copied' })).toBeVisible();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain("curl -X POST 'http://localhost:8000/api/v1/categories/'");
    expect(curl).toContain('"name": "Board Games"');

    // A bad body: each failing field is named.
    await create.getByLabel('Request body').fill('{"name": 5, "description": 7}');
    await create.getByRole('button', { name: 'Send' }).click();
    await expect(created).toContainText('400');
    const problems = created.getByRole('list', { name: 'Request problems' });
    await expect(problems).toContainText('name');
    await expect(problems).toContainText('description');
    await expect(problems.getByRole('listitem')).toHaveCount(2);

    // List categories: the new one is there.
    await ref.operationButton('GET', '/categories/').click();
    const list = ref.operation('GET', '/categories/').getByRole('group', { name: 'Try GET /categories/' });
    await list.getByRole('button', { name: 'Send' }).click();
    const listed = list.getByRole('region', { name: 'Mock response' });
    await expect(listed).toContainText('200');
    await expect(listed).toContainText('"slug": "board-games"');
  });

  test('an exercise step done in Try it is checked by the mock and counts as progress', async ({ page, app }) => {
    const ref = await openReference(page, app.url);
    const exercise = ref.article.getByRole('region', { name: 'Exercise: Stock the catalogue' });
    await expect(exercise.getByLabel('Create a category: to do')).toBeVisible();

    // The step's link opens its operation.
    await exercise.getByRole('button', { name: 'Create a category' }).click();
    await expect(ref.operationButton('POST', '/categories/')).toHaveAttribute('aria-expanded', 'true');
    const create = ref.operation('POST', '/categories/').getByRole('group', { name: 'Try POST /categories/' });
    await create.getByLabel('Request body').fill('{"name": "Puzzles"}');
    await create.getByRole('button', { name: 'Send' }).click();
    await expect(create.getByRole('region', { name: 'Mock response' })).toContainText('Exercise step done: Create a category');
    await expect(exercise.getByLabel('Create a category: done')).toBeVisible();
    await expect(exercise.getByLabel('Add a product to it: to do')).toBeVisible();
    await expect
      .poll(async () => (await app.backend.api['progress.get']({})).progress[`${SPEC}#createcategory`]?.state)
      .toBe('done');

    // Reset data: the step is to do again (the state is the truth).
    await create.getByRole('button', { name: 'Reset data' }).click();
    await expect(create.getByRole('status')).toHaveText('The mock data of this spec was reset.');
    await create.getByRole('button', { name: 'Send' }).click();
    await expect(create.getByRole('region', { name: 'Mock response' })).toContainText('201');
  });
});
