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

/** The title with its matched words marked (raw HTML in it, like a trailing `<br>`, left out). */
export function highlightTitle(title: string, terms: ReadonlySet<string>): Highlighted {
  const text = title.includes('<') ? flatten(stripTags(title)).trim() || title : title;
  return { text, ranges: matchRanges(text, terms) };
}

/**
 * HTML elements a markdown file writes as raw HTML for layout (`<div align="center">`, `<img>`,
 * `<details>`, `<br>`, tables) and comments. Anything else in angle brackets (`<token>`,
 * `List<String>`, `<QuerySet [...]>`) is text and stays.
 */
const HTML_TAG = new RegExp(
  `<!--[\\s\\S]*?(?:-->|$)|</?(?:${[
    'a', 'abbr', 'article', 'aside', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'div',
    'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer', 'h[1-6]', 'header', 'hr', 'i', 'iframe', 'img', 'ins', 'kbd', 'li', 'main', 'mark',
    'nav', 'ol', 'p', 'picture', 'pre', 's', 'section', 'small', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody',
    'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'video',
  ].join('|')})(?=[\\s/>])[^<>]*>`,
  'giu',
);

// Sections with markup come back keystroke after keystroke: their cleaned text is remembered.
const CLEAN = new Map<string, string>();

/** `text` with raw HTML tags and comments replaced by spaces (so blocks stay apart). */
export function stripTags(text: string): string {
  if (!text.includes('<')) {
    return text;
  }
  let clean = CLEAN.get(text);
  if (clean === undefined) {
    clean = text.replace(HTML_TAG, ' ');
    if (CLEAN.size >= LOWER_MAX) {
      CLEAN.clear();
    }
    CLEAN.set(text, clean);
  }
  return clean;
}

/**
 * A window of about 180 characters of the entry's body (or code, when only the code matched)
 * holding the most distinct matched words, cut at word boundaries, with ranges into the window.
 * Candidate places are found with plain substring search on the raw text, and only the window
 * is flattened and tokenised, so a long section costs no more than a short one.
 */
export function makeSnippet(entry: Pick<SearchEntry, 'body' | 'code' | 'title'>, terms: ReadonlySet<string>): Highlighted {
  // Prose never shows raw HTML; code is shown as written.
  const body = stripTags(entry.body);
  // parseDoc puts each topic's heading first in its text; the snippet should show what follows.
  const title = stripTags(entry.title);
  const skip = title !== '' && body.startsWith(title) ? title.length : 0;
  const sources: Array<[string, number]> = [
    [body, skip],
    [entry.code, 0],
  ];
  for (const [source, from] of sources) {
    const anchor = bestAnchor(source, from, terms);
    if (anchor !== null) {
      const snippet = window(source, from, anchor, terms);
      if (snippet.ranges.length > 0) {
        return snippet;
      }
    }
  }
  const flat = flatten(body.slice(skip, skip + SNIPPET_CHARS * 3)).trim();
  return { text: cut(flat, 0, SNIPPET_CHARS), ranges: [] };
}

// The same sections come back keystroke after keystroke: their lower-cased text is remembered.
const LOWER = new Map<string, string>();
const LOWER_MAX = 2000;

function lowerOf(text: string): string {
  const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  if (text.length < 256) {
    return scanned.toLowerCase();
  }
  let lower = LOWER.get(text);
  if (lower === undefined) {
    lower = scanned.toLowerCase();
    if (LOWER.size >= LOWER_MAX) {
      LOWER.clear();
    }
    LOWER.set(text, lower);
  }
  return lower;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
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
function bestAnchor(source: string, from: number, terms: ReadonlySet<string>): number | null {
  const lower = lowerOf(source);
  const hits: Array<{ at: number; term: number }> = [];
  let ti = 0;
  for (const term of terms) {
    const anywhere = CJK_TERM.test(term);
    let n = 0;
    for (let at = lower.indexOf(term, from); at !== -1 && n < 40; at = lower.indexOf(term, at + term.length)) {
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

/** The flattened window around `anchor` (an offset into the raw `source`, which starts at `from`). */
function window(source: string, from: number, anchor: number, terms: ReadonlySet<string>): Highlighted {
  // Enough raw text on both sides that flattening runs of spaces still leaves a full window.
  const rawStart = Math.max(from, anchor - LEAD_CHARS * 3);
  const before = flatten(source.slice(rawStart, anchor));
  const text = (rawStart === from ? before.trimStart() : before) + flatten(source.slice(anchor, anchor + SNIPPET_CHARS * 2));
  const at = rawStart === from ? before.trimStart().length : before.length;
  const atEnd = anchor + SNIPPET_CHARS * 2 >= source.length;
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
  const prefix = start > 0 || rawStart > from ? '… ' : '';
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
