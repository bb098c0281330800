import { type Locator, type Page, expect } from '@playwright/test';

/** Sync in the UI: the top bar's Sync now and its panel, Settings › Repository, the sync log. */
export class SyncPage {
  readonly syncNow: Locator;
  readonly panel: Locator;
  readonly steps: Locator;
  readonly repoForm: Locator;
  readonly facts: Locator;
  readonly log: Locator;

  constructor(readonly page: Page) {
    this.syncNow = page.locator('header.topbar').getByRole('button', { name: /^(Sync now|Syncing…)$/ });
    this.panel = page.getByRole('region', { name: 'Sync progress', exact: true });
    this.steps = this.panel.getByRole('list', { name: 'Sync steps' });
    this.repoForm = page.getByRole('form', { name: 'Use a local clone' });
    this.facts = page.getByLabel('Connected repository');
    this.log = page.getByRole('list', { name: 'Sync log entries' });
  }

  /** Opens Settings from the top bar. */
  async openSettings(): Promise<void> {
    await this.page.locator('header.topbar').getByRole('button', { name: 'Settings' }).click();
    await expect(this.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  }

  /** Connects a clone by its path with a handle. */
  async connect(repoPath: string, handle: string): Promise<void> {
    await this.repoForm.getByLabel('Folder of your clone (full path)').fill(repoPath);
    await this.repoForm.getByLabel('Handle').fill(handle);
    await this.repoForm.getByRole('button', { name: 'Save' }).click();
  }

  /** The step row of `name` (check, export, commit, fetch, merge, import, push). */
  step(name: string): Locator {
    return this.steps.locator(`li[data-step="${name}"]`);
  }
}
