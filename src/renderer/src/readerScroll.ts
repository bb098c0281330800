/**
 * Where the reader is scrolled, kept in each history entry (history.state), so back and forward
 * (and a reload) return to the place the learner left; and small helpers that scroll the reader
 * or a pane without moving the panes around them.
 */

/**
 * What a history entry remembers: the scroll position of the view at `hash`, measured from the
 * top of the doc's text (so banners above it that load at another pace do not shift it).
 */
type Remembered = { hash: string; top: number };

const KEY = 'nexusScroll';

/** The reader's scrolling element (the content pane). */
export function contentScroller(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.main > .content');
}

function stateObject(): Record<string, unknown> {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

/** Where the doc's text starts in the content pane's scrolled content (0 without a doc). */
function textOffset(scroller: HTMLElement): number {
  const text = scroller.querySelector('article.reader');
  return text === null ? 0 : text.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/** Records the content pane's scroll position in the current history entry. */
export function rememberScroll(): void {
  const scroller = contentScroller();
  if (scroller === null) {
    return;
  }
  const remembered: Remembered = { hash: window.location.hash, top: Math.round(scroller.scrollTop - textOffset(scroller)) };
  const previous = stateObject()[KEY] as Remembered | undefined;
  if (previous?.hash === remembered.hash && previous.top === remembered.top) {
    return;
  }
  try {
    window.history.replaceState({ ...stateObject(), [KEY]: remembered }, '');
  } catch {
    // A browser that throttles history updates: the position is simply not remembered.
  }
}

/** The scroll position this history entry remembers, or null for an entry never scrolled or left. */
export function rememberedScroll(): number | null {
  const value = stateObject()[KEY] as Partial<Remembered> | undefined;
  return value !== undefined && value.hash === window.location.hash && typeof value.top === 'number' && Number.isFinite(value.top)
    ? value.top
    : null;
}

/** Scrolls the reader to a heading (by its element id) or, for null, to the top. */
export function scrollReaderTo(elementId: string | null): void {
  if (elementId === null) {
    contentScroller()?.scrollTo({ top: 0 });
    return;
  }
  document.getElementById(elementId)?.scrollIntoView({ block: 'start' });
}

/** The nearest ancestor that scrolls vertically, short of the reader's own pane. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  const reader = contentScroller();
  for (let p = el.parentElement; p !== null && p !== reader; p = p.parentElement) {
    const { overflowY } = window.getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) {
      return p;
    }
  }
  return null;
}

/**
 * Scrolls `el`'s own pane (the sidebar, the outline; never the reader) so `el` is in view, leaving
 * it alone when it already is.
 */
export function keepInView(el: HTMLElement): void {
  const pane = scrollParent(el);
  if (pane === null) {
    return;
  }
  const box = el.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  const margin = Math.min(48, view.height / 4);
  if (box.top < view.top) {
    pane.scrollTop += box.top - view.top - margin;
  } else if (box.bottom > view.bottom) {
    pane.scrollTop += box.bottom - view.bottom + margin;
  }
}

/**
 * Puts the reader back at `remembered` (from the top of the doc's text). Content that loads late
 * (images, diagrams) may make the doc too short for that at first: the position is applied again
 * as the doc grows, until it is reached or the learner scrolls. Returns a cleanup.
 */
export function restoreScroll(scroller: HTMLElement, content: HTMLElement | null, remembered: number): () => void {
  const apply = (): boolean => {
    const top = Math.max(0, remembered + textOffset(scroller));
    const before = scroller.scrollTop;
    scroller.scrollTop = top;
    if (scroller.scrollTop === before) {
      // Placed again after the bars above settled, at the same offset: no scroll event comes, but
      // what follows scrolling (the topic in view, whose threshold moved with the bars) must look again.
      scroller.dispatchEvent(new Event('scroll'));
    }
    return scroller.scrollTop >= top - 1;
  };
  if (apply() || content === null || typeof ResizeObserver === 'undefined') {
    return () => undefined;
  }
  const stop = (): void => {
    observer.disconnect();
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart']) {
      scroller.removeEventListener(type, stop);
    }
  };
  const observer = new ResizeObserver(() => {
    if (apply()) {
      stop();
    }
  });
  observer.observe(content);
  for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart']) {
    scroller.addEventListener(type, stop, { passive: true });
  }
  return stop;
}

/** Records the reader's position in the history entry shortly after each scroll. Returns a cleanup. */
export function followScroll(scroller: HTMLElement): () => void {
  let timer = 0;
  const onScroll = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(rememberScroll, 200);
  };
  // A pending record must not land on the entry the app has just moved to.
  const onHash = (): void => window.clearTimeout(timer);
  scroller.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('hashchange', onHash);
  return () => {
    window.clearTimeout(timer);
    scroller.removeEventListener('scroll', onScroll);
    window.removeEventListener('hashchange', onHash);
  };
}
