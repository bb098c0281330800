import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { StudyPage } from './pages/StudyPage';

test.describe('study: progress and notes on the oddities hub', () => {
  test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/hubs/oddities') });

  test('mark a topic done: doc and dashboard percentages change and survive a reload', async ({ page, app }) => {
    const study = new StudyPage(page);
    await page.goto(`${app.url}#/read/docs%2Fguide.md/setup`);
    await expect(study.toolbar).toContainText('Setup');
    await expect(study.docBar('The Guide')).toHaveAttribute('aria-valuenow', '0');
    let dash = await study.openDashboard(app.url);
    await expect(dash.getByTestId('overall-percent')).toHaveText('0%');

    await page.goto(`${app.url}#/read/docs%2Fguide.md/setup`);
    await expect(study.toolbar).toContainText('Setup');
    await study.stateButton('Done').click();
    await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');
    const docPercent = Number(await study.docBar('The Guide').getAttribute('aria-valuenow'));
    expect(docPercent).toBeGreaterThan(0);

    // The S key skips the current topic from the reader.
    await page.locator('article.reader').click();
    await page.keyboard.press('s');
    await expect(study.stateButton('Skipped')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('d');
    await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');

    dash = await study.openDashboard(app.url);
    await expect(dash.getByTestId('overall-percent')).not.toHaveText('0%');
    await expect(dash.getByRole('progressbar', { name: 'The Guide' })).toHaveAttribute('aria-valuenow', String(docPercent));

    await page.reload();
    await page.goto(`${app.url}#/read/docs%2Fguide.md/setup`);
    await page.reload();
    await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');
    await expect(study.docBar('The Guide')).toHaveAttribute('aria-valuenow', String(docPercent));
  });

  test('write a note: it is autosaved and there after a reload', async ({ page, app }) => {
    const study = new StudyPage(page);
    await page.goto(`${app.url}#/read/docs%2Fguide.md/setup`);
    await expect(study.toolbar).toContainText('Setup');
    await study.notesPane.getByRole('button', { name: 'New note' }).click();
    await study.notesPane.getByLabel('Note title').fill('Setup reminders');
    await study.typeNote('Use a **virtualenv** for zanzibarquux');
    await expect(study.notesPane.getByRole('status')).toHaveText('Saved');
    await study.notesPane.getByRole('tab', { name: 'Preview' }).click();
    await expect(study.notesPane.locator('.note-preview strong')).toHaveText('virtualenv');

    await page.reload();
    await expect(study.toolbar).toContainText('Setup');
    await expect(study.notesPane.getByLabel('Note title')).toHaveValue('Setup reminders');
    await expect(study.notesPane.locator('.cm-content')).toContainText('zanzibarquux');

    // The notes list finds it.
    await page.goto(`${app.url}#/notes`);
    await page.getByLabel('Search notes').fill('zanzibarquux');
    await expect(page.getByRole('list', { name: 'Notes' }).getByRole('button')).toHaveCount(1);
    await expect(page.getByRole('list', { name: 'Notes' })).toContainText('Setup reminders');

    // Search indexes notes: the saved note is found (indexing follows the save asynchronously).
    await expect
      .poll(async () => {
        const res = await app.backend.api['search.query']({ q: 'zanzibarquux' });
        return res.hits.filter((h) => h.kind === 'note').map((h) => h.topicId);
      })
      .toEqual(['docs/guide.md#setup']);
  });
});
