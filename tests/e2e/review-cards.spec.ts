/**
 * Review on any hub: found cards as suggestions (accept, edit then accept), a cloze from a
 * selection that keeps its topic, selection and scroll, suspend in the card browser with undo, and
 * the daily new-card limit. Over tests/fixtures/review/hub, a notes hub with Q:/A: pairs.
 */
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { ReviewPage } from './pages/ReviewPage';
import { StudyPage } from './pages/StudyPage';

test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/review/hub') });

const CACHING = '#/read/docs%2Fnotes.md/caching';

test.describe('review cards on a notes hub', () => {
  test('accept a suggested card and edit another before accepting it; both come up in review', async ({ page, app }) => {
    const review = new ReviewPage(page);
    await page.goto(`${app.url}${CACHING}`);
    const cards = page.locator('details.topic-cards');
    await expect(cards.locator('summary')).toContainText('Cards (3) · 3 suggested');
    await cards.locator('summary').click();
    await cards.getByRole('button', { name: 'Accept card: What does a CDN cache?' }).click();
    await expect(cards.locator('summary')).toContainText('2 suggested');
    await cards.getByRole('button', { name: 'Edit card: Why set a TTL?' }).click();
    const editor = cards.getByRole('form', { name: 'Edit card' });
    await editor.getByLabel('Question').fill('Why give cache entries a TTL?');
    await editor.getByRole('button', { name: 'Accept' }).click();
    await expect(cards).toContainText('Why give cache entries a TTL?');
    await expect(cards.locator('summary')).toContainText('1 suggested');

    await review.open(app.url);
    await expect(review.remaining).toHaveText('2 due');
    await expect(review.card).toContainText('What does a CDN cache?');
    await review.gradeWithKeys('3');
    await expect(review.card).toContainText('Why give cache entries a TTL?');
  });

  test('make a cloze from words selected under Docker: it belongs to Docker, and the page keeps its place and selection', async ({ page, app }) => {
    const review = new ReviewPage(page);
    await page.goto(`${app.url}#/read/docs%2Fnotes.md/technologies`);
    const para = page.locator('article.reader p', { hasText: 'Docker packages an application' });
    await para.scrollIntoViewIfNeeded();
    // Select the word "image" in the paragraph.
    await para.evaluate((p) => {
      const text = p.firstChild as Text;
      const at = (text.textContent ?? '').indexOf('image');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'image'.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    const scrollBefore = await page.locator('.content').evaluate((el) => el.scrollTop);
    expect(scrollBefore).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Make a cloze' }).click();
    const form = page.getByRole('form', { name: 'Make a cloze card' });
    await expect(form.getByLabel('Question')).toHaveValue('Docker packages an application and its dependencies into an **[…]**.');
    await expect(form.getByTestId('card-owner')).toHaveText('Belongs to “Docker”.');
    expect(Math.abs((await page.locator('.content').evaluate((el) => el.scrollTop)) - scrollBefore)).toBeLessThan(5);
    await form.getByRole('button', { name: 'Add card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card added to “Docker”.' })).toBeVisible();
    expect(Math.abs((await page.locator('.content').evaluate((el) => el.scrollTop)) - scrollBefore)).toBeLessThan(5);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('image');

    await review.open(app.url);
    await expect(review.card).toContainText('into an […]');
    await expect(review.card.getByRole('button', { name: 'Docker' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(review.card.getByLabel('Answer')).toContainText('image');
  });

  test('suspend a card in the card browser, find it under Suspended, and undo', async ({ page, app }) => {
    const study = new StudyPage(page);
    const review = new ReviewPage(page);
    await page.goto(`${app.url}${CACHING}`);
    await study.stateButton('Done').click();
    await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');
    await review.open(app.url);
    await expect(review.remaining).toHaveText('3 due');
    await page.getByRole('tab', { name: 'Browse cards' }).click();
    const browser = page.getByRole('region', { name: 'Card browser' });
    await expect(browser.getByTestId('browser-total')).toHaveText('3 cards');
    await browser.getByRole('button', { name: 'Suspend: What does a CDN cache?' }).click();
    await expect(browser.getByRole('button', { name: 'Unsuspend: What does a CDN cache?' })).toBeVisible();
    await browser.getByLabel('State').selectOption('suspended');
    await expect(browser.getByTestId('browser-total')).toHaveText('1 cards');
    await page.getByRole('tab', { name: 'Study' }).click();
    await expect(review.remaining).toHaveText('2 due');
    await page.getByRole('tab', { name: 'Browse cards' }).click();
    await browser.getByRole('button', { name: 'Suspend: Why set a TTL?' }).click();
    await browser.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(browser.getByRole('button', { name: 'Suspend: Why set a TTL?' })).toBeVisible();
  });

  test('the daily new-card limit holds new cards back until tomorrow', async ({ page, app }) => {
    const study = new StudyPage(page);
    const review = new ReviewPage(page);
    await review.open(app.url);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const settings = page.getByRole('form', { name: 'Review settings' });
    await settings.getByLabel('New cards per day').fill('1');
    await settings.getByRole('button', { name: 'Save review settings' }).click();
    await expect(settings.getByText('Saved.')).toBeVisible();

    await page.goto(`${app.url}${CACHING}`);
    await study.stateButton('Done').click();
    await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');
    await study.openDashboard(app.url);
    await expect(review.panel().getByTestId('due-today')).toHaveText('1');
    await expect(review.panel()).toContainText('2 more held back by your daily limits');
    await review.open(app.url);
    await expect(review.remaining).toHaveText('1 due');
    await review.gradeWithKeys('3');
    await expect(page.getByTestId('review-limited')).toContainText('Daily limit reached. 2 more cards wait for tomorrow');
    await expect(page.getByTestId('review-summary')).toContainText('Cards1');
  });
});
