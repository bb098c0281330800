import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HubOverview } from '../../src/core/api/contract';
import { type AppEvent, EventBus } from '../../src/core/api/events';
import { HubProgress, useHubRefresh } from '../../src/renderer/src/components/HubProgress';

afterEach(cleanup);

const overview = (parsing: HubOverview['parsing']): HubOverview => ({
  root: '/hub',
  name: 'hub',
  bundled: false,
  tree: [],
  problems: [],
  docCount: 0,
  topicCount: 0,
  fileCount: 10,
  parsing,
});

function Shell({ hub, events, refresh, onDone }: { hub: HubOverview; events: EventBus; refresh: () => void; onDone: () => void }) {
  useHubRefresh(hub, refresh, events);
  return <HubProgress events={events} onDone={onDone} />;
}

describe('HubProgress', () => {
  it('shows how many docs are read while the hub parses, then goes away and asks for the complete overview', () => {
    const events = new EventBus();
    const refresh = vi.fn();
    const onDone = vi.fn();
    const { rerender } = render(<Shell hub={overview({ done: 2, total: 10 })} events={events} refresh={refresh} onDone={onDone} />);
    expect(screen.getByRole('status').textContent).toContain('Reading docs… 2 of 10');

    const progress = (e: Omit<Extract<AppEvent, { type: 'hub.progress' }>, 'type'>): void => act(() => events.emit({ type: 'hub.progress', ...e }));
    progress({ root: '/hub', done: 7, total: 10, phase: 'parsing' });
    expect(screen.getByRole('status').textContent).toContain('7 of 10');
    expect(screen.getByLabelText('Docs read')).toHaveProperty('value', 7);
    expect(onDone).not.toHaveBeenCalled();

    progress({ root: '/hub', done: 10, total: 10, phase: 'ready' });
    expect(screen.queryByRole('status')).toBeNull();
    expect(onDone).toHaveBeenCalledTimes(1);
    // The overview in hand still says parsing: the app reads the complete one.
    expect(refresh).toHaveBeenCalled();
    const calls = refresh.mock.calls.length;
    rerender(<Shell hub={overview(null)} events={events} refresh={refresh} onDone={onDone} />);
    expect(refresh).toHaveBeenCalledTimes(calls);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
