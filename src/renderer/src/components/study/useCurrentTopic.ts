/** Which topic of the open doc the learner is reading: the last H1-H3 scrolled past the top. */
import { useEffect, useState } from 'react';
import type { Topic } from '../../../../core/hub/types';

/** Follows scrolling of `.content` and returns the current topic (the route's slug first). */
export function useCurrentTopic(topics: readonly Topic[], slug: string | null): Topic | null {
  const initial = topics.find((t) => t.slug === slug) ?? topics[0] ?? null;
  const [current, setCurrent] = useState<Topic | null>(initial);
  const [basis, setBasis] = useState({ topics, slug });
  if (basis.topics !== topics || basis.slug !== slug) {
    setBasis({ topics, slug });
    setCurrent(initial);
  }

  useEffect(() => {
    const container = document.querySelector('.content');
    if (container === null) {
      return undefined;
    }
    let frame = 0;
    const onScroll = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // A heading counts as reached a little below where scrolling to it puts it (its scroll margin).
        const first = topics.length > 0 ? document.getElementById(topics[0]?.slug ?? '') : null;
        const margin = first !== null ? parseFloat(window.getComputedStyle(first).scrollMarginTop) || 0 : 0;
        const top = container.getBoundingClientRect().top + Math.max(90, margin + 24);
        let found: Topic | null = null;
        for (const t of topics) {
          const el = document.getElementById(t.slug);
          if (el !== null && el.getBoundingClientRect().top <= top) {
            found = t;
          }
        }
        setCurrent(keepOpened(topics, slug, found, top, container.getBoundingClientRect().bottom) ?? found ?? topics[0] ?? null);
      });
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      container.removeEventListener('scroll', onScroll);
    };
  }, [topics, slug]);
  return current;
}

/**
 * The topic opened by link when a layout shift, not the learner, moved its heading just below the
 * line: the bars above the text grow or shrink as cards, toolbars and forms open, and the browser's
 * scroll anchoring keeps the text still meanwhile, leaving a gap under the bars. While that heading
 * is still in the top third of the reading area (160 px at least), the topic before it is not what
 * is being read.
 */
function keepOpened(topics: readonly Topic[], slug: string | null, found: Topic | null, line: number, bottom: number): Topic | null {
  const opened = slug === null ? -1 : topics.findIndex((t) => t.slug === slug);
  if (opened < 0 || (found !== null && topics.indexOf(found) >= opened)) {
    return null;
  }
  const top = document.getElementById(slug ?? '')?.getBoundingClientRect().top;
  // A tall stack of bars (an open card editor) leaves a short reading area: then 160 px.
  return top !== undefined && top > line && top < line + Math.max((bottom - line) / 3, 160) ? (topics[opened] ?? null) : null;
}
