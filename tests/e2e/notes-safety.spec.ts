import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';

/**
 * Issue 12 from the UI: a create whose answer is lost is retried under the same id and lands once;
 * a note moved to the Trash comes back with Undo and from the Trash list.
 */
test.describe('never lose a note: idempotent autosave and the Trash', () => {
  test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/hubs/oddities') });

  test('a free note whose first save answer is lost is saved once, then goes to the Trash and comes back', async ({ page, app }) => {
    // The first save reaches the back end (the note lands) but its answer is lost: the UI must retry with the same id.
    const saves: Array<{ id?: string; create?: boolean }> = [];
    let lose = 1;
    await page.route('**/api/notes.save', async (route) => {
      saves.push(route.request().postDataJSON() as { id?: string; create?: boolean });
      const response = await route.fetch();
      if (lose > 0) {
        lose -= 1;
        await route.fulfill({ status: 503, body: 'lost' });
        return;
      }
      await route.fulfill({ response });
    });

    await page.goto(`${app.url}#/notes`);
    const view = page.getByRole('region', { name: 'All notes' });
    await view.getByRole('button', { name: 'New free note' }).click();
    await view.getByLabel('Note title').fill('Full disk survivor');
    await view.getByLabel('Note title').blur();
    await expect(view.getByRole('alert')).toContainText('This change is not saved yet.');
    // The retry (every 5 s) saves it.
    await expect(view.locator('.save-state')).toHaveText('Saved', { timeout: 15_000 });
    expect(saves.length).toBeGreaterThanOrEqual(2);
    expect(new Set(saves.map((s) => s.id)).size).toBe(1);
    expect(saves.every((s) => s.create === true && typeof s.id === 'string')).toBe(true);
    const listed = await app.backend.api['notes.list']({ text: 'Full disk survivor' });
    expect(listed.notes.map((n) => n.id)).toEqual([saves[0]?.id]);

    // Move to Trash, Undo.
    await page.goto(`${app.url}#/notes/${encodeURIComponent(saves[0]?.id ?? '')}`);
    await view.getByRole('button', { name: 'Move to Trash' }).click();
    await expect(view.getByText(/Moved “Full disk survivor” to Trash/)).toBeVisible();
    await expect(view.getByRole('button', { name: 'Undo' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Notes', exact: true })).toContainText('Full disk survivor');

    // Move to Trash again, then restore it from the Trash list.
    await view.getByRole('button', { name: 'Move to Trash' }).click();
    await expect(view.getByText(/Moved “Full disk survivor” to Trash/)).toBeVisible();
    await view.getByRole('button', { name: 'Trash', exact: true }).click();
    const trash = view.getByRole('list', { name: 'Notes in the Trash' });
    await expect(trash).toContainText('Full disk survivor');
    await expect(trash).toContainText('Removed for good on');
    await trash.getByRole('button', { name: 'Restore “Full disk survivor”' }).click();
    await expect(page.getByRole('list', { name: 'Notes', exact: true })).toContainText('Full disk survivor');

    await page.reload();
    await expect(page.getByRole('list', { name: 'Notes', exact: true })).toContainText('Full disk survivor');
    expect((await app.backend.api['notes.list']({})).notes.filter((n) => n.title === 'Full disk survivor')).toHaveLength(1);
    expect((await app.backend.api['notes.trash']({})).items).toHaveLength(0);
  });
});
