import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowsedCard, ReviewStats } from '../../../src/core/api/reviewApi';
import { CardBrowser } from '../../../src/renderer/src/components/review/CardBrowser';
import { ReviewPanel } from '../../../src/renderer/src/components/review/ReviewPanel';
import { ReviewSettings } from '../../../src/renderer/src/components/review/ReviewSettings';
import { ReviewView } from '../../../src/renderer/src/components/review/ReviewView';
import { fakeApi } from '../fakeApi';

afterEach(cleanup);

const row = (c: Partial<BrowsedCard> & Pick<BrowsedCard, 'id' | 'question'>): BrowsedCard => ({
  kind: 'heading',
  answer: 'A',
  due: null,
  reps: 0,
  lapses: 0,
  userCardId: null,
  status: 'accepted',
  active: true,
  suspended: false,
  leech: false,
  edited: false,
  origin: 'found',
  topicId: 'docs/a.md#caching',
  topicTitle: 'Caching',
  docPath: 'docs/a.md',
  phase: 'new',
  isDue: true,
  ...c,
});

function browserApi() {
  const cards = [row({ id: 'c1', question: 'What is a CDN?' }), row({ id: 'user:u1', question: 'My own?', kind: 'user', origin: 'own', userCardId: 'u1', status: 'own', reps: 3, lapses: 2, phase: 'review', due: new Date(Date.now() + 3 * 86_400_000).toISOString() })];
  const undoStack: Array<() => void> = [];
  return fakeApi({
    'review.browse': (f) => {
      const shown = cards.filter((c) => (f.origin === undefined || c.origin === f.origin) && (f.state === undefined || c.phase === f.state) && (f.query === undefined || c.question.toLowerCase().includes(f.query.toLowerCase())));
      return { cards: shown.map((c) => ({ ...c })), total: shown.length, docs: ['docs/a.md'] };
    },
    'review.orphans': () => ({ orphans: [{ id: 'old', question: 'What is write-through?', topicId: 'docs/a.md#caching', candidate: { id: 'c1', question: 'What is a CDN?', topicId: 'docs/a.md#caching' }, score: 0.5 }] }),
    'review.relink': ({ fromId, toId }) => ({ fromId, toId }),
    'review.suspend': ({ cardId, suspended }) => {
      const c = cards.find((x) => x.id === cardId);
      if (c !== undefined) {
        const before = { ...c };
        undoStack.push(() => Object.assign(c, before));
        Object.assign(c, { suspended, phase: suspended ? 'suspended' : 'new' });
      }
      return { cardId, suspended };
    },
    'review.undo': () => {
      const f = undoStack.pop();
      f?.();
      return { undone: f === undefined ? null : 'suspend', cardId: 'c1' };
    },
    'review.editCard': ({ cardId, question }) => {
      const c = cards.find((x) => x.id === cardId);
      Object.assign(c ?? {}, { question, edited: true });
      return c ?? row({ id: cardId, question });
    },
    'review.resetCard': ({ cardId }) => ({ cardId }),
    'review.deleteCard': () => ({ deleted: true }),
    'review.settings': () => ({ newPerDay: 20, reviewsPerDay: 200, retention: 0.9, updatedAt: '' }),
    'review.setSettings': (s) => ({ newPerDay: s.newPerDay ?? 20, reviewsPerDay: s.reviewsPerDay ?? 200, retention: s.retention ?? 0.9, updatedAt: 'now' }),
    'review.due': () => ({ cards: [], total: 0, nextDue: null, limited: 3 }),
  });
}

describe('CardBrowser', () => {
  it('lists every card with topic, state, due and lapses; filters by state, origin and words', async () => {
    const api = browserApi();
    const onNavigate = vi.fn();
    render(<CardBrowser api={api} onNavigate={onNavigate} />);
    await waitFor(() => expect(screen.getByTestId('browser-total').textContent).toBe('2 cards'));
    const own = screen.getByText('My own?').closest('tr');
    expect(own?.textContent).toMatch(/Caching.*review.*in 3 days.*2/);
    expect(within(own!).getByRole('button', { name: 'Delete: My own?' })).toBeTruthy();
    expect(within(screen.getByText('What is a CDN?').closest('tr')!).queryByRole('button', { name: /Delete/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Origin'), { target: { value: 'own' } });
    await waitFor(() => expect(screen.getByTestId('browser-total').textContent).toBe('1 cards'));
    expect(api.calls).toContainEqual(['review.browse', { origin: 'own' }]);
    fireEvent.change(screen.getByLabelText('Origin'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Search cards'), { target: { value: 'cdn' } });
    await waitFor(() => expect(screen.getByTestId('browser-total').textContent).toBe('1 cards'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Caching' })[0]!);
    expect(onNavigate).toHaveBeenCalledWith({ view: 'read', path: 'docs/a.md', slug: 'caching' });
  });

  it('suspends a card and undoes it; edits a card', async () => {
    const api = browserApi();
    render(<CardBrowser api={api} onNavigate={vi.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Suspend: What is a CDN?' }));
    await screen.findByRole('button', { name: 'Unsuspend: What is a CDN?' });
    expect(screen.getByRole('status').textContent).toContain('Suspended.');
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'suspended' } });
    await waitFor(() => expect(screen.getByTestId('browser-total').textContent).toBe('1 cards'));
    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Suspend: What is a CDN?' });
    expect(api.calls.filter(([m]) => m === 'review.undo')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Edit: What is a CDN?' }));
    fireEvent.change(within(screen.getByRole('form', { name: 'Edit card' })).getByLabelText('Question'), { target: { value: 'What does a CDN cache?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('What does a CDN cache?');
  });

  it('asks before a schedule whose card changed beyond recognition is moved or let go', async () => {
    const api = browserApi();
    render(<CardBrowser api={api} onNavigate={vi.fn()} />);
    const region = await screen.findByRole('region', { name: 'Cards that lost their source' });
    expect(region.textContent).toContain('“What is write-through?” → “What is a CDN?”?');
    fireEvent.click(within(region).getByRole('button', { name: 'Keep schedule' }));
    await waitFor(() => expect(api.calls).toContainEqual(['review.relink', { fromId: 'old', toId: 'c1' }]));
  });
});

describe('ReviewSettings', () => {
  it('shows the defaults and saves new limits and retention', async () => {
    const api = browserApi();
    const onChanged = vi.fn();
    render(<ReviewSettings api={api} onChanged={onChanged} />);
    expect((await screen.findByLabelText<HTMLInputElement>('New cards per day')).value).toBe('20');
    expect(screen.getByLabelText<HTMLInputElement>('Reviews per day').value).toBe('200');
    expect(screen.getByLabelText<HTMLInputElement>('Desired retention (%)').value).toBe('90');
    fireEvent.change(screen.getByLabelText('New cards per day'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Desired retention (%)'), { target: { value: '85' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save review settings' }));
    await screen.findByText('Saved.');
    expect(api.calls).toContainEqual(['review.setSettings', { newPerDay: 5, reviewsPerDay: 200, retention: 0.85 }]);
    expect(onChanged).toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Desired retention (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save review settings' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/70-99%/);
  });
});

describe('ReviewView tabs', () => {
  it('switches between study (with the daily-limit message), the card browser and settings', async () => {
    const api = browserApi();
    render(<ReviewView api={api} onNavigate={vi.fn()} />);
    expect((await screen.findByTestId('review-limited')).textContent).toMatch(/Daily limit reached.*3 more cards/);
    fireEvent.click(screen.getByRole('tab', { name: 'Browse cards' }));
    expect(await screen.findByRole('region', { name: 'Card browser' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(await screen.findByRole('form', { name: 'Review settings' })).toBeTruthy();
  });
});

describe('ReviewPanel', () => {
  it('shows the forecast and the topics that need review, and reviews just one topic in one click', async () => {
    const stats: ReviewStats = {
      dueToday: 4,
      newCards: 1,
      totalCards: 9,
      streak: 2,
      retention: [],
      weakTopics: [],
      staleCount: 0,
      today: '2024-05-10',
      limited: 6,
      forecast: [{ day: '2024-05-10', count: 4 }, { day: '2024-05-11', count: 2 }],
      needsReview: [{ topicId: 'docs/a.md#caching', title: 'Caching', docPath: 'docs/a.md', cards: 4, forgotten: 3, leeches: 1 }],
      settings: { newPerDay: 20, reviewsPerDay: 200, retention: 0.9, updatedAt: '' },
    };
    const api = fakeApi({ 'review.stats': () => stats, 'review.due': () => ({ cards: [], total: 0, nextDue: null, limited: 0 }) });
    render(<ReviewPanel api={api} onNavigate={vi.fn()} version={0} />);
    expect((await screen.findByTestId('forecast')).getAttribute('aria-label')).toBe('Forecast: 6 reviews due in the next 2 days');
    expect(screen.getByText(/6 more held back by your daily limits/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Topics that need review' });
    expect(list.textContent).toMatch(/needs review.*Caching.*3 of 4 forgotten · 1 leech/);
    fireEvent.click(within(list).getByRole('button', { name: 'Review this topic' }));
    await waitFor(() => expect(api.calls).toContainEqual(['review.due', { limit: 50, topicId: 'docs/a.md#caching' }]));
    expect(screen.getByRole('region', { name: 'Review of Caching' })).toBeTruthy();
  });
});
