/**
 * Shapes of markdown on which @lezer/markdown (the fast outline, see fastOutline) and micromark (the
 * reader's remark) are known to read the blocks differently, found by the seeded fuzzer in
 * tests/core/hub/outlineFuzz.test.ts. A doc with any of them is outlined by remark instead (few docs
 * have one, so the open-time pass stays fast). One pass over the lines, no regular expression: the
 * cost is linear in the doc whatever its content.
 */

/** Why a doc is outlined by remark, or null when the fast pass reads it as remark does. */
export type OutlineRisk =
  | 'footnote' // a GFM footnote definition `[^1]: ...` (lezer has no footnotes)
  | 'table-row' // a line ending a GFM table in lezer that micromark reads as one more row
  | 'lazy-html' // a lazy continuation line in a list item or blockquote that starts with `<`
  | 'container' // a `:::` line the fast pass did not blank (nested, unmatched, inside code)
  | 'definition' // a link definition right above an underline or an empty list item
  | 'setext-in-container' // a setext underline (or bare marker) under a paragraph line in a list item
  | 'empty-item' // a list item with nothing after its marker, then a line (micromark reads such items oddly)
  | 'bom' // a byte order mark after the start (lezer reads it as a space)
  | 'lazy-ordered' // an ordered list marker right under a paragraph line in a blockquote (micromark ends the quote, lezer reads a lazy line)
  | 'indented-quote' // a `>` indented 4+ columns under a line of a list item or blockquote (lezer opens a quote, micromark reads text or code)
  | 'front-matter'; // a first line `---` that opens no front matter (micromark then reads the doc oddly)

const SPACE = 32;
const TAB = 9;

const isBlank = (line: string): boolean => {
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch !== SPACE && ch !== TAB) {
      return false;
    }
  }
  return true;
};

/** Where the content of a line starts past spaces, tabs, `>` and list markers (`-`, `*`, `+`, `1.`, `1)`). */
function contentStart(line: string): number {
  let i = 0;
  for (;;) {
    const ch = line.charCodeAt(i);
    if (ch === SPACE || ch === TAB || ch === 62 /* > */) {
      i++;
      continue;
    }
    const after = line.charCodeAt(i + 1);
    const ends = (code: number): boolean => Number.isNaN(code) || code === SPACE || code === TAB;
    if ((ch === 45 || ch === 42 || ch === 43) /* - * + */ && ends(after)) {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && j - i < 10 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) {
      j++;
    }
    if (j > i && (line.charCodeAt(j) === 46 || line.charCodeAt(j) === 41) /* . ) */ && ends(line.charCodeAt(j + 1))) {
      i = j + 1;
      continue;
    }
    return i;
  }
}

/** Whether a line (all markers) ends in a list marker: `-`, `*`, `+`, `1.`, `1)` (not `>`). */
function isMarkerEnd(line: string): boolean {
  const ch = line.charCodeAt(line.length - 1);
  return ch === 45 || ch === 42 || ch === 43 || ch === 46 || ch === 41;
}

/** A letter or digit (of any script): no markdown starts with one. */
function isWordChar(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(ch)));
}

/** A line that is one `-` after spaces, tabs and `>`. */
function isSingleDash(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB || line.charCodeAt(i) === 62) {
    i++;
  }
  return i > 0 && line.charCodeAt(i) === 45 && isBlank(line.slice(i + 1));
}

/**
 * The delimiter (`.` or `)`) of the ordered list marker a line starts with past spaces and tabs
 * (`2.`, `10)`), or 0; negated when the number is 1.
 */
function orderedMarker(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) {
    i++;
  }
  const digits = i;
  while (i - digits < 10 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) {
    i++;
  }
  const delimiter = line.charCodeAt(i);
  const after = line.charCodeAt(i + 1);
  if (i === digits || (delimiter !== 46 && delimiter !== 41) || !(Number.isNaN(after) || after === SPACE || after === TAB)) {
    return 0;
  }
  return Number(line.slice(digits, i)) === 1 ? -delimiter : delimiter;
}

/** The last list marker's delimiter among a line's markers (before `at`): `-`, `*`, `+`, `.`, `)`, or 0 (none, or a `>` last). */
function lastDelimiter(line: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) {
    i--;
  }
  const ch = line.charCodeAt(i);
  return ch === 45 || ch === 42 || ch === 43 || ch === 46 || ch === 41 ? ch : 0;
}

/** One bit per list delimiter (`-`, `*`, `+`, `.`, `)`), 0 for anything else. */
function delimiterBit(ch: number): number {
  return ch === 45 ? 1 : ch === 42 ? 2 : ch === 43 ? 4 : ch === 46 ? 8 : ch === 41 ? 16 : 0;
}

/** A line whose first character past 4 or more columns of spaces and tabs is `>`. */
function isIndentedQuote(line: string): boolean {
  let column = 0;
  let i = 0;
  for (; line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB; i++) {
    column = line.charCodeAt(i) === TAB ? column + 4 - (column % 4) : column + 1;
  }
  return column >= 4 && line.charCodeAt(i) === 62;
}

/** Only backticks and tildes (a closing fence, trimmed, as dialects reads one). */
function onlyFenceChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 96 && ch !== 126) {
      return false;
    }
  }
  return true;
}

/** `|`, `-`, `:`, spaces and tabs only, with at least one `|` and one `-`: a table's delimiter row. */
function isDelimiterRow(s: string, from: number): boolean {
  let pipe = false;
  let dash = false;
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 124) {
      pipe = true;
    } else if (ch === 45) {
      dash = true;
    } else if (ch !== 58 && ch !== SPACE && ch !== TAB) {
      return false;
    }
  }
  return pipe && dash;
}

/** An ATX heading, setext underline, thematic break or list item with nothing after its marker. */
function isUnderlineOrBareMarker(s: string, from: number): boolean {
  const ch = s.charCodeAt(from);
  if (ch === 61 /* = */ || ch === 45 /* - */ || ch === 42 /* * */ || ch === 95 /* _ */ || ch === 43 /* + */) {
    // `---`, `===`, `***`, `- - -`, `*`, `+`: only the character, spaces and tabs.
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== ch && c !== SPACE && c !== TAB) {
        return false;
      }
    }
    return true;
  }
  // Nothing after the markers: a bare list item (not a blank blockquote line).
  return isBlank(s.slice(from)) && isMarkerEnd(s.trimEnd());
}

/**
 * The first risky shape in `text` (the fast outline's text: line ends normalised, front matter and
 * the `:::` fences it understood already blanked; `blanked` their 0-based line indices, in order),
 * or null.
 */
export function outlineRisk(text: string, frontMatterOpenedOnly: boolean, blanked: readonly number[]): OutlineRisk | null {
  const containers = blanked.length > 0;
  if (frontMatterOpenedOnly) {
    return 'front-matter';
  }
  if (text.includes('\uFEFF')) {
    return 'bom';
  }
  let fence: { ch: number; size: number } | null = null;
  let previousIsBareMarker = false;
  // Whether the previous line had a `>` among its markers.
  let previousQuoted = false;
  // Whether the previous line started with an ordered marker numbered other than 1.
  let previousOrderedNotOne = false;
  // The delimiters of the list markers seen while a list may be open (bits of delimiterBit).
  let runDelimiters = 0;
  let previous = '';
  let runInContainer = false;
  // Whether a list or blockquote may be open (a marker was seen, no unindented paragraph since).
  let listContext = false;
  let runHasDelimiter = false;
  let previousIsDefinition = false;
  let runHasDefinition = false;
  // The lines of the current run of non-blank lines, and the first character of its first.
  let runLength = 0;
  let runFirst = 0;
  // The next blanked `:::` line (0-based indices, in order).
  let nextBlanked = 0;
  for (let start = 0, index = 0; start <= text.length; index++) {
    let end = text.indexOf('\n', start);
    if (end === -1) {
      end = text.length;
    }
    const line = text.slice(start, end);
    start = end + 1;
    while ((blanked[nextBlanked] ?? Infinity) < index) {
      nextBlanked++;
    }
    // A `:::` fence right under a paragraph line in a list item or blockquote: micromark reads it
    // as a lazy line of that paragraph.
    if (blanked[nextBlanked] === index && previous !== '' && runInContainer) {
      return 'container';
    }
    if (isBlank(line)) {
      previous = '';
      runInContainer = false;
      runHasDelimiter = false;
      runHasDefinition = false;
      runLength = 0;
      previousIsDefinition = false;
      previousIsBareMarker = false;
      previousQuoted = false;
      previousOrderedNotOne = false;
      continue;
    }
    const at = contentStart(line);
    const first = line.charCodeAt(at);
    // Fenced code as dialects.mapLinesOutsideFences tracks it (a fence indented at most 3 spaces).
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === SPACE) {
      indent++;
    }
    const fenceCh = line.charCodeAt(indent);
    let size = 0;
    if (indent <= 3 && (fenceCh === 96 || fenceCh === 126) /* ` ~ */) {
      while (line.charCodeAt(indent + size) === fenceCh) {
        size++;
      }
    }
    if (size >= 3) {
      if (fence === null) {
        // A backtick fence's info string has no backtick.
        if (!(fenceCh === 96 && line.includes('`', indent + size))) {
          fence = { ch: fenceCh, size };
        }
      } else if (fenceCh === fence.ch && size >= fence.size && onlyFenceChars(line.trim())) {
        fence = null;
      }
    }
    // The checks below also run in fenced code (cheaper to over-ask than to trust this fence
    // tracking where micromark's differs, e.g. a fence in an HTML block), except for `<` lines.
    const inFence = fence !== null || size >= 3;
    if (first === 91 /* [ */) {
      const close = line.indexOf(']:', at);
      if (close !== -1 && line.charCodeAt(at + 1) === 94 /* ^ */) {
        return 'footnote';
      }
    }
    // Every `:::` fence the fast pass understood is blank by now. In fenced code, a `:::` line
    // inside a container closes the container for micromark.
    if (first === 58 && line.startsWith(':::', at) && (!inFence || containers)) {
      return 'container';
    }
    if (previous !== '') {
      // `<` first on a line of a paragraph in a list item or blockquote (lazy or not: cheap to over-ask).
      if (!inFence && line.charCodeAt(line.length - line.trimStart().length) === 60 /* < */ && runInContainer) {
        return 'lazy-html';
      }
      if (runHasDelimiter && (first === 60 || isUnderlineOrBareMarker(line, at))) {
        return 'table-row';
      }
      // Micromark reads these as more of the definition's paragraph; lezer as blocks of their own.
      if (previousIsDefinition && (first === 60 || indent >= 4 || line.charCodeAt(indent) === TAB || isUnderlineOrBareMarker(line, at))) {
        return 'definition';
      }
      // In a list item or blockquote, lezer ends a definition's paragraph differently (a lazy line
      // goes on it for micromark, not for lezer).
      if ((runHasDefinition && runInContainer && isUnderlineOrBareMarker(line, at)) || (previousIsDefinition && (runInContainer || isDelimiterRow(line, at)))) {
        return 'definition';
      }
      // In a list item, lezer reads `  -` under a paragraph line as an empty item, micromark as an
      // underline (`---`, `=`, `- -` are read alike).
      // Micromark and lezer part on an ordered marker that would start a new list under a
      // paragraph line in a container, and on one numbered other than 1 above an underline.
      const ordered = orderedMarker(line);
      if (ordered !== 0 && (previousQuoted || (ordered > 0 && runInContainer && (runDelimiters & delimiterBit(ordered)) === 0))) {
        return 'lazy-ordered';
      }
      if (previousOrderedNotOne && isUnderlineOrBareMarker(line, at)) {
        return 'lazy-ordered';
      }
      if (runInContainer && isIndentedQuote(line)) {
        return 'indented-quote';
      }
      if (runInContainer && isSingleDash(line)) {
        return 'setext-in-container';
      }
      if (previousIsBareMarker) {
        return 'empty-item';
      }
    }
    // A run of lines that starts or goes on inside a list item or blockquote: a line with a marker,
    // or an indented line while a list may still be open.
    const marked = at > 0 && !isBlank(line.slice(0, at));
    if (marked) {
      listContext = true;
    } else if (at === 0 && previous === '') {
      listContext = false;
      runDelimiters = 0;
    }
    runInContainer ||= marked || (at > 0 && listContext);
    const delimiter = isDelimiterRow(line, at);
    // A table under paragraph lines: micromark ends the paragraph above the header row, lezer reads
    // one paragraph (which matters when it starts with markup: a bold line, a definition, HTML).
    if (delimiter && runLength >= 2 && !isWordChar(runFirst)) {
      return 'table-row';
    }
    runHasDelimiter ||= delimiter;
    if (runLength === 0) {
      runFirst = first;
    }
    runLength++;
    previousIsDefinition = first === 91 && line.includes(']:', at);
    runHasDefinition ||= previousIsDefinition;
    previousIsBareMarker = at === line.length && isMarkerEnd(line.trimEnd());
    previousQuoted = line.lastIndexOf('>', at - 1) !== -1;
    previousOrderedNotOne = orderedMarker(line) > 0;
    runDelimiters |= delimiterBit(lastDelimiter(line, at));
    previous = line;
  }
  return null;
}
