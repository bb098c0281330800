import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRunResult } from '../../../src/core/api/syncApi';
import { SyncButton } from '../../../src/renderer/src/components/sync/SyncButton';
import { fakeApi } from '../fakeApi';
import { confirmDeletionsResult, fakeEvents, syncResult } from './syncFakes';

afterEach(cleanup);

const doomed = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, title: `Note ${i}` }));

/** sync.run stops with confirm-deletions unless the run confirms them. */
function guardedApi() {
  return fakeApi({
    'sync.run': (args): SyncRunResult =>
      args.confirmDeletions === undefined
        ? confirmDeletionsResult(doomed)
        : syncResult({ summary: `${args.confirmDeletions.length} notes deleted` }),
  });
}
const runs = (api: { calls: Array<[string, unknown]> }): unknown[] => api.calls.filter(([m]) => m === 'sync.run').map(([, a]) => a);

describe('SyncButton › a sync that would delete most notes', () => {
  it('asks in an alertdialog listing every note, with Cancel focused; Cancel changes nothing', async () => {
    const api = guardedApi();
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 40 notes from the repository?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('This sync would delete most of your notes in the repository');
    expect(dialog.textContent).toContain('stay in the Trash for 30 days');
    expect(dialog.textContent).toContain('40 notes would be deleted');
    const list = within(dialog).getByRole('list', { name: 'Notes that would be deleted (40)' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(doomed.map((n) => n.title));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(runs(api)).toEqual([{}]);
    expect(screen.getByRole('alert').textContent).toContain('Nothing was changed.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sync now' }));
    // The question can be reopened from the panel.
    fireEvent.click(screen.getByRole('button', { name: 'Review the 40 notes…' }));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('Escape cancels, and Tab stays inside the dialog', async () => {
    const api = guardedApi();
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const dialog = await screen.findByRole('alertdialog');
    const del = within(dialog).getByRole('button', { name: 'Delete these 40 notes' });
    del.focus();
    fireEvent.keyDown(del, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('list'));
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(del);
    fireEvent.keyDown(del, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(runs(api)).toEqual([{}]);
  });

  it('"Delete these N notes" runs the sync again confirming exactly those ids', async () => {
    const api = guardedApi();
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete these 40 notes' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Synced: 40 notes deleted.'));
    expect(runs(api)).toEqual([{}, { confirmDeletions: doomed.map((n) => n.id) }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks too when the stopped sync was started elsewhere (its result arrives as an event)', () => {
    const events = fakeEvents();
    render(<SyncButton api={fakeApi({})} events={events} onNavigate={() => undefined} />);
    act(() => events.emit({ type: 'sync.finished', result: confirmDeletionsResult(doomed.slice(0, 1)) }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 1 note from the repository?' });
    expect(within(dialog).getByRole('button', { name: 'Delete this note' })).toBeTruthy();
  });
});
