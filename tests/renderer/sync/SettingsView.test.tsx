import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../src/core/api/syncApi';
import { ConflictBar } from '../../../src/renderer/src/components/sync/ConflictBar';
import { SettingsView } from '../../../src/renderer/src/components/sync/SettingsView';
import { fakeApi } from '../fakeApi';
import { failedResult, failing, fakeEvents, syncResult, syncStatus } from './syncFakes';

afterEach(cleanup);

const connected = (over: Partial<SyncStatus> = {}): SyncStatus =>
  syncStatus({ configured: true, repoPath: '/home/ada/hub', handle: 'ada', branch: 'main', remote: 'origin', remoteUrl: 'git@example.test:ada/hub.git', ...over });

describe('SettingsView › Repository', () => {
  it('offers the handle from git user.name, saves the clone path, handle and hub choice, then shows branch and remote', async () => {
    let status = syncStatus();
    const onHubChanged = vi.fn();
    const api = fakeApi({
      'sync.status': () => status,
      'sync.log': () => ({ entries: [] }),
      'sync.snapshots': () => ({ snapshots: [] }),
      'sync.configure': (args) => {
        status = connected({ repoPath: args.repoPath, handle: args.handle ?? null, useAsHub: args.useAsHub ?? false });
        return status;
      },
    });
    render(<SettingsView api={api} events={fakeEvents()} onHubChanged={onHubChanged} />);
    const form = await screen.findByRole('form', { name: 'Use a local clone' });
    expect(within(form).getByLabelText<HTMLInputElement>('Handle').value).toBe('ada-lovelace');
    expect(screen.queryByLabelText('Connected repository')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Folder of your clone (full path)'), { target: { value: ' /home/ada/hub ' } });
    fireEvent.change(within(form).getByLabelText('Handle'), { target: { value: 'ada' } });
    fireEvent.click(within(form).getByLabelText("Use this repository's docs as the hub"));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const facts = await screen.findByLabelText('Connected repository');
    expect(api.calls.find(([m]) => m === 'sync.configure')?.[1]).toEqual({ repoPath: '/home/ada/hub', handle: 'ada', useAsHub: true });
    expect(facts.textContent).toContain('main');
    expect(facts.textContent).toContain('origin — git@example.test:ada/hub.git');
    expect(facts.textContent).toContain("This repository's docs");
    expect(onHubChanged).toHaveBeenCalledTimes(1);
    expect(screen.getByText('No syncs yet.')).toBeTruthy();
  });

  it('shows the error of a folder that is not a repository, a repo problem, and an interrupted sync', async () => {
    const api = failing(
      fakeApi({
        'sync.status': () => connected({ branch: null, remote: null, problem: { code: 'no-remote', message: 'This repository has no remote to sync with.' }, interrupted: 'The last sync was interrupted during "import". Your notes are safe.' }),
        'sync.log': () => ({ entries: [] }),
        'sync.snapshots': () => ({ snapshots: [] }),
      }),
      { 'sync.configure': { code: 'bad-request', message: 'This folder is not a git repository. Choose your clone, or clone one from its URL.' } },
    );
    render(<SettingsView api={api} events={fakeEvents()} />);
    await screen.findByLabelText('Connected repository');
    const alerts = (): string[] => screen.getAllByRole('alert').map((a) => a.textContent ?? '');
    expect(alerts()).toEqual(['The last sync was interrupted during "import". Your notes are safe.', 'This repository has no remote to sync with.']);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(alerts()).toContain('This folder is not a git repository. Choose your clone, or clone one from its URL.'));
  });

  it('clones from a URL into a folder, then applies the handle', async () => {
    const api = fakeApi({
      'sync.status': () => syncStatus(),
      'sync.log': () => ({ entries: [] }),
      'sync.snapshots': () => ({ snapshots: [] }),
      'sync.clone': ({ into }) => connected({ repoPath: into, handle: 'ada-lovelace' }),
      'sync.configure': (args) => connected({ repoPath: args.repoPath, handle: args.handle ?? null }),
    });
    render(<SettingsView api={api} events={fakeEvents()} />);
    const form = await screen.findByRole('form', { name: 'Clone from a URL' });
    fireEvent.change(within(form).getByLabelText('Repository URL'), { target: { value: 'https://example.test/ada/hub.git' } });
    fireEvent.change(within(form).getByLabelText('Into folder (new or empty, full path)'), { target: { value: '/home/ada/new' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Clone' }));
    expect((await screen.findByRole('status')).textContent).toBe('Cloned into /home/ada/new.');
    expect(api.calls.filter(([m]) => m === 'sync.clone' || m === 'sync.configure').map(([, a]) => a)).toEqual([
      { url: 'https://example.test/ada/hub.git', into: '/home/ada/new' },
      { repoPath: '/home/ada/new', handle: 'ada-lovelace', useAsHub: false },
    ]);
  });

  it('lists the sync log newest first with errors, and reloads it when a sync finishes', async () => {
    const entries = [{ ...failedResult('offline', 'The remote cannot be reached.', 'fetch'), startedAt: '2025-03-01T11:00:00.000Z' }, syncResult()];
    const events = fakeEvents();
    const api = fakeApi({ 'sync.status': () => connected(), 'sync.log': () => ({ entries: [...entries] }), 'sync.snapshots': () => ({ snapshots: [] }) });
    render(<SettingsView api={api} events={events} />);
    const log = await screen.findByRole('list', { name: 'Sync log entries' });
    const items = [...log.querySelectorAll(':scope > li')];
    expect(items.map((i) => i.querySelector('summary')?.textContent)).toEqual([expect.stringContaining('Failed: The remote cannot be reached.'), expect.stringContaining('3 notes up, 1 down, 12 topics merged')]);
    entries.unshift(syncResult({ startedAt: '2025-03-02T10:00:00.000Z', summary: 'Already up to date' }));
    act(() => events.emit({ type: 'sync.finished', result: entries[0] ?? syncResult() }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Sync log entries' }).querySelectorAll(':scope > li')).toHaveLength(3));
  });
});

describe('ConflictBar', () => {
  const pair = { noteId: 'n1', copyId: 'n1~c0123456789ab', title: 'Caching', copyTitle: 'Conflict copy from laptop-b 2025-03-01 10:00: Caching', updatedAt: '', copyUpdatedAt: '' };

  it('flags a conflict copy and resolves the pair with the chosen side', async () => {
    const onResolved = vi.fn();
    const api = fakeApi({ 'sync.conflicts': () => ({ pairs: [pair] }), 'sync.resolve': () => ({ resolved: true }) });
    render(<ConflictBar api={api} noteId={pair.copyId} onResolved={onResolved} />);
    const bar = await screen.findByRole('region', { name: 'Sync conflict' });
    expect(bar.textContent).toContain('Conflict copy');
    expect(bar.textContent).toContain('“Caching”');
    fireEvent.click(within(bar).getByRole('button', { name: 'Keep the other version' }));
    await waitFor(() => expect(onResolved).toHaveBeenCalledWith(pair, 'copy'));
    expect(api.calls.find(([m]) => m === 'sync.resolve')?.[1]).toEqual({ copyId: pair.copyId, keep: 'copy' });
    expect(screen.queryByRole('region', { name: 'Sync conflict' })).toBeNull();
  });

  it('flags the original note of a pair, and nothing for other notes', async () => {
    const api = fakeApi({ 'sync.conflicts': () => ({ pairs: [pair] }) });
    const { rerender } = render(<ConflictBar api={api} noteId="n1" onResolved={() => undefined} />);
    expect((await screen.findByRole('region', { name: 'Sync conflict' })).textContent).toContain('Has a conflict copy');
    rerender(<ConflictBar api={api} noteId="other" onResolved={() => undefined} />);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Sync conflict' })).toBeNull());
  });

  it('holds the review limits (new cards and reviews per day, retention) under Review', async () => {
    const api = fakeApi({
      'sync.status': () => syncStatus(),
      'sync.log': () => ({ entries: [] }),
      'sync.snapshots': () => ({ snapshots: [] }),
      'review.settings': () => ({ newPerDay: 20, reviewsPerDay: 200, retention: 0.9, updatedAt: '2025-01-01T00:00:00.000Z' }),
    });
    render(<SettingsView api={api} events={fakeEvents()} onHubChanged={() => undefined} />);
    const section = await screen.findByRole('region', { name: 'Review' });
    expect(within(section).getByLabelText<HTMLInputElement>(/New cards per day/).value).toBe('20');
    expect(within(section).getByLabelText<HTMLInputElement>(/Reviews per day/).value).toBe('200');
  });
});
