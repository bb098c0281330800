import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopicCard } from '../../../src/core/api/reviewApi';
import type { Topic } from '../../../src/core/hub/types';
import { TopicCards } from '../../../src/renderer/src/components/review/TopicCards';
import { fakeApi } from '../fakeApi';

const topic: Topic = { id: 'docs/a.md#setup', docPath: 'docs/a.md', slug: 'setup', title: 'Setup', depth: 2, parentId: null, line: 3 };
const inTwoDays = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();

const card = (c: Partial<TopicCard> & Pick<TopicCard, 'id' | 'kind' | 'question'>): TopicCard => ({ answer: 'A', due: null, reps: 0, lapses: 0, userCardId: null, status: 'suggested', active: false, suspended: false, leech: false, edited: false, ...c });

/** The topic's cards, as the back end would hold them: deleteCard, decide and editCard change them. */
function cardsApi(needsReview = false) {
  const cards: TopicCard[] = [
    card({ id: 'check:docs/a.md#setup:0', kind: 'check', question: 'What does pip install?', due: inTwoDays, reps: 2, status: 'accepted', active: true }),
    card({ id: 'user:u1', kind: 'user', question: 'Why a virtualenv?', userCardId: 'u1', status: 'own', active: true }),
    card({ id: 'h1', kind: 'heading', question: 'What is a wheel?', answer: 'A built package.' }),
    card({ id: 'h2', kind: 'qa', question: 'Why pin versions?', answer: 'Repeatable installs.' }),
    card({ id: 'h3', kind: 'table', question: 'What is PEP 8?', answer: 'Style guide.', status: 'dismissed' }),
  ];
  const api = fakeApi({
    'review.cards': ({ topicId }) => ({ cards: topicId === topic.id ? [...cards] : [], skipped: [], needsReview }),
    'review.due': () => ({ cards: [], total: 0, nextDue: null, limited: 0 }),
    'review.deleteCard': ({ id }) => {
      const i = cards.findIndex((c) => c.userCardId === id);
      if (i >= 0) {
        cards.splice(i, 1);
      }
      return { deleted: i >= 0 };
    },
    'review.decide': ({ cardIds, status }) => {
      for (const c of cards) {
        if (cardIds.includes(c.id)) {
          c.status = status;
          c.active = status === 'accepted';
        }
      }
      return { changed: cardIds.length };
    },
    'review.editCard': ({ cardId, question, answer }) => {
      const c = cards.find((x) => x.id === cardId);
      if (c === undefined) {
        throw new Error('no card');
      }
      Object.assign(c, { question, answer, status: 'accepted', active: true, edited: true });
      return c;
    },
  });
  return { cards, api };
}

afterEach(cleanup);

describe('TopicCards', () => {
  it('lists the topic’s cards with kind and next due date', async () => {
    const { api } = cardsApi();
    render(<TopicCards api={api} topic={topic} />);
    expect(await screen.findByText(/Cards \(4\) · 2 suggested/)).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Review cards of this topic' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/What does pip install\?.*Check yourself · due in 2 days/),
      expect.stringMatching(/Why a virtualenv\?.*Yours · new, not reviewed yet/),
      expect.stringMatching(/What is a wheel\?.*Question heading · suggested/),
      expect.stringMatching(/Why pin versions\?.*Q\/A pair · suggested/),
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
    await screen.findByText(/Cards \(3\)/);
    expect(api.calls).toContainEqual(['review.deleteCard', { id: 'u1' }]);
    expect(cards.map((c) => c.id)).toEqual(['check:docs/a.md#setup:0', 'h1', 'h2', 'h3']);
    expect(screen.queryByText('Why a virtualenv?')).toBeNull();
    expect(changed).toBe(1);
  });

  it('reads the list again when the version changes, and shows nothing for a topic without cards', async () => {
    const { api, cards } = cardsApi();
    const { rerender, container } = render(<TopicCards api={api} topic={topic} version={0} />);
    await screen.findByText(/Cards \(4\)/);
    cards.push(card({ id: 'user:u2', kind: 'user', question: 'New one?', userCardId: 'u2', status: 'own', active: true }));
    rerender(<TopicCards api={api} topic={topic} version={1} />);
    await screen.findByText(/Cards \(5\)/);
    rerender(<TopicCards api={api} topic={{ ...topic, id: 'docs/a.md#other', slug: 'other' }} version={1} />);
    await waitFor(() => expect(container.textContent).toBe(''));
  });

  it('accepts one suggestion, edits one before accepting it, dismisses one, and restores a dismissed one', async () => {
    const { api, cards } = cardsApi();
    render(<TopicCards api={api} topic={topic} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept card: What is a wheel?' }));
    await waitFor(() => expect(cards.find((c) => c.id === 'h1')?.status).toBe('accepted'));
    expect(api.calls).toContainEqual(['review.decide', { cardIds: ['h1'], status: 'accepted' }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit card: Why pin versions?' }));
    const form = screen.getByRole('form', { name: 'Edit card' });
    fireEvent.change(within(form).getByLabelText('Question'), { target: { value: 'Why pin dependency versions?' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Accept' }));
    await screen.findByText('Why pin dependency versions?');
    expect(api.calls).toContainEqual(['review.editCard', { cardId: 'h2', question: 'Why pin dependency versions?', answer: 'Repeatable installs.' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss card: What is a wheel?' }));
    await screen.findByText('Dismissed (2)');
    fireEvent.click(screen.getByRole('button', { name: 'Restore card: What is PEP 8?' }));
    await screen.findByText('Dismissed (1)');
    expect(cards.find((c) => c.id === 'h3')?.status).toBe('suggested');
  });

  it('accepts all suggestions at once', async () => {
    const { api } = cardsApi();
    render(<TopicCards api={api} topic={topic} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept all 2' }));
    await waitFor(() => expect(api.calls).toContainEqual(['review.decide', { cardIds: ['h1', 'h2'], status: 'accepted' }]));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Accept all/ })).toBeNull());
  });

  it('shows "needs review" on a done topic whose cards are forgotten, and reviews just that topic in one click', async () => {
    const { api } = cardsApi(true);
    render(<TopicCards api={api} topic={topic} />);
    expect((await screen.findByText('needs review')).className).toBe('needs-review-badge');
    fireEvent.click(screen.getByRole('button', { name: 'Review this topic' }));
    await waitFor(() => expect(api.calls).toContainEqual(['review.due', { limit: 50, topicId: topic.id }]));
  });
});
