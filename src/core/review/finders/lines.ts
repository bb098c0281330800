/** Line-level reading of a markdown source for the card finders: fences, headings, topics. */
import type { Topic } from '../../hub/types';

/** One source line as the finders see it. */
export type SourceLine = {
  /** 1-based line number. */
  n: number;
  text: string;
  /** Inside a fenced code block, or the fence line itself. */
  code: boolean;
};

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** A line opening an HTML comment block (`<!--` with no `-->` after it on the line). */
const COMMENT_OPEN = /^ {0,3}<!--(?!.*-->)/;

/**
 * Splits `source` into lines, marking fenced code (an unclosed fence runs to the end, as in
 * CommonMark) and HTML comment blocks as code: neither is text a card is made of.
 */
export function sourceLines(source: string): SourceLine[] {
  let fence: string | null = null;
  let comment = false;
  return source.split(/\r?\n/).map((text, i) => {
    if (comment || (fence === null && COMMENT_OPEN.test(text))) {
      // The opening line has no `-->` (COMMENT_OPEN); a later line with one closes the block.
      comment = !comment || !text.includes('-->');
      return { n: i + 1, text, code: true };
    }
    const m = FENCE.exec(text);
    if (m !== null) {
      const mark = m[1] ?? '';
      if (fence === null) {
        fence = mark;
      } else if (mark[0] === fence[0] && mark.length >= fence.length) {
        fence = null;
      }
      return { n: i + 1, text, code: true };
    }
    return { n: i + 1, text, code: fence !== null };
  });
}

/**
 * An ATX heading, also inside an ordered-list item (`1. ### What is an API?`), as learners write
 * them. The closing `#`s are cut in code: a lazy `(.*?)(\s+#+)?\s*$` backtracks quadratically
 * over a line padded with spaces.
 */
const HEADING = /^ {0,3}(?:\d{1,3}[.)]\s+)?(#{1,6})(?:\s(.*))?$/;

/** The heading text without its closing sequence (`## Title ##` -> `Title`). */
function withoutClosing(raw: string): string {
  const t = raw.trim();
  const closed = /#+$/.exec(t);
  if (closed === null) {
    return t;
  }
  const before = t.slice(0, closed.index);
  return before === '' || /\s$/.test(before) ? before.trimEnd() : t;
}

/** The heading on a line (level and raw text), or null. */
export function headingOf(line: SourceLine): { depth: number; text: string } | null {
  if (line.code) {
    return null;
  }
  const m = HEADING.exec(line.text);
  return m === null ? null : { depth: (m[1] ?? '').length, text: withoutClosing(m[2] ?? '') };
}

/** The topic each source line belongs to; text before the first heading joins the first topic. */
export function topicOfLine(topics: readonly Pick<Topic, 'id' | 'line'>[]): (line: number) => string | null {
  const sorted = [...topics].sort((a, b) => a.line - b.line);
  return (line) => {
    let found: string | null = sorted[0]?.id ?? null;
    for (const t of sorted) {
      if (t.line > line) {
        break;
      }
      found = t.id;
    }
    return found;
  };
}

/** Inline markdown and HTML removed: `**What** is \`x\`?<br>` -> `What is x?`. */
// Every span below is bounded: an opener that is never closed (`_a _a _a ...`, `<<<<`) then costs
// at most the bound, not the rest of the line, so a 60 KB line stays linear instead of quadratic.
export function plainInline(md: string): string {
  return md
    .replace(/<[^<>]{0,1000}>/g, ' ')
    .replace(/!\[([^\]]{0,1000})\]\([^)]{0,2000}\)/g, '$1')
    .replace(/\[([^\]]{0,1000})\]\([^)]{0,2000}\)/g, '$1')
    .replace(/(\*\*|__)(.{0,500}?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.{0,500}?\S)?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]{0,1000})`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trailing blank lines and surrounding whitespace removed from a block of lines. */
export function joinBlock(lines: readonly SourceLine[]): string {
  return lines
    .map((l) => l.text)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}
