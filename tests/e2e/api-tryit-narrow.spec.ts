/** The Try it panel at 1024x700: nothing of it spills out sideways, even with a long answer and notes. */
import { expect, test } from './fixtures';
import { ApiReferencePage } from './pages/ApiReferencePage';

const SPEC = 'api-specs/openapi.yml';

test.describe('Try it at 1024x700', () => {
  test.setTimeout(180_000);
  test('the actions, the response and the field errors stay inside the panel', async ({ page, app }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    const ref = new ApiReferencePage(page);
    await page.goto(`${app.url}#/api/${encodeURIComponent(SPEC)}`);
    await expect(ref.article).toBeVisible({ timeout: 60_000 });
    await ref.operationButton('POST', '/categories/').click();
    const tryIt = ref.operation('POST', '/categories/').getByRole('group', { name: 'Try POST /categories/' });
    await tryIt.getByLabel('Request body').fill(JSON.stringify({ name: 5, description: 'x'.repeat(3000), [`f${'y'.repeat(300)}`]: 1 }));
    await tryIt.getByRole('button', { name: 'Send' }).click();
    await expect(tryIt.getByRole('region', { name: 'Mock response' })).toContainText('400');
    const spill = await tryIt.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('*')]
        .filter((c) => {
          const r = c.getBoundingClientRect();
          // A child that scrolls inside its own box is fine; one drawn past the panel's right edge is not.
          return r.width > 0 && r.right > box.right + 1 && c.closest('.api-try-body, .api-try-headers') === null;
        })
        .map((c) => `${c.tagName}.${c.className}`.slice(0, 60));
    });
    expect(spill).toEqual([]);
    const last = tryIt.getByRole('button', { name: 'Copy as fetch' });
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport({ ratio: 1 });
  });
});
