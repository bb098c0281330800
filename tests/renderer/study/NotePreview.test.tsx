import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotePreview } from '../../../src/renderer/src/components/study/NotePreview';
import { fakeApi } from '../fakeApi';

const NOTE = '[site](https://example.com/a) [api](/api/hub.overview) [proto](//evil.example/x) [js](javascript:alert(1)) [top](#x)';

describe('NotePreview links', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('only an http(s) link to another site keeps an href; the rest are inert', () => {
    render(<NotePreview api={fakeApi({})} markdown={NOTE} />);
    expect(screen.getByText('site').closest('a')?.getAttribute('href')).toBe('https://example.com/a');
    for (const name of ['api', 'proto', 'js', 'top']) {
      expect(screen.getByText(name).closest('a')?.getAttribute('href'), name).toBeNull();
    }
    expect(screen.getByText('api').closest('a')?.getAttribute('title')).toBe('/api/hub.overview');
  });

  it('middle click gets the left-click policy: http(s) goes out through the app, /api and //host open nothing', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const api = fakeApi({ 'app.openExternal': () => ({ opened: true }) });
    render(<NotePreview api={api} markdown={NOTE} />);
    for (const name of ['api', 'proto', 'js']) {
      const a = screen.getByText(name).closest('a') as HTMLAnchorElement;
      const event = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
      a.dispatchEvent(event);
      expect(event.defaultPrevented, name).toBe(true);
      fireEvent.click(a);
    }
    expect(api.calls).toEqual([]);
    const site = screen.getByText('site').closest('a') as HTMLAnchorElement;
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    site.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(true);
    await waitFor(() => expect(api.calls).toContainEqual(['app.openExternal', { url: 'https://example.com/a' }]));
    expect(open).not.toHaveBeenCalled();
  });
});
