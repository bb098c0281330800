import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopicCard } from '../../../src/core/api/reviewApi';
import type { Topic } from '../../../src/core/hub/types';
import { TopicCards } from '../../../src/renderer/src/components/review/TopicCards';
import { fakeApi } from '../fakeApi';

const topic: Topic = { id: 'docs/a.md#setup', docPath: 'docs/a.md', slug: 'setup', title: 'Setup', depth: 2, parentId: null, line: 3 };
const inTwoDays = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();

/** The topic's cards, as the back end would hold them; deleteCard removes a user card. */
function cardsApi() {
  const cards: TopicCard[] = [
    {
      id: 'check:docs/a.md#setup:0',
      kind: 'check',
      question: 'What does pip install?',
      due: inTwoDays,
      reps: 2,
      lapses: 0,
      userCardId: null,
    },
    { id: 'user:u1', kind: 'user', question: 'Why a virtualenv?', due: null, reps: 0, lapses: 0, userCardId: 'u1' },
  ];
  const api = fakeApi({
    'review.cards': ({ topicId }) => ({ cards: topicId === topic.id ? [...cards] : [], skipped: [] }),
    'review.deleteCard': ({ id }) => {
      const i = cards.findIndex((c) => c.userCardId === id);
      if (i >= 0) {
        cards.splice(i, 1);
      }
      return { deleted: i >= 0 };
    },
  });
  return { cards, api };
}

afterEach(cleanup);

describe('TopicCards', () => {
  it('lists the topic’s cards with kind and next due date', async () => {
    const { api } = cardsApi();
    render(<TopicCards api={api} topic={topic} />);
    expect(await screen.findByText('Cards (2)')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Review cards of this topic' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/What does pip install\?.*Check yourself · due in 2 days/),
      expect.stringMatching(/Why a virtualenv\?.*Yours · new, not reviewed yet/),
    ]);
    // Only the learner's own card can be deleted.
    expect(within(items[0]!).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(within(items[1]!).getByRole('button', { name: 'Delete card: Why a virtualenv?' })).toBeTruthy();
    expect(api.calls).toContainEqual(['review.cards', { topicId: topic.id }]);
  });

  it('deletes the learner’s card only after confirmation', async () => {
    const { api, cards } = cardsApi();
    let changed = 0;
    render(<TopicCards api={api} topic={topic} onChanged={() => (changed += 1)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete card: Why a virtualenv?' }));
    // Asking is not deleting; "Keep" backs out.
    const confirm = screen.getByRole('group', { name: 'Confirm delete' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep' }));
    expect(api.calls.some(([m]) => m === 'review.deleteCard')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Delete card: Why a virtualenv?' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm delete' })).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Cards (1)');
    expect(api.calls).toContainEqual(['review.deleteCard', { id: 'u1' }]);
    expect(cards.map((c) => c.id)).toEqual(['check:docs/a.md#setup:0']);
    expect(screen.queryByText('Why a virtualenv?')).toBeNull();
    expect(changed).toBe(1);
  });

  it('reads the list again when the version changes, and shows nothing for a topic without cards', async () => {
    const { api, cards } = cardsApi();
    const { rerender, container } = render(<TopicCards api={api} topic={topic} version={0} />);
    await screen.findByText('Cards (2)');
    cards.push({ id: 'user:u2', kind: 'user', question: 'New one?', due: null, reps: 0, lapses: 0, userCardId: 'u2' });
    rerender(<TopicCards api={api} topic={topic} version={1} />);
    await screen.findByText('Cards (3)');
    rerender(<TopicCards api={api} topic={{ ...topic, id: 'docs/a.md#other', slug: 'other' }} version={1} />);
    await waitFor(() => expect(container.textContent).toBe(''));
  });
});
