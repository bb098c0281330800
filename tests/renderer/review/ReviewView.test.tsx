import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Root } from 'hast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DueCard } from '../../../src/core/api/reviewApi';
import { RetentionChart } from '../../../src/renderer/src/components/review/RetentionChart';
import { ReviewView } from '../../../src/renderer/src/components/review/ReviewView';
import { StaleBanner } from '../../../src/renderer/src/components/review/StaleBanner';
import { fakeApi } from '../fakeApi';

afterEach(cleanup);

const para = (text: string, strong?: string): Root => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }, ...(strong !== undefined ? [{ type: 'element' as const, tagName: 'strong', properties: {}, children: [{ type: 'text' as const, value: strong }] }] : [])] }],
});
const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000 + 60_000).toISOString();
const card = (id: string, q: string, a: string): DueCard => ({
  id,
  kind: 'check',
  topicId: 'docs/q.md#backpressure',
  topicTitle: 'Backpressure',
  docPath: 'docs/q.md',
  questionHast: para(q),
  answerHast: para(`${a} `, 'queue'),
  stale: false,
  state: 0,
  preview: { '1': inDays(1), '2': inDays(2), '3': inDays(3), '4': inDays(8) },
});

function reviewApi() {
  let due = [card('c1', 'What grows?', 'The'), card('c2', 'Name a remedy.', 'Throttle the')];
  return fakeApi({
    'review.due': () => ({ cards: due, total: due.length, nextDue: due.length === 0 ? inDays(3) : null, limited: 0 }),
    'review.grade': ({ cardId, grade }) => {
      due = due.filter((c) => c.id !== cardId);
      return { cardId, due: inDays(grade === 1 ? 1 : 3), scheduledDays: grade === 1 ? 1 : 3, remaining: due.length, leech: false };
    },
  });
}

describe('ReviewView', () => {
  it('works from the keyboard: Space reveals the answer, 1-4 grade, the next due date shows', async () => {
    const api = reviewApi();
    const onReviewed = vi.fn();
    render(<ReviewView api={api} onNavigate={vi.fn()} onReviewed={onReviewed} />);
    await waitFor(() => expect(screen.getByRole('article', { name: 'Card' }).textContent).toContain('What grows?'));
    expect(screen.getByTestId('review-remaining').textContent).toBe('2 due');
    expect(screen.queryByLabelText('Answer')).toBeNull();
    // Grades are ignored until the answer is shown.
    fireEvent.keyDown(window, { key: '3' });
    expect(api.calls.filter(([m]) => m === 'review.grade')).toHaveLength(0);

    fireEvent.keyDown(window, { key: ' ' });
    const answer = screen.getByLabelText('Answer');
    expect(answer.querySelector('strong')?.textContent).toBe('queue');
    expect(screen.getByRole('button', { name: /Good/ }).textContent).toContain('in 3 days');

    fireEvent.keyDown(window, { key: '3' });
    // The next card shows at once: no key is lost while the grade is saved.
    expect(screen.getByRole('article', { name: 'Card' }).textContent).toContain('Name a remedy.');
    await waitFor(() => expect(screen.getByTestId('review-last').textContent).toMatch(/Good — next review of “Backpressure” in 3 days/));
    expect(api.calls.filter(([m]) => m === 'review.grade')).toEqual([['review.grade', { cardId: 'c1', grade: 3 }]]);
    expect(onReviewed).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('review-remaining').textContent).toBe('1 due');
    expect(screen.getByRole('article', { name: 'Card' }).textContent).toContain('Name a remedy.');
    expect(screen.queryByLabelText('Answer')).toBeNull();

    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(screen.getByText(/Next card due in 3 days/)).toBeTruthy());
    expect(screen.getByText(/Nothing due right now/)).toBeTruthy();
    expect(screen.getByTestId('review-last').textContent).toMatch(/Again — next review .* tomorrow/);
    expect(api.calls.filter(([m]) => m === 'review.grade')).toHaveLength(2);
  });

  it('does not take keys typed into a field', async () => {
    const api = reviewApi();
    render(
      <>
        <input aria-label="elsewhere" />
        <ReviewView api={api} onNavigate={vi.fn()} />
      </>,
    );
    await waitFor(() => expect(screen.getByRole('article', { name: 'Card' })).toBeTruthy());
    fireEvent.keyDown(screen.getByLabelText('elsewhere'), { key: ' ' });
    expect(screen.queryByLabelText('Answer')).toBeNull();
  });
});

describe('ReviewSession', () => {
  it('ends with a summary (cards, time, Again count, next due) and takes the last answer back with Ctrl+Z', async () => {
    let due = [card('c1', 'What grows?', 'The'), card('c2', 'Name a remedy.', 'Throttle the')];
    const graded: string[] = [];
    const api = fakeApi({
      'review.due': () => ({ cards: due, total: due.length, nextDue: inDays(1), limited: 0 }),
      'review.grade': ({ cardId, grade }) => {
        graded.push(cardId);
        due = due.filter((c) => c.id !== cardId);
        return { cardId, due: inDays(1), scheduledDays: 1, remaining: due.length, leech: grade === 1 };
      },
      'review.undo': () => {
        const id = graded.pop() ?? '';
        due = [card(id, 'What grows?', 'The'), ...due];
        return { undone: 'answer', cardId: id };
      },
    });
    render(<ReviewView api={api} onNavigate={vi.fn()} />);
    await waitFor(() => expect(screen.getByRole('article', { name: 'Card' }).textContent).toContain('What grows?'));
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: '1' });
    expect((await screen.findByTestId('review-notice')).textContent).toMatch(/leech and suspended/);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('review-notice').textContent).toBe('Your last answer was taken back.'));
    await waitFor(() => expect(screen.getByTestId('review-remaining').textContent).toBe('2 due'));
    expect(api.calls.filter(([m]) => m === 'review.undo')).toHaveLength(1);
    for (const key of [' ', '3']) {
      fireEvent.keyDown(window, { key });
    }
    await waitFor(() => expect(screen.getByRole('article', { name: 'Card' }).textContent).toContain('Name a remedy.'));
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: '1' });
    const summary = await screen.findByTestId('review-summary');
    expect(summary.textContent).toMatch(/Cards2Time1 minAgain1Next duetomorrow/);
  });
});

describe('RetentionChart', () => {
  it('draws one bar per day with reviews and says the overall retention', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: `2024-05-${String(i + 1).padStart(2, '0')}`, reviews: i === 10 ? 4 : i === 29 ? 2 : 0, recalled: i === 10 ? 3 : i === 29 ? 1 : 0 }));
    const { container } = render(<RetentionChart days={days} />);
    expect(container.querySelectorAll('rect.bar-reviews')).toHaveLength(2);
    expect(container.querySelectorAll('circle.dot-retention')).toHaveLength(2);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Retention, last 30 days: 67% of 6 reviews recalled');
  });
});

describe('StaleBanner', () => {
  it('flags a changed topic of the open doc, shows its word diff and accepts it', async () => {
    let accepted = false;
    const api = fakeApi({
      'review.stale': () => ({ topics: accepted ? [] : [{ topicId: 'docs/q.md#backpressure', title: 'Backpressure', doneAt: '2024-05-01T10:00:00.000Z', status: 'changed', docPath: 'docs/q.md' }, { topicId: 'docs/other.md#x', title: 'X', doneAt: '2024-05-01T10:00:00.000Z', status: 'changed', docPath: 'docs/other.md' }] }),
      'review.diff': ({ topicId }) => ({ topicId, title: 'Backpressure', doneAt: '2024-05-01T10:00:00.000Z', status: 'changed', parts: [{ kind: 'same', text: 'The queue grows ' }, { kind: 'removed', text: 'slowly' }, { kind: 'added', text: 'without bound' }] }),
      'review.acceptChange': ({ topicId }) => {
        accepted = true;
        return { topicId, hash: 'h' };
      },
    });
    render(<StaleBanner api={api} path="docs/q.md" version={0} />);
    await waitFor(() => expect(screen.getByTestId('stale-banner').textContent).toContain('“Backpressure” changed since you finished it'));
    expect(screen.getByTestId('stale-banner').textContent).not.toContain('“X”');
    fireEvent.click(screen.getByRole('button', { name: 'Show changes' }));
    await waitFor(() => expect(screen.getByLabelText('Changes since you finished it').querySelector('ins')?.textContent).toBe('without bound'));
    expect(screen.getByLabelText('Changes since you finished it').querySelector('del')?.textContent).toBe('slowly');
    fireEvent.click(screen.getByRole('button', { name: 'I have re-read it' }));
    await waitFor(() => expect(screen.queryByTestId('stale-banner')).toBeNull());
  });
});
