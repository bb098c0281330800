import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHubTree } from '../../../src/core/hub/hubTree';
import type { DocSummary } from '../../../src/core/hub/types';
import type { ProgressEntry } from '../../../src/core/api/studyApi';
import { HubTree } from '../../../src/renderer/src/components/HubTree';
import { topic, treeDocs } from '../hubTreeFixture';
import type { ProgressView } from '../../../src/renderer/src/components/study/useStudy';

const docs: DocSummary[] = [
  ...treeDocs,
  { path: 'docs/b.md', title: 'Doc B', topics: [topic('docs/b.md', 'b1', 2, null), topic('docs/b.md', 'b2', 2, null)], encoding: 'utf-8' },
];
const tree = buildHubTree(docs);
const entry = (state: ProgressEntry['state']) =>
  ({ state, updatedAt: '2026-01-01T00:00:00.000Z', doneAt: null }) as unknown as ProgressEntry;
const rows = () => screen.getAllByRole('treeitem').map((i) => i.getAttribute('data-row-key'));

describe('HubTree navigation', () => {
  afterEach(cleanup);

  it('keeps only the doc being read expanded (and what the learner opened by hand)', () => {
    const view = render(<HubTree tree={tree} currentPath="docs/a.md" currentSlug={null} onOpen={() => undefined} />);
    expect(rows()).toContain('topic:docs/a.md#one');
    view.rerender(<HubTree tree={tree} currentPath="docs/b.md" currentSlug={null} onOpen={() => undefined} />);
    expect(rows()).not.toContain('topic:docs/a.md#one');
    expect(rows()).toContain('topic:docs/b.md#b1');
    // Opened by hand: stays open when another doc is read.
    fireEvent.keyDown(screen.getByRole('treeitem', { name: /Doc A/ }), { key: 'ArrowRight' });
    view.rerender(<HubTree tree={tree} currentPath="README.md" currentSlug={null} onOpen={() => undefined} />);
    expect(rows()).toContain('topic:docs/a.md#one');
    expect(rows()).not.toContain('topic:docs/b.md#b1');
  });

  it('highlights the topic in view as it changes with scrolling, opening its parents', () => {
    const view = render(<HubTree tree={tree} currentPath="docs/a.md" currentSlug="two" onOpen={() => undefined} />);
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toBe('TWO');
    expect(rows()).not.toContain('topic:docs/a.md#sub');
    view.rerender(<HubTree tree={tree} currentPath="docs/a.md" currentSlug="sub" onOpen={() => undefined} />);
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toBe('SUB');
  });

  it('clicking the open doc goes to its top', () => {
    const onOpen = vi.fn();
    render(
      <div className="main">
        <main className="content" style={{ overflow: 'auto', height: 100 }}>
          <div style={{ height: 2000 }} />
        </main>
        <HubTree tree={tree} currentPath="docs/a.md" currentSlug="two" onOpen={onOpen} />
      </div>,
    );
    const content = document.querySelector('.content') as HTMLElement;
    content.scrollTop = 700;
    fireEvent.click(screen.getByRole('treeitem', { name: /Doc A/ }));
    expect(onOpen).toHaveBeenLastCalledWith('docs/a.md', null);
    expect(content.scrollTop).toBe(0);
    // The doc stays open (a click on the open doc never folds it)...
    expect(rows()).toContain('topic:docs/a.md#one');
    // ...and, closed by hand, opens again.
    fireEvent.click(screen.getByRole('treeitem', { name: /Doc A/ }).querySelector('.twisty') as Element);
    expect(rows()).not.toContain('topic:docs/a.md#one');
    fireEvent.click(screen.getByRole('treeitem', { name: /Doc A/ }));
    expect(rows()).toContain('topic:docs/a.md#one');
  });

  it('a click on the open doc does not keep it open once another doc is read', () => {
    const view = render(<HubTree tree={tree} currentPath="docs/a.md" currentSlug={null} onOpen={() => undefined} />);
    fireEvent.click(screen.getByRole('treeitem', { name: /Doc A/ }));
    view.rerender(<HubTree tree={tree} currentPath="docs/b.md" currentSlug={null} onOpen={() => undefined} />);
    expect(rows()).not.toContain('topic:docs/a.md#one');
  });

  it('D on a doc row asks first, then marks that doc’s topics only, and Undo puts each back', async () => {
    const onMark = vi.fn();
    const onMarkMany = vi.fn(() => Promise.resolve(null));
    const progress: ProgressView = { progress: { 'docs/a.md#one': entry('done'), 'docs/a.md#two': entry('in-progress') }, docPercent: {} };
    // Reading Doc B: the keys must not touch it.
    render(
      <HubTree
        tree={tree}
        currentPath="docs/b.md"
        currentSlug="b2"
        onOpen={() => undefined}
        progress={progress}
        onMark={onMark}
        onMarkMany={onMarkMany}
      />,
    );
    const docA = screen.getByRole('treeitem', { name: /Doc A/ });
    fireEvent.keyDown(docA, { key: 'd' });
    const dialog = screen.getByRole('alertdialog', { name: 'Mark topics' });
    expect(dialog.textContent).toContain('Mark 3 topics of the doc “Doc A” as Done?');
    expect(onMarkMany).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Mark 3 topics');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark 3 topics' }));
      await Promise.resolve();
    });
    expect(onMarkMany).toHaveBeenCalledTimes(1);
    expect(onMarkMany).toHaveBeenLastCalledWith([
      { topicId: 'docs/a.md#a', state: 'done' },
      { topicId: 'docs/a.md#sub', state: 'done' },
      { topicId: 'docs/a.md#two', state: 'done' },
    ]);
    expect(screen.getByText(/Marked 3 topics of the doc “Doc A” as Done/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      await Promise.resolve();
    });
    expect(onMarkMany).toHaveBeenLastCalledWith([
      { topicId: 'docs/a.md#a', state: 'not-started', doneAt: null },
      { topicId: 'docs/a.md#sub', state: 'not-started', doneAt: null },
      { topicId: 'docs/a.md#two', state: 'in-progress', doneAt: null },
    ]);
    expect(screen.getByText(/Undone/)).toBeTruthy();
    expect(onMark).not.toHaveBeenCalled();
  });

  it('S on a folder row asks about every topic in it; Escape cancels without marking and returns to the row', async () => {
    const onMarkMany = vi.fn(() => Promise.resolve(null));
    render(
      <HubTree
        tree={tree}
        currentPath="README.md"
        currentSlug={null}
        onOpen={() => undefined}
        progress={{ progress: {}, docPercent: {} }}
        onMarkMany={onMarkMany}
      />,
    );
    const folder = screen.getByRole('treeitem', { name: /docs/ });
    folder.focus();
    fireEvent.keyDown(folder, { key: 's' });
    const dialog = screen.getByRole('alertdialog', { name: 'Mark topics' });
    expect(dialog.textContent).toContain('Mark 6 topics of the folder “docs” as Skipped?');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onMarkMany).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('treeitem', { name: /docs/ })));
  });

  it('says so, and asks nothing, when every topic already has the state', () => {
    const onMarkMany = vi.fn(() => Promise.resolve(null));
    const progress: ProgressView = { progress: { 'docs/b.md#b1': entry('done'), 'docs/b.md#b2': entry('done') }, docPercent: {} };
    render(
      <HubTree
        tree={tree}
        currentPath="README.md"
        currentSlug={null}
        onOpen={() => undefined}
        progress={progress}
        onMarkMany={onMarkMany}
      />,
    );
    fireEvent.keyDown(screen.getByRole('treeitem', { name: /Doc B/ }), { key: 'd' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('All 2 topics of Doc B are already Done.');
  });
});
