/**
 * Text -> search terms. One tokenizer for documents and queries, so both sides agree:
 * case and accents folded, code identifiers kept whole and split into their parts
 * (`select_related`, `HTTPException`), and CJK runs cut into overlapping bigrams.
 */
import { STOPWORDS } from './stopwords';

/** A word of text (letters, digits, underscore) with its offsets in the original string. */
const WORD = /[\p{L}\p{N}_]+/gu;
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
  for (const m of text.matchAll(WORD)) {
    wordTerms(m[0], out, keepStopwords);
  }
  return out;
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
  for (const m of query.matchAll(WORD)) {
    const word = m[0];
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
  }
  return out;
}

/** A word found in a text, with its offsets there and the folded forms it can match. */
export type TextWord = { start: number; end: number; terms: string[] };

/** Every word of `text` with its offsets and match forms (whole, parts, CJK bigrams at their places). */
export function textWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
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
      continue;
    }
    out.push({ start, end: start + word.length, terms: [fold(word), ...identifierParts(word)] });
  }
  return out;
}
