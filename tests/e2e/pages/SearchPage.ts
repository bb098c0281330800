import { type Locator, type Page } from '@playwright/test';

/** The search palette (Ctrl/Cmd+K) and its results. */
export class SearchPage {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search' });
    this.input = this.dialog.getByRole('combobox');
    this.results = this.dialog.getByRole('listbox', { name: 'Search results' });
  }

  /** Opens the palette with the keyboard shortcut. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K');
  }

  /** Result options (hits and "see all"). */
  options(): Locator {
    return this.results.getByRole('option');
  }
}
