import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent, EventSource } from '../../../src/core/api/events';
import { SearchIndex } from '../../../src/core/search/searchIndex';
import type { SearchEntry } from '../../../src/core/search/types';
import { SearchPalette } from '../../../src/renderer/src/components/search/SearchPalette';
import { fakeApi } from '../fakeApi';

function section(key: string, title: string, body: string, docTitle: string): SearchEntry {
  const [docPath = '', slug = null] = key.split('#');
  return { key, kind: 'section', docPath, docTitle, topicId: key, slug, title, headingPath: [docTitle], keywords: '', body, code: '' };
}

const index = new SearchIndex();
[
  section('docs/di.md#dependency-injection', 'Dependency injection', 'Pass dependencies in.', 'Patterns'),
  section('docs/di.md#service-locator', 'Service locator', 'An alternative to dependency injection.', 'Patterns'),
  section('docs/sql.md#sql-injection', 'SQL injection', 'Never format SQL strings yourself.', 'Security'),
].forEach((e) => index.add(e));

function setup() {
  const api = fakeApi({
    'search.query': ({ q, limit, filters }) => {
      const r = index.search(q, { limit: limit ?? 8, ...(filters !== undefined ? { filters } : {}) });
      return { ...r, hits: r.hits.map((h) => ({ ...h, badges: { done: h.key.includes('sql') ? true : null, hasNotes: null } })), indexing: false, tookMs: 0 };
    },
    'search.status': () => ({ phase: 'indexing', done: 1, total: 4, entries: 1, fromCache: false, reindexed: 1 }),
  });
  const listeners = new Set<(e: AppEvent) => void>();
  const events: EventSource = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const onOpen = vi.fn();
  render(<SearchPalette api={api} events={events} onOpen={onOpen} />);
  const push = (e: AppEvent): void => act(() => listeners.forEach((l) => l(e)));
  return { api, onOpen, push };
}

beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

describe('SearchPalette', () => {
  it('opens on Ctrl+K, searches as you type, moves with arrows, opens with Enter', async () => {
    const { onOpen } = setup();
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const input = screen.getByRole('combobox', { name: /search docs/i });
    fireEvent.change(input, { target: { value: 'dependency inj' } });
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(1));
    const options = within(list).getAllByRole('option');
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    expect(options[0]?.textContent).toContain('Dependency injection');
    expect([...options[0]!.querySelectorAll('.search-hit-title mark')].map((m) => m.textContent)).toEqual(['Dependency', 'injection']);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(within(list).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledTimes(1);
    const [hit, terms] = onOpen.mock.calls[0] as [{ key: string }, string[]];
    expect(hit.key).toBe('docs/di.md#dependency-injection');
    expect(terms).toContain('injection');
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('closes on Escape and remembers recent searches', async () => {
    setup();
    fireEvent.keyDown(window, { key: 'k', metaKey: true });
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'sql' } });
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(0));
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '' } });
    const recent = screen.getByRole('listbox', { name: 'Recent searches' });
    expect(within(recent).getByRole('option').textContent).toContain('sql');
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows every hit grouped by doc with filters after "see all", and indexing progress', async () => {
    const { api, push } = setup();
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(await screen.findByRole('status')).toBeTruthy();
    push({ type: 'index.progress', done: 2, total: 4, phase: 'indexing' });
    expect(screen.getByRole('status').textContent).toContain('50%');
    push({ type: 'index.progress', done: 4, total: 4, phase: 'ready' });
    expect(screen.queryByText(/Indexing/)).toBeNull();

    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'injection' } });
    const seeAll = await screen.findByText(/See all 3 results/);
    fireEvent.click(seeAll);
    const all = await screen.findByRole('listbox', { name: 'All search results' });
    expect(within(all).getByRole('group', { name: 'Patterns' })).toBeTruthy();
    expect(within(within(all).getByRole('group', { name: 'Patterns' })).getAllByRole('option')).toHaveLength(2);
    expect(within(all).getByText('Done')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: /Not done yet/ }));
    await waitFor(() => expect(api.calls).toContainEqual(['search.query', { q: 'injection', limit: 200, filters: { notDone: true } }]));
  });
});
