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
 * Candidate places are found with plain substring search on the raw text, and only the window
 * is flattened and tokenised, so a long section costs no more than a short one.
 */
export function makeSnippet(entry: Pick<SearchEntry, 'body' | 'code' | 'title'>, terms: ReadonlySet<string>): Highlighted {
  const body = stripLeadingTitle(entry.body, entry.title);
  for (const source of [body, entry.code]) {
    const anchor = bestAnchor(source, terms);
    if (anchor !== null) {
      const snippet = window(source, anchor, terms);
      if (snippet.ranges.length > 0) {
        return snippet;
      }
    }
  }
  const flat = flatten(body.slice(0, SNIPPET_CHARS * 3)).trim();
  return { text: cut(flat, 0, SNIPPET_CHARS), ranges: [] };
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

// parseDoc puts each topic's heading first in its text; the snippet should show what follows.
function stripLeadingTitle(body: string, title: string): string {
  return title !== '' && body.startsWith(title) ? body.slice(title.length) : body;
}

const CJK_TERM = /[\u3040-\u9fff\uac00-\ud7af]/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** True when the character before `at` does not continue a word (so a match starts a word or part). */
function startsWord(text: string, at: number): boolean {
  if (at === 0) {
    return true;
  }
  const c = text.charCodeAt(at - 1);
  if (c < 128) {
    return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57));
  }
  return !LETTER_OR_NUMBER.test(text[at - 1]!);
}

/** Where the window should start: the occurrence with the most distinct terms just after it. */
function bestAnchor(source: string, terms: ReadonlySet<string>): number | null {
  const lower = (source.length > MAX_SCAN_CHARS ? source.slice(0, MAX_SCAN_CHARS) : source).toLowerCase();
  const hits: Array<{ at: number; term: number }> = [];
  let ti = 0;
  for (const term of terms) {
    const anywhere = CJK_TERM.test(term);
    let n = 0;
    for (let at = lower.indexOf(term); at !== -1 && n < 40; at = lower.indexOf(term, at + term.length)) {
      // A whole word or identifier part starts here (not the middle of a longer word).
      if (anywhere || startsWord(lower, at)) {
        hits.push({ at, term: ti });
        n++;
      }
    }
    ti++;
  }
  if (hits.length === 0) {
    return null;
  }
  hits.sort((a, b) => a.at - b.at);
  // Slide a window over the sorted hits, counting distinct terms inside it.
  const inside = new Uint16Array(ti);
  let distinct = 0;
  let best = hits[0]!.at;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    const limit = hits[i]!.at + SNIPPET_CHARS - LEAD_CHARS;
    while (j < hits.length && hits[j]!.at <= limit) {
      const t = hits[j]!.term;
      if (inside[t] === 0) {
        distinct++;
      }
      inside[t] = inside[t]! + 1;
      j++;
    }
    if (distinct > bestCount) {
      bestCount = distinct;
      best = hits[i]!.at;
    }
    const t = hits[i]!.term;
    inside[t] = inside[t]! - 1;
    if (inside[t] === 0) {
      distinct--;
    }
  }
  return best;
}

/** The flattened window around `anchor` (an offset into the raw `source`). */
function window(source: string, anchor: number, terms: ReadonlySet<string>): Highlighted {
  // Enough raw text on both sides that flattening runs of spaces still leaves a full window.
  const rawStart = Math.max(0, anchor - LEAD_CHARS * 4);
  const before = flatten(source.slice(rawStart, anchor));
  const text = (rawStart === 0 ? before.trimStart() : before) + flatten(source.slice(anchor, anchor + SNIPPET_CHARS * 4));
  const at = rawStart === 0 ? before.trimStart().length : before.length;
  const atEnd = anchor + SNIPPET_CHARS * 4 >= source.length;
  let start = Math.max(0, at - LEAD_CHARS);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < at ? space + 1 : at;
  }
  const body = atEnd ? text.trimEnd() : text;
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    end = space > at ? space : end;
  }
  const prefix = start > 0 || rawStart > 0 ? '… ' : '';
  const suffix = end < body.length ? ' …' : '';
  const shown = body.slice(start, end);
  const inside = matchRanges(shown, terms).map(([s, e]) => [s + prefix.length, e + prefix.length] as HighlightRange);
  return { text: `${prefix}${shown}${suffix}`, ranges: inside };
}

function cut(text: string, start: number, length: number): string {
  if (text.length <= start + length) {
    return text.slice(start);
  }
  const space = text.lastIndexOf(' ', start + length);
  return `${text.slice(start, space > start ? space : start + length)} …`;
}
