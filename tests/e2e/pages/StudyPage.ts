import { type Locator, type Page, expect } from '@playwright/test';

/** The study parts of the app: topic progress toolbar, notes pane, dashboard. */
export class StudyPage {
  readonly toolbar: Locator;
  readonly notesPane: Locator;
  readonly tree: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Topic progress' });
    this.notesPane = page.getByRole('complementary', { name: 'Notes for this topic' });
    this.tree = page.getByRole('tree', { name: 'Hub contents' });
  }

  /** The toolbar button of a state ("Done", "Skipped", ...). */
  stateButton(label: string): Locator {
    return this.toolbar.getByRole('button', { name: label });
  }

  /** The sidebar progress bar of a doc row. */
  docBar(docLabel: string | RegExp): Locator {
    return this.tree.getByRole('treeitem', { name: docLabel }).first().getByRole('progressbar');
  }

  /** Opens the dashboard and waits for it. */
  async openDashboard(url: string): Promise<Locator> {
    await this.page.goto(`${url}#/dashboard`);
    const dash = this.page.getByRole('region', { name: 'Dashboard' });
    await expect(dash).toBeVisible();
    return dash;
  }

  /** Types into the CodeMirror editor of the notes pane. */
  async typeNote(text: string): Promise<void> {
    await this.notesPane.locator('.cm-content').click();
    await this.page.keyboard.type(text);
  }
}
