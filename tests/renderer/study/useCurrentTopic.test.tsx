import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topic } from '../../../src/core/hub/types';
import { useCurrentTopic } from '../../../src/renderer/src/components/study/useCurrentTopic';

const topic = (slug: string, line: number): Topic => ({ id: `d.md#${slug}`, docPath: 'd.md', slug, title: slug, depth: 2, parentId: null, line });
const topics = [topic('intro', 1), topic('setup', 5), topic('next', 9)];

function Probe({ slug }: { slug: string | null }) {
  const current = useCurrentTopic(topics, slug);
  return <p data-testid="current">{current?.slug ?? 'none'}</p>;
}

/** Lays out a content pane 0-700 px with the headings at the given tops, then scrolls it. */
async function scrollWith(tops: Record<string, number>): Promise<void> {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const top = this.classList.contains('content') ? 0 : (tops[this.id] ?? 0);
    const bottom = this.classList.contains('content') ? 700 : top + 20;
    return { top, bottom, left: 0, right: 800, width: 800, height: bottom - top, x: 0, y: top, toJSON: () => ({}) };
  });
  await act(async () => {
    document.querySelector('.content')?.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  });
}

function mount(slug: string | null): void {
  render(
    <div className="content">
      <div className="bars" style={{ position: 'sticky', top: 0 }} />
      <div className="reader-layout" />
      <h2 id="intro">intro</h2>
      <h2 id="setup">setup</h2>
      <h2 id="next">next</h2>
      <Probe slug={slug} />
    </div>,
  );
}

describe('useCurrentTopic', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('follows scrolling: the last heading above the line', async () => {
    mount(null);
    await scrollWith({ intro: -400, setup: 40, next: 600 });
    expect(screen.getByTestId('current').textContent).toBe('setup');
    await scrollWith({ intro: -400, setup: 150, next: 600 });
    expect(screen.getByTestId('current').textContent).toBe('intro');
  });

  // CI failures (study.spec, review-cards.spec): the bars above the text shrank, scroll anchoring
  // kept the text still, and the heading opened by link sat just under the line: the toolbar, the
  // cards and the notes pane switched to the topic before it.
  it('keeps the topic opened by link while its heading is in the top third of the reading area', async () => {
    mount('setup');
    expect(screen.getByTestId('current').textContent).toBe('setup');
    await scrollWith({ intro: -400, setup: 150, next: 600 });
    expect(screen.getByTestId('current').textContent).toBe('setup');
    // Scrolled well up into the section before: that one is being read.
    await scrollWith({ intro: -100, setup: 500, next: 900 });
    expect(screen.getByTestId('current').textContent).toBe('intro');
    // Scrolled past it: the next one.
    await scrollWith({ intro: -900, setup: -500, next: 50 });
    expect(screen.getByTestId('current').textContent).toBe('next');
  });
});
