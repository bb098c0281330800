/** Snippets around the best match of a hit, with the matched words as highlight ranges. */
import { type TextWord, textWords } from './tokenize';
import type { Highlighted, HighlightRange, SearchEntry } from './types';

const SNIPPET_CHARS = 180;
const LEAD_CHARS = 40;
const MAX_SCAN_CHARS = 200_000;

/** Ranges of the words of `text` that match one of `terms` (whole word, identifier part or CJK bigram). */
export function matchRanges(text: string, terms: ReadonlySet<string>): HighlightRange[] {
  if (terms.size === 0) {
    return [];
  }
  const ranges: HighlightRange[] = [];
  for (const w of textWords(text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text)) {
    if (matches(w, terms)) {
      const last = ranges[ranges.length - 1];
      if (last !== undefined && last[1] >= w.start) {
        last[1] = Math.max(last[1], w.end);
      } else {
        ranges.push([w.start, w.end]);
      }
    }
  }
  return ranges;
}

function matches(w: TextWord, terms: ReadonlySet<string>): boolean {
  return w.terms.some((t) => terms.has(t));
}

/** The title with its matched words marked. */
export function highlightTitle(title: string, terms: ReadonlySet<string>): Highlighted {
  return { text: title, ranges: matchRanges(title, terms) };
}

/**
 * A window of about 180 characters of the entry's body (or code, when only the code matched)
 * holding the most distinct matched words, cut at word boundaries, with ranges into the window.
 */
export function makeSnippet(entry: Pick<SearchEntry, 'body' | 'code' | 'title'>, terms: ReadonlySet<string>): Highlighted {
  const body = stripLeadingTitle(entry.body, entry.title);
  for (const source of [body, entry.code]) {
    const flat = source.replace(/\s+/g, ' ').trim();
    const ranges = matchRanges(flat, terms);
    if (ranges.length > 0) {
      return window(flat, ranges);
    }
  }
  const flat = body.replace(/\s+/g, ' ').trim();
  return { text: cut(flat, 0, SNIPPET_CHARS), ranges: [] };
}

// parseDoc puts each topic's heading first in its text; the snippet should show what follows.
function stripLeadingTitle(body: string, title: string): string {
  return title !== '' && body.startsWith(title) ? body.slice(title.length) : body;
}

function window(text: string, ranges: HighlightRange[]): Highlighted {
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < ranges.length && i < 200; i++) {
    const start = ranges[i]![0];
    const seen = new Set<string>();
    for (let j = i; j < ranges.length && ranges[j]![1] <= start + SNIPPET_CHARS - LEAD_CHARS; j++) {
      seen.add(text.slice(ranges[j]![0], ranges[j]![1]).toLowerCase());
    }
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = i;
    }
  }
  const anchor = ranges[best]![0];
  let start = Math.max(0, anchor - LEAD_CHARS);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < anchor ? space + 1 : anchor;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > anchor ? space : end;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  const inside: HighlightRange[] = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as HighlightRange);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, ranges: inside };
}

function cut(text: string, start: number, length: number): string {
  if (text.length <= start + length) {
    return text.slice(start);
  }
  const space = text.lastIndexOf(' ', start + length);
  return `${text.slice(start, space > start ? space : start + length)} …`;
}
