import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/core/api/events';
import { buildHubTree } from '../../../src/core/hub/hubTree';
import { SearchPalette } from '../../../src/renderer/src/components/search/SearchPalette';
import { QuickSwitcherHost } from '../../../src/renderer/src/components/switcher/QuickSwitcher';
import { ShellProvider } from '../../../src/renderer/src/shell/ShellProvider';
import { fakeApi } from '../fakeApi';

const api = fakeApi({
  'app.info': () => ({ name: 'Nexus Companion', version: '9.8.7', host: 'web', dataDir: '/tmp/d', versions: { node: '20.20.0' } }),
  'search.status': () => ({ phase: 'ready', done: 1, total: 1, entries: 1, fromCache: false, reindexed: 0 }),
});
const tree = buildHubTree([{ path: 'docs/a.md', title: 'Doc A', topics: [], encoding: 'utf-8' }]);

function mount(): HTMLElement {
  const events = new EventBus();
  render(
    <ShellProvider api={api} events={events} inElectron={false} mac={false}>
      <button type="button">Reading here</button>
      <SearchPalette api={api} events={events} onOpen={() => undefined} />
      <QuickSwitcherHost tree={tree} onOpen={() => undefined} />
    </ShellProvider>,
  );
  const opener = screen.getByRole('button', { name: 'Reading here' });
  opener.focus();
  return opener;
}

const press = (key: string, options: { ctrlKey?: boolean; shiftKey?: boolean } = {}): void => {
  act(() => {
    fireEvent.keyDown(document.activeElement ?? window, { key, ...options });
  });
};
const dialogs = (): string[] => screen.queryAllByRole('dialog').map((d) => d.getAttribute('aria-label') ?? d.getAttribute('aria-labelledby') ?? '');

afterEach(cleanup);

describe('one palette or dialog at a time', () => {
  it('Ctrl+K then Ctrl+P shows only the switcher, focused; Ctrl+K again only the search; Esc goes back to the page', async () => {
    const opener = mount();
    press('k', { ctrlKey: true });
    expect(dialogs()).toEqual(['Search']);

    press('p', { ctrlKey: true });
    expect(dialogs()).toEqual(['Go to doc']);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Go to doc by name' }));

    press('k', { ctrlKey: true });
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(dialogs()).toEqual(['Search']);
    expect(screen.getByRole('dialog', { name: 'Search' }).contains(document.activeElement)).toBe(true);

    // The shortcuts sheet (Ctrl+/, as ? is text in the search field) replaces it too.
    press('/', { ctrlKey: true });
    expect(dialogs()).toEqual(['shortcuts-title']);

    press('Escape');
    expect(dialogs()).toEqual([]);
    expect(document.activeElement).toBe(opener);
  });
});
