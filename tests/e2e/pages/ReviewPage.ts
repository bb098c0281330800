import { type Locator, type Page, expect } from '@playwright/test';

/** The review parts of the app: the Review view, the dashboard's review panel, the card maker. */
export class ReviewPage {
  readonly view: Locator;
  readonly card: Locator;
  readonly remaining: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('region', { name: 'Review', exact: true }).and(page.locator('.review-view'));
    this.card = page.getByRole('article', { name: 'Card' });
    this.remaining = page.getByTestId('review-remaining');
  }

  /** Opens the Review view. */
  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/review`);
    await expect(this.view).toBeVisible();
  }

  /** Reveals the answer with Space and grades with a number key, checking the answer showed. */
  async gradeWithKeys(key: '1' | '2' | '3' | '4'): Promise<void> {
    await expect(this.card.getByLabel('Answer')).toHaveCount(0);
    await this.page.keyboard.press('Space');
    await expect(this.card.getByLabel('Answer')).toBeVisible();
    await this.page.keyboard.press(key);
  }

  /** The dashboard's review panel. */
  panel(): Locator {
    return this.page.getByRole('region', { name: 'Review', exact: true }).and(this.page.locator('.review-panel'));
  }
}
