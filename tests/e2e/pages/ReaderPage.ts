import { type Locator, type Page, expect } from '@playwright/test';

/** The reader window: sidebar tree, reader article, problems panel. */
export class ReaderPage {
  readonly tree: Locator;
  readonly article: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Hub contents' });
    this.article = page.locator('article.reader');
  }

  /** Opens the app and waits for the tree. */
  async open(url: string, hash = ''): Promise<void> {
    await this.page.goto(`${url}${hash}`);
    await expect(this.tree).toBeVisible();
  }

  /** A tree row by its visible label. */
  treeItem(label: string | RegExp): Locator {
    return this.tree.getByRole('treeitem', { name: label });
  }

  /** The reader's heading with this text. */
  heading(text: string | RegExp): Locator {
    return this.article.getByRole('heading', { name: text });
  }
}
