/** Ctrl/Cmd+F find in page: a bar over the reader, match count, next/previous, highlights, Esc. */
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

test('Ctrl+F finds text in the doc, steps through matches and closes on Esc without navigating', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fcollaboration.md');
  await expect(reader.article).toBeVisible();
  const url = page.url();
  await reader.article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in page' });
  const input = bar.getByRole('searchbox', { name: 'Find in page' });
  await expect(input).toBeFocused();

  // How many times the page says it, counted independently of the find bar.
  const expected = await reader.article.evaluate((el) => (el.textContent ?? '').toLowerCase().split('the').length - 1);
  expect(expected).toBeGreaterThan(2);
  await input.fill('THE');
  const count = bar.getByTestId('find-count');
  await expect(count).toHaveText(/^1 of (\d+)$/);
  // The column may still fill in (progress, cards) while the test runs: read the total each time.
  const total = async (): Promise<number> => Number((await count.textContent())?.split(' of ')[1]);
  expect(await total()).toBeGreaterThanOrEqual(expected);

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(/^2 of \d+$/);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(/^(\d+) of \1$/);
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText(/^1 of \d+$/);

  // The matches are painted with the CSS Custom Highlight API (the DOM is untouched).
  const painted = await page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    return { all: reg.get('find-match')?.size ?? 0, current: reg.get('find-current')?.size ?? 0 };
  });
  expect(painted.all).toBe(await total());
  expect(painted.current).toBe(1);
  expect(await reader.article.locator('mark').count()).toBe(0);

  await input.fill('zzqqxx-no-such-words');
  await expect(count).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
});

test('find follows the page: another doc is searched once it is open', async ({ page, app }) => {
  const reader = new ReaderPage(page);
  await reader.open(app.url, '#/read/docs%2Fcollaboration.md');
  await expect(reader.article).toBeVisible();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in page' });
  await bar.getByRole('searchbox').fill('sequenceDiagram');
  const count = bar.getByTestId('find-count');
  await expect(count).toHaveText('No matches');
  await page.evaluate(() => (location.hash = '#/read/system-design%2Fdiagrams.md'));
  await expect(reader.heading(/./).first()).toBeVisible();
  const inSource = await reader.article.evaluate((el) => /sequenceDiagram/i.test(el.textContent ?? ''));
  if (inSource) {
    await expect(count).toHaveText(/^1 of \d+$/);
  } else {
    await expect(count).toHaveText('No matches');
  }
});
