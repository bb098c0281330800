import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderDoc } from '../../src/core/hub/renderDoc';
import { DocContent } from '../../src/renderer/src/components/DocContent';
import { fakeApi } from './fakeApi';

const files = new Set(['a.md', 'b.md', 'pic.png']);
const doc = renderDoc(
  'a.md',
  '# A\n\n[to b](b.md#part) [ext](https://example.com) [js](javascript:alert(1)) [gone](gone.md)\n\n![pic](pic.png) ![far](https://x.example/y.png)',
  files,
);

describe('DocContent', () => {
  it('routes hub links inside the app, hands external links out, and disables the rest', async () => {
    const onNavigate = vi.fn();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const api = fakeApi({ 'app.openExternal': () => ({ opened: false }), 'hub.asset': () => ({ dataUrl: 'data:image/png;base64,AAA', mime: 'image/png', bytes: 3 }) });
    render(<DocContent safeHast={doc.safeHast} api={api} onNavigate={onNavigate} />);

    fireEvent.click(screen.getByRole('link', { name: 'to b' }));
    expect(onNavigate).toHaveBeenCalledWith({ view: 'read', path: 'b.md', slug: 'part' });

    fireEvent.click(screen.getByRole('link', { name: 'ext' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://example.com', '_blank', 'noopener,noreferrer'));
    expect(api.calls).toContainEqual(['app.openExternal', { url: 'https://example.com' }]);

    const js = screen.getByRole('link', { name: 'js' });
    expect(js.getAttribute('href')).toBeNull();
    fireEvent.click(js);
    const gone = screen.getByRole('link', { name: 'gone' });
    expect(gone.getAttribute('data-link-kind')).toBe('broken');
    expect(gone.getAttribute('title')).toMatch(/Broken link/);
    fireEvent.click(gone);
    expect(onNavigate).toHaveBeenCalledTimes(1);

    await waitFor(() => expect(screen.getByRole('img', { name: 'pic' }).getAttribute('src')).toBe('data:image/png;base64,AAA'));
    expect(screen.getByText(/remote image not loaded/)).toBeTruthy();
    open.mockRestore();
  });
});
