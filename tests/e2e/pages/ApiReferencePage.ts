import { type Locator, type Page, expect } from '@playwright/test';

/** The API reference view of an OpenAPI file. */
export class ApiReferencePage {
  readonly article: Locator;

  constructor(readonly page: Page) {
    this.article = page.locator('article.api-reference');
  }

  /** Opens the reference of `specPath` (optionally at one operation) and waits for it. */
  async open(url: string, specPath: string, slug?: string): Promise<void> {
    const hash = `#/api/${encodeURIComponent(specPath)}${slug !== undefined ? `/${encodeURIComponent(slug)}` : ''}`;
    await this.page.goto(`${url}${hash}`);
    await expect(this.article).toBeVisible();
  }

  /** The disclosure button of an operation, by its method and path. */
  operationButton(method: string, path: string): Locator {
    return this.article
      .getByRole('region', { name: `${method} ${path}`, exact: true })
      .getByRole('button', { name: new RegExp(`^${method}`) })
      .first();
  }

  /** An operation's section. */
  operation(method: string, path: string): Locator {
    return this.article.getByRole('region', { name: `${method} ${path}`, exact: true });
  }
}
