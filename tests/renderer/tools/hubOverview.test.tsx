import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubOverview } from '../../../src/renderer/src/components/overview/HubOverview';

afterEach(cleanup);

const c = (done: number, counted: number) => ({ done, inProgress: 0, skipped: 0, total: counted, counted, percent: Math.round((done / counted) * 100) });

describe('HubOverview', () => {
  it('lists folders and docs in natural tree order with their progress; a doc opens on click', () => {
    const onOpen = vi.fn();
    render(
      <HubOverview
        docs={[
          { path: 'days/day-10.md', title: 'Day 10', ...c(0, 2) },
          { path: 'days/day-2.md', title: 'Day 2', ...c(1, 2) },
          { path: 'days/day-1.md', title: 'Day 1', ...c(2, 2) },
          { path: 'intro.md', title: 'Intro', ...c(0, 1) },
        ]}
        folders={[{ path: 'days', ...c(3, 6) }]}
        onOpen={onOpen}
      />,
    );
    const docs = screen.getAllByRole('button').map((b) => b.textContent);
    expect(docs).toEqual(['Intro', 'Day 1', 'Day 2', 'Day 10']);
    expect(screen.getByRole('progressbar', { name: 'days/' }).getAttribute('aria-valuenow')).toBe('50');
    const row = screen.getByRole('button', { name: 'Day 2' }).closest('li') as HTMLElement;
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    fireEvent.click(screen.getByRole('button', { name: 'Day 10' }));
    expect(onOpen).toHaveBeenCalledWith('days/day-10.md');
  });
});
