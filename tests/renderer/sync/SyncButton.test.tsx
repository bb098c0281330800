import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncButton } from '../../../src/renderer/src/components/sync/SyncButton';
import { CommandBusContext } from '../../../src/renderer/src/hooks/useUiCommand';
import { createCommandBus } from '../../../src/renderer/src/shell/commandBus';
import { fakeApi } from '../fakeApi';
import { failedResult, failing, fakeEvents, syncResult } from './syncFakes';

afterEach(cleanup);

const stateOf = (step: string): string | null => screen.getByRole('list', { name: 'Sync steps' }).querySelector(`li[data-step="${step}"]`)?.getAttribute('data-state') ?? null;

describe('SyncButton', () => {
  it('shows the steps live from sync events, then the summary, and reports the finish', async () => {
    const events = fakeEvents();
    const onFinished = vi.fn();
    render(<SyncButton api={fakeApi({})} events={events} onNavigate={() => undefined} onFinished={onFinished} />);
    expect(screen.queryByRole('region', { name: 'Sync progress' })).toBeNull();

    act(() => events.emit({ type: 'sync.step', step: 'check', state: 'running', detail: '' }));
    // A sync started elsewhere (menu, Settings) opens the panel; the button shows it is busy.
    expect(screen.getByRole('region', { name: 'Sync progress' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Syncing…' }).hasAttribute('disabled')).toBe(true);
    expect(stateOf('check')).toBe('running');
    expect(stateOf('push')).toBe('pending');

    act(() => {
      events.emit({ type: 'sync.step', step: 'check', state: 'done', detail: 'main -> origin' });
      events.emit({ type: 'sync.step', step: 'export', state: 'running', detail: '' });
    });
    expect(stateOf('check')).toBe('done');
    expect(stateOf('export')).toBe('running');
    expect(screen.getByText('main -> origin')).toBeTruthy();

    const result = syncResult({ conflicts: [['n1', 'n1~cabc']] });
    act(() => events.emit({ type: 'sync.finished', result }));
    expect(screen.getByRole('status').textContent).toContain('Synced: 3 notes up, 1 down, 12 topics merged.');
    expect(screen.getByRole('status').textContent).toContain('Conflict copy');
    expect(stateOf('push')).toBe('done');
    expect(screen.getByRole('button', { name: 'Sync now' }).hasAttribute('disabled')).toBe(false);
    await waitFor(() => expect(onFinished).toHaveBeenCalledWith(result));
  });

  it('runs on the sync-now command (menu, Ctrl/Cmd+Shift+S) and on click, never twice at once', async () => {
    const bus = createCommandBus();
    const api = fakeApi({ 'sync.run': () => syncResult({ summary: 'Already up to date' }) });
    render(
      <CommandBusContext.Provider value={bus}>
        <SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />
      </CommandBusContext.Provider>,
    );
    act(() => {
      bus.emit('sync-now');
      bus.emit('sync-now');
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Synced: Already up to date.'));
    expect(api.calls.filter(([m]) => m === 'sync.run')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(api.calls.filter(([m]) => m === 'sync.run')).toHaveLength(2));
  });

  it('shows an error with what to do, marks the failed step, and offers Settings for setup errors', async () => {
    const onNavigate = vi.fn();
    const api = fakeApi({ 'sync.run': () => failedResult('not-configured', 'Choose your repository in Settings > Repository first.') });
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={onNavigate} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sync failed (not-configured): Choose your repository in Settings > Repository first.');
    expect(stateOf('check')).toBe('failed');
    expect(stateOf('export')).toBe('not-run');
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings › Repository' }));
    expect(onNavigate).toHaveBeenCalledWith({ view: 'settings', path: null, slug: null });
  });

  it('shows a network error with git detail, without a Settings button', async () => {
    const result = failedResult('push-rejected', 'The remote moved on while you were syncing. Sync again to merge the new changes.', 'push');
    const api = fakeApi({ 'sync.run': () => ({ ...result, error: { code: 'push-rejected', message: result.summary, detail: '! [rejected] main -> main (fetch first)' } }) });
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sync again to merge');
    expect(within(alert).getByText('! [rejected] main -> main (fetch first)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open Settings › Repository' })).toBeNull();
  });

  it('shows a request error (busy) as an alert', async () => {
    const api = failing(fakeApi({}), { 'sync.run': { code: 'conflict', message: 'A sync is already running.' } });
    render(<SyncButton api={api} events={fakeEvents()} onNavigate={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A sync is already running.');
  });
});
