import { expect, test } from './fixtures';
import { ReviewPage } from './pages/ReviewPage';
import { StudyPage } from './pages/StudyPage';

const TOPIC = '#/read/docs%2Fbackend-best-practices.md/design-first-with-openapi';

test.describe('review mode on the bundled hub', () => {
  test('mark a topic done, review its cards with the keyboard, and see the due count and the chart change', async ({ page, app }) => {
    const study = new StudyPage(page);
    const review = new ReviewPage(page);
    await study.openDashboard(app.url);
    await expect(review.panel().getByTestId('due-today')).toHaveText('0');
    await expect(review.panel().getByTestId('retention-chart')).toHaveAttribute('data-reviews', '0');

    await page.goto(`${app.url}${TOPIC}`);
    await expect(study.toolbar).toContainText('Design First with OpenAPI');
    await study.stateButton('Done').click();
    await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');

    await study.openDashboard(app.url);
    await expect(review.panel().getByTestId('due-today')).toHaveText('2');
    await review.panel().getByRole('button', { name: 'Review now' }).click();
    await expect(review.view).toBeVisible();
    await expect(review.remaining).toHaveText('2 due');
    await expect(review.card).toContainText('What does a design-first spec give the frontend team');

    await review.gradeWithKeys('3');
    await expect(page.getByTestId('review-last')).toContainText(/Good — next review of “Design First with OpenAPI” in 3 days/);
    await expect(review.remaining).toHaveText('1 due');
    await expect(review.card).toContainText('How can CI detect');
    await review.gradeWithKeys('1');
    await expect(page.getByTestId('review-last')).toContainText(/Again — next review .* tomorrow/);
    await expect(review.view).toContainText('Nothing due right now');
    await expect(review.remaining).toHaveText('0 due');

    await study.openDashboard(app.url);
    const panel = review.panel();
    await expect(panel.getByTestId('due-today')).toHaveText('0');
    await expect(panel.getByTestId('review-streak')).toHaveText('1');
    const chart = panel.getByTestId('retention-chart');
    await expect(chart).toHaveAttribute('data-reviews', '2');
    await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /50% of 2 reviews recalled/);
    await expect(chart.locator('rect.bar-reviews')).toHaveCount(1);
    // The forgotten card makes its topic a weak topic that links back to the doc.
    await panel.getByRole('button', { name: 'Design First with OpenAPI' }).click();
    await expect(page).toHaveURL(/#\/read\/docs%2Fbackend-best-practices\.md\/design-first-with-openapi$/);

    // The schedule survives a reload: still nothing due.
    await review.open(app.url);
    await expect(review.remaining).toHaveText('0 due');
  });

  test('turn a selected passage into a card and review it', async ({ page, app }) => {
    const review = new ReviewPage(page);
    await page.goto(`${app.url}${TOPIC}`);
    const para = page.locator('article.reader p', { hasText: 'Changing a YAML file during design costs minutes' }).first();
    await expect(para).toBeVisible();
    await para.selectText();
    await page.getByRole('button', { name: 'Make a card' }).click();
    const form = page.getByRole('form', { name: 'Make a review card' });
    await expect(form.getByLabel('Answer (markdown)')).not.toHaveValue('');
    await form.getByLabel('Question').fill('Why design first?');
    await form.getByRole('button', { name: 'Add card' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Card added to “.+”\./ })).toBeVisible();

    await review.open(app.url);
    await expect(review.remaining).toHaveText('1 due');
    await expect(review.card).toContainText('Why design first?');
    await review.gradeWithKeys('4');
    await expect(review.view).toContainText('Nothing due right now');
  });
});
