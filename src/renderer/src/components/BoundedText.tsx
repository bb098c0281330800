import { useState } from 'react';
import './boundedText.css';

/** How much of a back-end message the UI shows before "Show all" (the whole text is in the log). */
export const MESSAGE_MAX = 300;

/** `text` cut to `max` characters with "…" (never splitting a surrogate pair). */
export function boundText(text: string, max = MESSAGE_MAX): string {
  if (text.length <= max) {
    return text;
  }
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) {
    end -= 1;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * A message from the back end, bounded: at most `max` characters, the rest behind "Show all"
 * in a scrolling box, so a huge message (a corrupt database's junk keys) cannot break the layout.
 */
export function BoundedText({ text, max = MESSAGE_MAX }: { text: string; max?: number }) {
  const [open, setOpen] = useState(false);
  if (text.length <= max) {
    return <>{text}</>;
  }
  return (
    <span className="bounded-text">
      {open ? <span className="bounded-text-full">{text}</span> : <span className="bounded-text-short">{boundText(text, max)}</span>}{' '}
      <button type="button" className="link-button bounded-text-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Show less' : `Show all (${text.length.toLocaleString('en-US')} characters)`}
      </button>
    </span>
  );
}
