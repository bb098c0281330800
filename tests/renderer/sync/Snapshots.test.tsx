import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncSnapshot } from '../../../src/core/api/syncApi';
import { SettingsView } from '../../../src/renderer/src/components/sync/SettingsView';
import { fakeApi } from '../fakeApi';
import { failing, fakeEvents, syncStatus } from './syncFakes';

afterEach(cleanup);

const connected = syncStatus({
  configured: true,
  repoPath: '/home/ada/hub',
  handle: 'ada',
  branch: 'main',
  remote: 'origin',
  remoteUrl: 'git@example.test:ada/hub.git',
});
const snapshots: SyncSnapshot[] = [
  { ref: 'refs/nexus/backup/20250302-101500', at: '2025-03-02T10:15:00.000Z', notes: 42 },
  { ref: 'refs/nexus/backup/20250301-090000', at: '2025-03-01T09:00:00.000Z', notes: 40 },
];
const label = (s: SyncSnapshot): string => `Restore the snapshot from ${new Date(s.at).toLocaleString()}`;

function snapshotApi() {
  return fakeApi({
    'sync.status': () => connected,
    'sync.log': () => ({ entries: [] }),
    'sync.snapshots': () => ({ snapshots }),
    'sync.restoreSnapshot': () => ({ restored: 3, copies: 2 }),
  });
}
const restores = (api: { calls: Array<[string, unknown]> }): unknown[] =>
  api.calls.filter(([m]) => m === 'sync.restoreSnapshot').map(([, a]) => a);

describe('Settings › Repository › Snapshots', () => {
  it('lists each snapshot with its time and note count', async () => {
    render(<SettingsView api={snapshotApi()} events={fakeEvents()} />);
    const list = await screen.findByRole('list', { name: 'Snapshots' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('time')?.getAttribute('dateTime'))).toEqual(snapshots.map((s) => s.at));
    expect(rows[0]?.textContent).toContain('42 notes');
    expect(rows[1]?.textContent).toContain('40 notes');
    expect(rows[0]?.textContent).toContain(new Date(snapshots[0]?.at ?? '').toLocaleString());
  });

  it('asks before restoring; Cancel restores nothing and gives the focus back', async () => {
    const api = snapshotApi();
    render(<SettingsView api={api} events={fakeEvents()} />);
    const first = snapshots[0] as SyncSnapshot;
    fireEvent.click(await screen.findByRole('button', { name: label(first) }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('Restore the 42 notes of the snapshot');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(restores(api)).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: label(first) })));
  });

  it('restores the chosen snapshot after the confirmation and says how many notes came back', async () => {
    const api = snapshotApi();
    render(<SettingsView api={api} events={fakeEvents()} />);
    const second = snapshots[1] as SyncSnapshot;
    fireEvent.click(await screen.findByRole('button', { name: label(second) }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getByText('3 notes restored, 2 restored as copies.')).toBeTruthy());
    expect(screen.getByText('3 notes restored, 2 restored as copies.').getAttribute('role')).toBe('status');
    expect(restores(api)).toEqual([{ ref: second.ref }]);
  });

  it('shows a failed restore as a bounded alert', async () => {
    const huge = `Snapshot unreadable: ${'junk-key '.repeat(5000)}`;
    const api = failing(snapshotApi(), { 'sync.restoreSnapshot': { code: 'io', message: huge } });
    render(<SettingsView api={api} events={fakeEvents()} />);
    fireEvent.click(await screen.findByRole('button', { name: label(snapshots[0] as SyncSnapshot) }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Snapshot unreadable: junk-key');
    expect(alert.textContent?.length).toBeLessThan(400);
    expect(within(alert).getByRole('button', { name: /^Show all/ })).toBeTruthy();
    expect(screen.queryByText(/restored as copies/)).toBeNull();
  });

  it('says so when no snapshot was taken yet', async () => {
    const api = fakeApi({
      'sync.status': () => connected,
      'sync.log': () => ({ entries: [] }),
      'sync.snapshots': () => ({ snapshots: [] }),
    });
    render(<SettingsView api={api} events={fakeEvents()} />);
    expect(await screen.findByText('No snapshots yet: one is taken at the next sync.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Snapshots' })).toBeNull();
  });
});
