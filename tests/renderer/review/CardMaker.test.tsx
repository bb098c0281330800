import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserCard } from '../../../src/core/api/reviewApi';
import type { Topic } from '../../../src/core/hub/types';
import { CardMaker } from '../../../src/renderer/src/components/review/CardMaker';
import { fakeApi } from '../fakeApi';

afterEach(cleanup);

// The scroll position says "Technologies"; the selection is under its subsection "Docker".
const technologies: Topic = { id: 'docs/t.md#technologies', docPath: 'docs/t.md', slug: 'technologies', title: 'Technologies', depth: 2, parentId: null, line: 1 };

function api() {
  return fakeApi({
    'notes.list': () => ({ notes: [] }) as never,
    'review.createCard': (input) => ({ id: 'u1', topicId: input.topicId, question: input.question, answer: input.answer, source: input.source, noteId: null, createdAt: '', updatedAt: '', deleted: false }) satisfies UserCard,
  });
}

function page(a: ReturnType<typeof api>) {
  return render(
    <div className="content" style={{ overflow: 'auto', height: '200px' }} data-testid="content">
      <CardMaker api={a} topic={technologies} />
      <article className="reader">
        <h2 id="technologies">Technologies</h2>
        <p>Tools we use.</p>
        <h3 id="docker">Docker</h3>
        <p data-testid="docker-para">Docker packages an app into an image.</p>
        <p data-testid="twice">
          An <em>image</em> holds layers; a container runs an image.
        </p>
      </article>
    </div>,
  );
}

function select(words: string, where: { testId: string; last: boolean } = { testId: 'docker-para', last: false }): void {
  const para = screen.getByTestId(where.testId);
  const text = (where.last ? para.lastChild : para.firstChild) as Text;
  const at = where.last ? (text.textContent ?? '').lastIndexOf(words) : (text.textContent ?? '').indexOf(words);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + words.length);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

const press = (name: string): void => {
  const button = screen.getByRole('button', { name });
  fireEvent.mouseDown(button);
  fireEvent.click(button);
};

describe('CardMaker', () => {
  it('gives the card to the topic where the selection is, keeps the scroll, and selects the passage again', async () => {
    const a = api();
    page(a);
    const content = screen.getByTestId('content');
    content.scrollTop = 480;
    select('packages an app');
    press('Make a card');
    const form = screen.getByRole('form', { name: 'Make a review card' });
    expect(form.className).toContain('card-maker-floating');
    expect(screen.getByTestId('card-owner').textContent).toBe('Belongs to “Docker”.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Answer (markdown)').value).toBe('packages an app');
    expect(document.activeElement).toBe(screen.getByLabelText('Question'));
    expect(content.scrollTop).toBe(480);
    fireEvent.change(screen.getByLabelText('Question'), { target: { value: 'What does Docker do?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add card' }));
    await screen.findByText('Card added to “Docker”.');
    expect(a.calls).toContainEqual(['review.createCard', { topicId: 'docs/t.md#docker', question: 'What does Docker do?', answer: 'packages an app', source: 'passage', noteId: null }]);
    await waitFor(() => expect(window.getSelection()?.toString()).toBe('packages an app'));
    expect(content.scrollTop).toBe(480);
  });

  it('makes a cloze: the selected words become the blank', async () => {
    const a = api();
    page(a);
    select('image');
    press('Make a cloze');
    expect(screen.getByRole('form', { name: 'Make a cloze card' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Question').value).toBe('Docker packages an app into an **[…]**.');
    fireEvent.click(screen.getByRole('button', { name: 'Add card' }));
    await screen.findByText('Card added to “Docker”.');
    expect(a.calls).toContainEqual(['review.createCard', expect.objectContaining({ topicId: 'docs/t.md#docker', source: 'cloze', answer: '**image**\n\nDocker packages an app into an **image**.' })]);
  });

  it('hides the copy of a word that was selected, not an earlier one', () => {
    const a = api();
    page(a);
    select('image', { testId: 'twice', last: true });
    press('Make a cloze');
    expect(screen.getByLabelText<HTMLInputElement>('Question').value).toBe('An image holds layers; a container runs an **[…]**.');
  });

  it('asks for a selection before a cloze, and Escape closes the form', () => {
    page(api());
    window.getSelection()?.removeAllRanges();
    press('Make a cloze');
    expect(screen.getByRole('status').textContent).toMatch(/Select the words to hide/);
    press('Make a card');
    expect(screen.getByTestId('card-owner').textContent).toBe('Belongs to “Technologies”.');
    fireEvent.keyDown(screen.getByLabelText('Question'), { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
  });
});
