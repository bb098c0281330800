import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHubTree } from '../../src/core/hub/hubTree';
import { HubTree } from '../../src/renderer/src/components/HubTree';
import { treeDocs } from './hubTreeFixture';

const docs = treeDocs;

describe('HubTree', () => {
  afterEach(cleanup);

  it('is an ARIA tree navigable with arrows, opening with Enter', () => {
    const onOpen = vi.fn();
    render(<HubTree tree={buildHubTree(docs)} currentPath={null} currentSlug={null} onOpen={onOpen} />);
    const tree = screen.getByRole('tree', { name: 'Hub contents' });
    const items = () => screen.getAllByRole('treeitem').map((i) => i.textContent);
    expect(items()).toEqual(['Readme', '▾docs', '▸Doc A']);

    const docA = screen.getByRole('treeitem', { name: /Doc A/ });
    docA.focus();
    fireEvent.keyDown(docA, { key: 'ArrowRight' });
    expect(items()).toEqual(['Readme', '▾docs', '▾Doc A', '▸ONE', 'TWO']);
    fireEvent.keyDown(docA, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('▸ONE');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(items()).toContain('SUB');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('docs/a.md', 'one');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    expect(document.activeElement?.textContent).toBe('▾Doc A');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement?.textContent).toBe('Readme');
    expect(tree).toBeTruthy();
  });

  it('reveals the parents of the topic being read', () => {
    render(<HubTree tree={buildHubTree(docs)} currentPath="docs/a.md" currentSlug="sub" onOpen={() => undefined} />);
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toBe('SUB');
    expect(screen.getByRole('treeitem', { name: /ONE/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('marks the doc being read and reveals its folder', () => {
    render(<HubTree tree={buildHubTree(docs)} currentPath="docs/a.md" currentSlug="two" onOpen={() => undefined} />);
    const current = screen.getByRole('treeitem', { selected: true });
    expect(current.textContent).toBe('TWO');
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(current.tabIndex).toBe(0);
  });

  it('N, I, D and S mark the focused topic row only; on a doc or folder row they do nothing', () => {
    const onMark = vi.fn();
    const reached = vi.fn();
    window.addEventListener('keydown', reached);
    try {
      render(<HubTree tree={buildHubTree(docs)} currentPath="docs/a.md" currentSlug="two" onOpen={() => undefined} onMark={onMark} />);
      const folder = screen.getByRole('treeitem', { name: /docs/ });
      fireEvent.keyDown(folder, { key: 's' });
      const doc = screen.getByRole('treeitem', { name: /Doc A/ });
      fireEvent.keyDown(doc, { key: 'd' });
      expect(onMark).not.toHaveBeenCalled();
      // The reader's own shortcut (a window listener) never sees these keys either.
      expect(reached).not.toHaveBeenCalled();
      expect(screen.getByRole('status').textContent).toMatch(/marks a topic/);

      fireEvent.keyDown(screen.getByRole('treeitem', { name: /ONE/ }), { key: 'd' });
      expect(onMark).toHaveBeenCalledTimes(1);
      expect(onMark).toHaveBeenLastCalledWith('docs/a.md#one', 'done');
      expect(reached).not.toHaveBeenCalled();
      fireEvent.keyDown(screen.getByRole('treeitem', { name: /ONE/ }), { key: 'd', ctrlKey: true });
      expect(onMark).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', reached);
    }
  });

  it('marks a done topic whose cards are mostly forgotten as "needs review", and no other row', () => {
    render(<HubTree tree={buildHubTree(docs)} currentPath="docs/a.md" currentSlug="two" onOpen={() => undefined} needsReview={new Set(['docs/a.md#two'])} />);
    const marks = screen.getAllByText('needs review');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.closest('[role="treeitem"]')?.getAttribute('data-row-key')).toBe('topic:docs/a.md#two');
  });
});
