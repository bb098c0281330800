/**
 * "On this page": the headings of the open doc, with the one in view highlighted as the learner
 * scrolls. A rail beside the text where the reader is wide; a bar above it that folds the list
 * into a drop-down where it is narrow.
 */
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Topic } from '../../../../core/hub/types';
import { keepInView } from '../../readerScroll';
import { activeEntry, outlineEntries } from './outlineModel';
import './outline.css';

type Props = {
  topics: readonly Topic[];
  /** The slug of the topic in view. */
  currentSlug: string | null;
  /** The href of a heading (so a link can be copied or opened like any other). */
  hrefOf: (slug: string) => string;
  onSelect: (slug: string) => void;
  /** Rail beside the text (wide) or bar above it (narrow). */
  wide: boolean;
};

/** The outline; nothing for a doc with fewer than two headings. */
export function Outline({ topics, currentSlug, hrefOf, onSelect, wide }: Props) {
  const entries = useMemo(() => outlineEntries(topics), [topics]);
  const active = activeEntry(entries, currentSlug);
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Keep the highlighted heading visible in a long outline (scrolls the outline only).
    const el = active !== null ? listRef.current?.querySelector<HTMLElement>('[aria-current="location"]') : null;
    if (el !== null && el !== undefined) {
      keepInView(el);
    }
  }, [active, open, wide]);

  if (entries.length < 2) {
    return null;
  }
  const select = (e: MouseEvent, slug: string): void => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    setOpen(false);
    onSelect(slug);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && open && !wide) {
      e.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    }
  };
  const listShown = wide || open;
  return (
    <nav
      className={`outline ${wide ? 'outline-wide' : 'outline-narrow'}${open ? ' open' : ''}`}
      aria-label="On this page"
      onKeyDown={onKeyDown}
    >
      {wide ? (
        <p className="outline-title">On this page</p>
      ) : (
        <button ref={toggleRef} type="button" className="outline-toggle" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          <span className="outline-toggle-label">On this page</span>
          {active !== null && <span className="outline-toggle-current">{active.title}</span>}
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
      )}
      {listShown && (
        <ul className="outline-list" ref={listRef}>
          {entries.map((entry) => (
            <li key={entry.slug} className={`outline-level-${Math.min(entry.level, 3)}`}>
              <a
                href={hrefOf(entry.slug)}
                aria-current={entry === active ? 'location' : undefined}
                className={entry === active ? 'active' : undefined}
                onClick={(e) => select(e, entry.slug)}
              >
                {entry.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
