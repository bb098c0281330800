/** Whether the reader has room for the outline beside the text (measured, not the window's width). */
import { type RefObject, useEffect, useState } from 'react';
import { contentScroller } from '../../readerScroll';

/** Text column (860 px) plus the outline rail (14rem) and some air. */
export const WIDE_READER_PX = 1080;

/** True while the element at `ref` (mounted once `ready`) is at least WIDE_READER_PX wide. */
export function useWideReader(ref: RefObject<HTMLElement | null>, ready: boolean): boolean {
  // First guess from the content pane (mounted already), so the doc does not open narrow then jump.
  const [wide, setWide] = useState(() => (contentScroller()?.clientWidth ?? 0) >= WIDE_READER_PX);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const measure = (): void => setWide(el.getBoundingClientRect().width >= WIDE_READER_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, ready]);
  return wide;
}
