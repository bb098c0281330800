/**
 * The height of the bars that stick to the top of the content pane above the reader (progress,
 * card toolbar, cards): the outline sticks just below them instead of sliding under them.
 */
import { type RefObject, useEffect, useState } from 'react';

/** The bottom of the sticky bars before `ref` in its scrolling pane, in px from the pane's top. */
function stackBottom(el: HTMLElement): number {
  const pane = el.parentElement;
  if (pane === null) {
    return 0;
  }
  let bottom = 0;
  for (const child of Array.from(pane.children)) {
    if (child === el) {
      break;
    }
    const style = window.getComputedStyle(child);
    if (style.position === 'sticky' && style.display !== 'none') {
      bottom = Math.max(bottom, (parseFloat(style.top) || 0) + (child as HTMLElement).offsetHeight);
    }
  }
  return Math.round(bottom);
}

/** Tracks the sticky stack above the element at `ref` (mounted once `ready`). */
export function useStickyTop(ref: RefObject<HTMLElement | null>, ready: boolean): number {
  const [top, setTop] = useState(0);
  useEffect(() => {
    const el = ref.current;
    const pane = el?.parentElement;
    if (el === null || el === undefined || pane === null || pane === undefined) {
      return undefined;
    }
    const measure = (): void => setTop(stackBottom(el));
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const observer = new ResizeObserver(measure);
    for (const child of Array.from(pane.children)) {
      observer.observe(child);
    }
    return () => observer.disconnect();
  }, [ref, ready]);
  return top;
}
