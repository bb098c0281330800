/**
 * Text -> search terms. One tokenizer for documents and queries, so both sides agree:
 * case and accents folded, code identifiers kept whole and split into their parts
 * (`select_related`, `HTTPException`), and CJK runs cut into overlapping bigrams.
 */
import { STOPWORDS } from './stopwords';

const NON_ASCII = /[^\u0020-\u007e]/;
const MARKS = /\p{M}+/gu;
/** Han, kana, Hangul: scripts written without spaces between words. */
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const CAMEL = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
const HAS_UPPER_INSIDE = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/;
const MAX_TERM = 48;

/** Lower-cases and strips accents (é -> e, Ü -> u); ASCII takes a fast path. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

/** True for a term that carries no meaning on its own (`the`, `how`, `is`). */
export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}

/** Overlapping two-character pieces of a CJK run (a single character stays whole). */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) {
    return chars;
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The parts of an identifier: `select_related` -> select, related; `HTTPException` -> http, exception. */
export function identifierParts(word: string): string[] {
  const pieces = word.split('_').filter((p) => p !== '');
  const parts: string[] = [];
  for (const piece of pieces) {
    if (HAS_UPPER_INSIDE.test(piece)) {
      for (const m of piece.match(CAMEL) ?? []) {
        parts.push(fold(m));
      }
    } else {
      parts.push(fold(piece));
    }
  }
  return parts.length > 1 ? parts : [];
}

function pushTerm(out: string[], term: string, keepStopwords: boolean): void {
  if (term.length < 2 && !/[0-9]/.test(term)) {
    return;
  }
  if (term.length > MAX_TERM || (!keepStopwords && STOPWORDS.has(term))) {
    return;
  }
  out.push(term);
}

function wordTerms(word: string, out: string[], keepStopwords: boolean): void {
  if (HAS_CJK.test(word)) {
    let last = 0;
    for (const m of word.matchAll(CJK_RUN)) {
      if (m.index > last) {
        wordTerms(word.slice(last, m.index), out, keepStopwords);
      }
      for (const gram of cjkBigrams(m[0])) {
        out.push(gram);
      }
      last = m.index + m[0].length;
    }
    if (last < word.length) {
      wordTerms(word.slice(last), out, keepStopwords);
    }
    return;
  }
  pushTerm(out, fold(word), keepStopwords);
  for (const part of identifierParts(word)) {
    pushTerm(out, part, keepStopwords);
  }
}

/**
 * The index terms of a text, in order (duplicates kept): whole words and identifiers, identifier
 * parts, CJK bigrams. Stop words are dropped unless `keepStopwords`.
 */
export function tokenize(text: string, keepStopwords = false): string[] {
  const out: string[] = [];
  forEachWord(text, (start, end, simple) => {
    const word = text.slice(start, end);
    if (simple === SIMPLE_LOWER) {
      pushTerm(out, word, keepStopwords);
    } else if (simple === SIMPLE_CAPITAL) {
      pushTerm(out, word.toLowerCase(), keepStopwords);
    } else if (keepStopwords) {
      wordTerms(word, out, true);
    } else {
      for (const t of otherWordTerms(word)) {
        out.push(t);
      }
    }
  });
  return out;
}

// Identifiers and non-ASCII words repeat throughout a hub; their terms are remembered (bounded).
const OTHER_MEMO = new Map<string, string[]>();
const OTHER_MEMO_MAX = 50_000;

function otherWordTerms(word: string): string[] {
  let terms = OTHER_MEMO.get(word);
  if (terms === undefined) {
    terms = [];
    wordTerms(word, terms, false);
    if (OTHER_MEMO.size >= OTHER_MEMO_MAX) {
      OTHER_MEMO.clear();
    }
    OTHER_MEMO.set(word, terms);
  }
  return terms;
}

/** A word of plain lower-case ASCII letters and digits: it is its own only term. */
const SIMPLE_LOWER = 1;
/** The same with only its first letter upper-case (`Cache`): its lower-case form is its only term. */
const SIMPLE_CAPITAL = 2;
const OTHER = 0;

/** Word character per BMP code unit, learnt on first sight: 0 unknown, 1 word, 2 not. */
const WORD_CHAR = new Uint8Array(65536);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

function isWordUnit(code: number, text: string, i: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    // A surrogate: judge the whole code point it belongs to.
    const cp = text.codePointAt(code <= 0xdbff ? i : i - 1) ?? 0;
    return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
  }
  let known = WORD_CHAR[code]!;
  if (known === 0) {
    known = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_CHAR[code] = known;
  }
  return known === 1;
}

/**
 * Calls `each(start, end, simple)` for every run of letters, digits and underscores (the same runs
 * as `[\p{L}\p{N}_]+`), scanning code units so plain ASCII words never meet a Unicode regex.
 */
function forEachWord(text: string, each: (start: number, end: number, simple: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (!isWordUnit(code, text, i)) {
      i++;
      continue;
    }
    const start = i;
    // SIMPLE_LOWER until an upper-case letter after the first, an underscore or non-ASCII appears.
    let simple = code >= 65 && code <= 90 ? SIMPLE_CAPITAL : code === 95 || code >= 128 ? OTHER : SIMPLE_LOWER;
    i++;
    while (i < n) {
      code = text.charCodeAt(i);
      if (!isWordUnit(code, text, i)) {
        break;
      }
      if (simple !== OTHER && ((code >= 65 && code <= 90) || code === 95 || code >= 128)) {
        simple = OTHER;
      }
      i++;
    }
    each(start, i, simple);
  }
}

/** One word of a query: the term it must match (identifiers whole, CJK as bigrams). */
export type QueryWord = { term: string; stop: boolean };

/**
 * The words of a query, in order. An identifier stays one word (`select_related` matches the
 * whole identifier, which the index holds next to its parts); a CJK run becomes its bigrams.
 */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  const add = (term: string): void => {
    if (!seen.has(term) && term.length <= MAX_TERM) {
      seen.add(term);
      out.push({ term, stop: STOPWORDS.has(term) });
    }
  };
  forEachWord(query, (start, end) => {
    const word = query.slice(start, end);
    if (HAS_CJK.test(word)) {
      const terms: string[] = [];
      wordTerms(word, terms, true);
      terms.forEach(add);
    } else {
      const term = fold(word);
      if (term.length >= 2 || /[0-9]/.test(term)) {
        add(term);
      }
    }
  });
  return out;
}

/** A word found in a text, with its offsets there and the folded forms it can match. */
export type TextWord = { start: number; end: number; terms: string[] };

/** Every word of `text` with its offsets and match forms (whole, parts, CJK bigrams at their places). */
export function textWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  forEachWord(text, (start, end, simple) => {
    const word = text.slice(start, end);
    if (simple !== OTHER) {
      out.push({ start, end, terms: [simple === SIMPLE_LOWER ? word : word.toLowerCase()] });
      return;
    }
    if (HAS_CJK.test(word)) {
      const chars = Array.from(word);
      let offset = start;
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i]!;
        const next = chars[i + 1];
        const terms = [fold(c)];
        if (next !== undefined) {
          terms.push(c + next);
        }
        out.push({ start: offset, end: offset + c.length + (next !== undefined && HAS_CJK.test(next) ? next.length : 0), terms });
        offset += c.length;
      }
      return;
    }
    out.push({ start, end, terms: [fold(word), ...identifierParts(word)] });
  });
  return out;
}
