import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDoc } from '../../src/core/hub/renderDoc';
import { Reader } from '../../src/renderer/src/components/Reader';
import { fakeApi } from './fakeApi';

const doc = renderDoc('a.md', '# A\n\n## Part\n\ntext\n\n<p id="location">raw target</p>\n', new Set(['a.md']));

function open(slug: string) {
  const scrolled: string[] = [];
  const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
    scrolled.push(this.id);
  });
  const api = fakeApi({ 'hub.doc': () => doc });
  render(<Reader api={api} path="a.md" slug={slug} onNavigate={() => undefined} />);
  return { scrolled, restore: () => spy.mockRestore() };
}

describe('Reader anchors', () => {
  afterEach(cleanup);

  it('scrolls to a heading by its own id', async () => {
    const run = open('part');
    await waitFor(() => expect(run.scrolled).toEqual(['part']));
    run.restore();
  });

  it('a link written for GitHub (#location) finds hub HTML under user-content-, never an app element', async () => {
    const run = open('location');
    await waitFor(() => expect(run.scrolled).toEqual(['user-content-location']));
    expect(screen.queryByText(/is not in this doc/)).toBeNull();
    expect(document.getElementById('location')).toBeNull();
    run.restore();
  });

  it('an id nothing has is reported missing', async () => {
    const run = open('root');
    await waitFor(() => expect(screen.getByText(/“root” is not in this doc/)).toBeTruthy());
    expect(run.scrolled).toEqual([]);
    run.restore();
  });
});
