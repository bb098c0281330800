import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topic } from '../../../src/core/hub/types';
import { Outline } from '../../../src/renderer/src/components/outline/Outline';
import { outlineEntries } from '../../../src/renderer/src/components/outline/outlineModel';
import { rememberScroll, rememberedScroll } from '../../../src/renderer/src/readerScroll';

function topic(slug: string, depth: 1 | 2 | 3, parent: string | null): Topic {
  return {
    id: `d.md#${slug}`,
    docPath: 'd.md',
    slug,
    title: `Title ${slug}`,
    depth,
    parentId: parent === null ? null : `d.md#${parent}`,
    line: 1,
  };
}
const wrapped = [topic('doc', 1, null), topic('intro', 2, 'doc'), topic('detail', 3, 'intro'), topic('end', 2, 'doc')];

describe('On this page', () => {
  afterEach(cleanup);

  it('lists the headings, a single wrapping H1 being the title, not an entry', () => {
    expect(outlineEntries(wrapped).map((e) => [e.slug, e.level])).toEqual([
      ['intro', 1],
      ['detail', 2],
      ['end', 1],
    ]);
    const twoH1 = [topic('a', 1, null), topic('a1', 2, 'a'), topic('b', 1, null)];
    expect(outlineEntries(twoH1).map((e) => [e.slug, e.level])).toEqual([
      ['a', 1],
      ['a1', 2],
      ['b', 1],
    ]);
  });

  it('highlights the heading in view and goes to a heading on click (rail beside the text)', () => {
    const onSelect = vi.fn();
    const view = render(<Outline topics={wrapped} currentSlug="detail" hrefOf={(s) => `#/read/d.md/${s}`} onSelect={onSelect} wide />);
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    const current = () => nav.querySelector('[aria-current="location"]')?.textContent;
    expect(current()).toBe('Title detail');
    view.rerender(<Outline topics={wrapped} currentSlug="end" hrefOf={(s) => `#/read/d.md/${s}`} onSelect={onSelect} wide />);
    expect(current()).toBe('Title end');
    // The wrapping H1 (the top of the doc) highlights nothing.
    view.rerender(<Outline topics={wrapped} currentSlug="doc" hrefOf={(s) => `#/read/d.md/${s}`} onSelect={onSelect} wide />);
    expect(current()).toBeUndefined();
    const link = within(nav).getByRole('link', { name: 'Title intro' });
    expect(link.getAttribute('href')).toBe('#/read/d.md/intro');
    fireEvent.click(link);
    expect(onSelect).toHaveBeenCalledWith('intro');
  });

  it('folds into a bar naming the heading in view where the reader is narrow', () => {
    const onSelect = vi.fn();
    render(<Outline topics={wrapped} currentSlug="end" hrefOf={(s) => `#${s}`} onSelect={onSelect} wide={false} />);
    const toggle = screen.getByRole('button', { name: /On this page/ });
    expect(toggle.textContent).toContain('Title end');
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(screen.getByRole('link', { name: 'Title intro' }), { key: 'Escape' });
    expect(screen.queryByRole('link')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('link', { name: 'Title detail' }));
    expect(onSelect).toHaveBeenCalledWith('detail');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows nothing for a doc with a single heading', () => {
    render(<Outline topics={[topic('only', 1, null)]} currentSlug={null} hrefOf={(s) => s} onSelect={() => undefined} wide />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});

describe('scroll memory', () => {
  afterEach(cleanup);

  it('keeps the reader position in the history entry it belongs to', () => {
    window.history.replaceState(null, '', '#/read/a.md');
    expect(rememberedScroll()).toBeNull();
    render(
      <div className="main">
        <main className="content" style={{ overflow: 'auto', height: 100 }}>
          <div style={{ height: 5000 }} />
        </main>
      </div>,
    );
    (document.querySelector('.content') as HTMLElement).scrollTop = 1234;
    rememberScroll();
    expect(rememberedScroll()).toBe(1234);
    // Another entry (a new hash) has no position of its own.
    window.history.pushState(null, '', '#/read/b.md');
    expect(rememberedScroll()).toBeNull();
    // A state recorded for another hash is not taken for this one.
    window.history.replaceState({ nexusScroll: { hash: '#/read/a.md', top: 50 } }, '');
    expect(rememberedScroll()).toBeNull();
  });
});
