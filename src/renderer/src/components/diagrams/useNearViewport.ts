/** Whether an element has come near the viewport (once true, stays true). */
import { type RefObject, useEffect, useState } from 'react';

/** How far ahead of the viewport diagrams start rendering (px). */
const MARGIN = 800;

/** True once `ref` is within MARGIN px of the viewport: long docs draw only what is read. */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || el === null) {
      return undefined;
    }
    const rect = el.getBoundingClientRect();
    if (typeof IntersectionObserver === 'undefined' || (rect.top < window.innerHeight + MARGIN && rect.bottom > -MARGIN)) {
      setNear(true);
      return undefined;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
        }
      },
      { rootMargin: `${MARGIN}px 0px` },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [ref, near]);
  return near;
}
