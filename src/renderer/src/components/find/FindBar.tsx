import './find.css';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useUiCommand } from '../../hooks/useUiCommand';
import { findInSegments } from './findText';

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

const ALL = 'find-match';
const CURRENT = 'find-current';
/** Where find looks: the reader column (a doc, the API reference, the dashboard...). */
const ROOT = 'main.content';
// Diagram labels are SVG text and are searched too; an SVG's <title>/<desc> is not shown.
const SKIP = 'script, style, svg title, svg desc, textarea, input, .find-bar, [aria-hidden="true"]';
/** More matches than this are counted as "5000+" (the page stays responsive on a one-letter query). */
const LIMIT = 5000;

function registry(): { reg: HighlightRegistry; Highlight: HighlightCtor } | null {
  const reg = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return reg !== undefined && Highlight !== undefined ? { reg, Highlight } : null;
}

/** The visible text nodes of `root`, in document order. */
function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement === null || n.parentElement.closest(SKIP) !== null ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const out: Text[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    out.push(n as Text);
  }
  return out;
}

/** The ranges of `query` in the page's reader column. */
function findRanges(query: string): Range[] {
  const root = document.querySelector(ROOT);
  if (root === null) {
    return [];
  }
  const nodes = textNodes(root);
  return findInSegments(
    nodes.map((n) => n.data),
    query,
    LIMIT + 1,
  ).flatMap((m) => {
    const start = nodes[m.startSeg];
    const end = nodes[m.endSeg];
    if (start === undefined || end === undefined) {
      return [];
    }
    const range = document.createRange();
    range.setStart(start, m.startOff);
    range.setEnd(end, m.endOff);
    return [range];
  });
}

/**
 * Ctrl/Cmd+F in both hosts: a find bar over the reader with a match count, next and previous
 * (Enter, Shift+Enter, F3), highlights drawn with the CSS Custom Highlight API (the page's DOM is
 * left alone), and Esc to close. It only reads text: it never follows a link or runs anything.
 */
export function FindBar() {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [current, setCurrent] = useState(0);
  const [tick, setTick] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const before = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    if (document.querySelector('[aria-modal="true"]') !== null) {
      // A dialog is open (it keeps the keyboard): a bar behind it could not be reached.
      return;
    }
    if (!open && document.activeElement instanceof HTMLElement) {
      before.current = document.activeElement;
    }
    setOpen(true);
    window.setTimeout(() => input.current?.select(), 0);
  }, [open]);
  useUiCommand('find-in-page', show);

  const close = (): void => {
    setOpen(false);
    const back = before.current;
    if (back !== null && back.isConnected) {
      back.focus();
    }
  };

  // Search again when the query changes or the page does (another doc, a diagram drawn).
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const root = document.querySelector(ROOT);
    if (root === null) {
      return undefined;
    }
    let timer = 0;
    const mo = new MutationObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setTick((t) => t + 1), 250);
    });
    mo.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      mo.disconnect();
      window.clearTimeout(timer);
    };
  }, [open]);

  // The page's text as last committed (re-read when it changes: `tick`).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tick is the page's change signal
  const found = useMemo(() => (open ? findRanges(q) : []), [open, q, tick]);
  const capped = found.length > LIMIT;
  const ranges = useMemo(() => (found.length > LIMIT ? found.slice(0, LIMIT) : found), [found]);
  const index = ranges.length === 0 ? 0 : Math.min(current, ranges.length - 1);

  // Paint the highlights and bring the current match into view.
  useEffect(() => {
    const hl = registry();
    if (!open || hl === null) {
      return undefined;
    }
    const cur = ranges[index];
    hl.reg.set(ALL, new hl.Highlight(...ranges));
    if (cur !== undefined) {
      hl.reg.set(CURRENT, new hl.Highlight(cur));
    } else {
      hl.reg.delete(CURRENT);
    }
    return () => {
      hl.reg.delete(ALL);
      hl.reg.delete(CURRENT);
    };
  }, [open, ranges, index]);

  useEffect(() => {
    const cur = ranges[index];
    const el = cur?.startContainer.parentElement;
    if (!open || cur === undefined || el === null || el === undefined) {
      return;
    }
    // A match inside a closed <details> is opened, as the browser's own find does.
    for (let d = el.closest('details:not([open])'); d !== null; d = d.parentElement?.closest('details:not([open])') ?? null) {
      (d as HTMLDetailsElement).open = true;
    }
    const r = cur.getBoundingClientRect();
    if (r.top < 80 || r.bottom > window.innerHeight - 40 || (r.width === 0 && r.height === 0)) {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [open, ranges, index]);

  if (!open) {
    return null;
  }
  const step = (by: number): void => {
    if (ranges.length > 0) {
      setCurrent((index + by + ranges.length) % ranges.length);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const count = q.trim() === '' ? '' : ranges.length === 0 ? 'No matches' : `${index + 1} of ${ranges.length}${capped ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in page" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}>
      <input
        ref={input}
        type="search"
        aria-label="Find in page"
        placeholder="Find in page"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <span className="find-count" role="status" aria-live="polite" data-testid="find-count">
        {count}
      </span>
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={ranges.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={ranges.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find bar" title="Close (Esc)" onClick={close}>
        ✕
      </button>
    </div>
  );
}
