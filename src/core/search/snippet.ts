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
 * Candidate places are found with plain substring search, so only the window is tokenised.
 */
export function makeSnippet(entry: Pick<SearchEntry, 'body' | 'code' | 'title'>, terms: ReadonlySet<string>): Highlighted {
  const body = stripLeadingTitle(entry.body, entry.title);
  for (const source of [body, entry.code]) {
    const flat = source.replace(/\s+/g, ' ').trim();
    const anchor = bestAnchor(flat, terms);
    if (anchor !== null) {
      const snippet = window(flat, anchor, terms);
      if (snippet.ranges.length > 0) {
        return snippet;
      }
    }
  }
  const flat = body.replace(/\s+/g, ' ').trim();
  return { text: cut(flat, 0, SNIPPET_CHARS), ranges: [] };
}

// parseDoc puts each topic's heading first in its text; the snippet should show what follows.
function stripLeadingTitle(body: string, title: string): string {
  return title !== '' && body.startsWith(title) ? body.slice(title.length) : body;
}

/** Where the window should start: the occurrence with the most distinct terms just after it. */
function bestAnchor(text: string, terms: ReadonlySet<string>): number | null {
  const lower = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS).toLowerCase() : text.toLowerCase();
  const hits: Array<{ at: number; term: string }> = [];
  for (const term of terms) {
    let n = 0;
    for (let at = lower.indexOf(term); at !== -1 && n < 40; at = lower.indexOf(term, at + term.length)) {
      // A whole word or identifier part starts here (not the middle of a longer word).
      if (at === 0 || !/[\p{L}\p{N}]/u.test(lower[at - 1]!) || /[\u3040-\u9fff\uac00-\ud7af]/u.test(term)) {
        hits.push({ at, term });
        n++;
      }
    }
  }
  if (hits.length === 0) {
    return null;
  }
  hits.sort((a, b) => a.at - b.at);
  let best = hits[0]!.at;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.at <= hits[i]!.at + SNIPPET_CHARS - LEAD_CHARS; j++) {
      seen.add(hits[j]!.term);
    }
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = hits[i]!.at;
    }
  }
  return best;
}

function window(text: string, anchor: number, terms: ReadonlySet<string>): Highlighted {
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
  const inside = matchRanges(text.slice(start, end), terms).map(([s, e]) => [s + prefix.length, e + prefix.length] as HighlightRange);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, ranges: inside };
}

function cut(text: string, start: number, length: number): string {
  if (text.length <= start + length) {
    return text.slice(start);
  }
  const space = text.lastIndexOf(' ', start + length);
  return `${text.slice(start, space > start ? space : start + length)} …`;
}
