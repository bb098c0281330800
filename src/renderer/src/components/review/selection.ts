/** What "Make a card" reads from the reader's selection, and how it puts the selection back. */
import type { Topic } from '../../../../core/hub/types';

/** The selected passage, where it is, and how to get back there. */
export type Capture = {
  /** The selected text ('' when nothing in the reader is selected). */
  passage: string;
  /** The text of the paragraph (or list item, cell...) holding the selection: a cloze's context. */
  block: string;
  /** Where the selection starts in `block` (null: unknown), so a cloze hides the words selected, not an earlier copy. */
  offset: number | null;
  /** The topic whose section holds the selection (null: no selection, or no doc open). */
  topic: { id: string; title: string } | null;
  range: Range | null;
  /** Puts the reader's scroll position back where it was. */
  restoreScroll: () => void;
};

const BLOCKS = 'p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, pre';

/** The H1-H3 heading at or before `node` in `reader`: the section the node is in. */
function sectionHeading(reader: Element, node: Node): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const h of reader.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id]')) {
    if (h === node || h.contains(node) || (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) {
      found = h;
    } else {
      break;
    }
  }
  return found;
}

/** Reads the reader's selection now; `fallback` is the topic being read (its doc gives the topic id). */
export function captureSelection(fallback: Topic | null): Capture {
  const sel = window.getSelection();
  const range = sel !== null && sel.rangeCount > 0 ? sel.getRangeAt(0).cloneRange() : null;
  const node = sel?.anchorNode ?? null;
  const el = node === null ? null : node instanceof Element ? node : node.parentElement;
  const reader = el?.closest('.reader') ?? document.querySelector('.reader');
  const scroller = reader?.closest('.content') ?? document.scrollingElement;
  const top = scroller?.scrollTop ?? 0;
  const restoreScroll = (): void => {
    if (scroller !== null && scroller !== undefined) {
      scroller.scrollTop = top;
    }
  };
  const inReader = el !== null && el.closest('.reader') !== null && reader !== null;
  if (!inReader || node === null) {
    return { passage: '', block: '', offset: null, topic: null, range: null, restoreScroll };
  }
  const heading = sectionHeading(reader, node);
  const topic = heading !== null && fallback !== null ? { id: `${fallback.docPath}#${heading.id}`, title: heading.textContent.trim() } : null;
  const block = el.closest(BLOCKS);
  return { passage: sel?.toString().trim() ?? '', block: block?.textContent ?? '', offset: offsetIn(block, range), topic, range, restoreScroll };
}

/** Characters of `block`'s text before the selection's first selected character. */
function offsetIn(block: Element | null, range: Range | null): number | null {
  if (block === null || range === null || !block.contains(range.startContainer)) {
    return null;
  }
  const before = document.createRange();
  before.selectNodeContents(block);
  before.setEnd(range.startContainer, range.startOffset);
  // A selection that starts on whitespace starts, as selected text, after it (the passage is trimmed).
  const lead = /^\s*/.exec(range.toString())?.[0].length ?? 0;
  return before.toString().length + lead;
}

/** Selects the captured passage again. */
export function restoreSelection(c: Capture | null): void {
  const sel = window.getSelection();
  if (c?.range === null || c === null || sel === null) {
    return;
  }
  sel.removeAllRanges();
  sel.addRange(c.range);
}
