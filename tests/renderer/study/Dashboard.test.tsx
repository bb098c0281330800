import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard as DashboardData } from '../../../src/core/api/studyApi';
import { Dashboard } from '../../../src/renderer/src/components/study/Dashboard';
import { fakeApi } from '../fakeApi';

afterEach(cleanup);

function dashboardApi() {
  let done = 2;
  let undo: number | null = null;
  const completion = () => ({ done, inProgress: 0, skipped: 1, total: 5, counted: 4, percent: Math.round((done / 4) * 100) });
  const data = (): DashboardData => ({
    overall: completion(),
    docs: [{ path: 'docs/a.md', title: 'Doc A', ...completion() }],
    folders: [{ path: 'docs', ...completion() }],
    heatmap: [{ day: '2024-03-10', readSeconds: 400, stateChanges: 1, studied: true }],
    streak: 3,
    today: '2024-03-10',
    recent: [{ topicId: 'docs/a.md#setup', title: 'Setup', at: '2024-03-10T10:00:00.000Z', docPath: 'docs/a.md', exists: true, state: 'in-progress' }],
    continueAt: { topicId: 'docs/a.md#setup', title: 'Setup', docPath: 'docs/a.md', slug: 'setup' },
    noteCount: 1,
    canUndoReset: undo !== null,
  });
  return fakeApi({
    'study.dashboard': data,
    'progress.reset': () => {
      undo = done;
      done = 0;
      return { cleared: 3 };
    },
    'progress.undoReset': () => {
      done = undo ?? 0;
      undo = null;
      return { restored: 3 };
    },
  });
}

describe('Dashboard', () => {
  it('shows percentages, streak and continue; reset asks first and can be undone', async () => {
    const api = dashboardApi();
    const onNavigate = vi.fn();
    const onChanged = vi.fn();
    render(<Dashboard api={api} onNavigate={onNavigate} onProgressChanged={onChanged} version={0} />);
    await waitFor(() => expect(screen.getByTestId('overall-percent').textContent).toBe('50%'));
    expect(screen.getByRole('progressbar', { name: 'Doc A' }).getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('day streak').previousSibling?.textContent).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: 'Setup →' }));
    expect(onNavigate).toHaveBeenCalledWith({ view: 'read', path: 'docs/a.md', slug: 'setup' });

    fireEvent.click(screen.getByRole('button', { name: 'Reset progress…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(api.calls.some(([m]) => m === 'progress.reset')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialog.isConnected).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Reset progress…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
    await waitFor(() => expect(screen.getByTestId('overall-percent').textContent).toBe('0%'));
    expect(onChanged).toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: 'Undo reset' }));
    await waitFor(() => expect(screen.getByTestId('overall-percent').textContent).toBe('50%'));
    expect(screen.queryByRole('button', { name: 'Undo reset' })).toBeNull();
  });
});
