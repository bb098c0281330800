/**
 * "Check yourself" cards: every `<details><summary>Q</summary> A </details>` block that follows a
 * "Check yourself" marker in a topic becomes a card of that topic. Works on the raw markdown, so
 * blocks split over several html/paragraph nodes by the markdown parser are still read whole.
 */
import type { Topic } from '../hub/types';
import { cardId } from './cardId';
import type { ExtractedCards, ReviewCard, SkippedBlock } from './types';

const MARKER = /check yourself/i;
/** An opening or closing `<details>` tag (attributes bounded, so a line without `>` stays linear). */
const TAG = /<details(?:\s[^>]{0,2000})?>|<\/details\s*>/gi;
const SUMMARY = /<summary(\s[^>]*)?>([\s\S]*?)<\/summary\s*>/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The topic each source line (1-based) belongs to; text before the first heading joins the first topic. */
function topicOfLine(topics: readonly Pick<Topic, 'id' | 'line'>[]): (line: number) => string | null {
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

/** Inline HTML tags removed (the summary is shown as markdown text). */
function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').trim();
}

/**
 * Extracts the cards of one doc. `topics` are the doc's topics (with their heading lines);
 * malformed blocks (no summary, empty question, unclosed, empty answer) are listed in `skipped`.
 */
export function extractCheckCards(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[]): ExtractedCards {
  return extractDetails(source, topics, { marker: true, accept: () => true, kind: 'check' });
}

/** Which `<details>` blocks `extractDetails` reads and what it calls their cards. */
export type DetailsOptions = {
  /** Only blocks after a "Check yourself" marker in their topic. */
  marker: boolean;
  /** Whether a block whose summary reads `question` makes a card (others are passed over silently). */
  accept: (question: string) => boolean;
  kind: ReviewCard['kind'];
};

type Tag = { line: number; start: number; end: number };
type Block = { open: Tag; close: Tag | null; topicId: string };

/**
 * Every `<details>` opening tag outside code fences, each with its matching `</details>` (null when
 * the block is not closed before the next heading), in one pass: a stack of open tags per topic.
 */
function detailsBlocks(lines: readonly string[], topicAt: (line: number) => string | null, headingLines: ReadonlySet<number>, markerOk: (topicId: string, line: number) => boolean): Block[] {
  const blocks: Block[] = [];
  let stack: Block[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const ln = i + 1;
    if (headingLines.has(ln)) {
      stack = []; // a block never crosses a heading: what is still open there stays unclosed
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch !== null) {
      const mark = fenceMatch[1] ?? '';
      if (fence === null) {
        fence = mark;
      } else if (mark[0] === fence[0] && mark.length >= fence.length) {
        fence = null;
      }
      continue;
    }
    const topicId = topicAt(ln);
    if (fence !== null || topicId === null || !line.toLowerCase().includes('details')) {
      continue;
    }
    for (const m of line.matchAll(TAG)) {
      const tag = { line: i, start: m.index, end: m.index + m[0].length };
      if (m[0][1] !== '/') {
        const block: Block = { open: tag, close: null, topicId };
        stack.push(block);
        if (stack.length === 1 ? markerOk(topicId, ln) : true) {
          blocks.push(block);
        }
      } else {
        const top = stack.pop();
        if (top !== undefined) {
          top.close = tag;
        }
      }
    }
  }
  return blocks;
}

/** The text between a block's opening and closing tags. */
function innerText(lines: readonly string[], open: Tag, close: Tag): string {
  if (open.line === close.line) {
    return (lines[open.line] ?? '').slice(open.end, close.start);
  }
  return [(lines[open.line] ?? '').slice(open.end), ...lines.slice(open.line + 1, close.line), (lines[close.line] ?? '').slice(0, close.start)].join('\n');
}

/** Every `<details><summary>Q</summary> A </details>` block of a doc that `options` accept. */
export function extractDetails(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[], options: DetailsOptions): ExtractedCards {
  const lines = source.split(/\r?\n/);
  const topicAt = topicOfLine(topics);
  const headingLines = new Set(topics.map((t) => t.line));
  // The first "Check yourself" line of each topic: blocks after it (same line included) are read.
  const markedFrom = new Map<string, number>();
  if (options.marker) {
    lines.forEach((line, i) => {
      const topicId = MARKER.test(line) ? topicAt(i + 1) : null;
      if (topicId !== null && !markedFrom.has(topicId)) {
        markedFrom.set(topicId, i + 1);
      }
    });
  }
  const markerOk = (topicId: string, ln: number): boolean => !options.marker || (markedFrom.get(topicId) ?? Infinity) <= ln;
  const cards: ReviewCard[] = [];
  const skipped: SkippedBlock[] = [];
  const seen = new Set<string>();
  // A block read whole hides the blocks nested in it; an unclosed one does not (its inner blocks may be whole).
  let after = { line: -1, col: -1 };
  for (const { open, close, topicId } of detailsBlocks(lines, topicAt, headingLines, markerOk)) {
    const ln = open.line + 1;
    if (open.line < after.line || (open.line === after.line && open.start < after.col)) {
      continue;
    }
    if (close === null) {
      skipped.push({ topicId, line: ln, reason: 'unclosed' });
      continue;
    }
    after = { line: close.line, col: close.end };
    const inner = innerText(lines, open, close);
    const summary = SUMMARY.exec(inner);
    if (summary === null) {
      skipped.push({ topicId, line: ln, reason: 'no-summary' });
      continue;
    }
    const question = stripTags(summary[2] ?? '');
    if (!options.marker && !options.accept(question)) {
      continue;
    }
    if (question === '') {
      skipped.push({ topicId, line: ln, reason: 'empty-question' });
      continue;
    }
    const answer = inner.replace(SUMMARY, '').trim();
    if (answer === '') {
      skipped.push({ topicId, line: ln, reason: 'empty-answer' });
      continue;
    }
    const id = cardId(topicId, question);
    // The same question twice in one topic is one card.
    if (!seen.has(id)) {
      seen.add(id);
      cards.push({ id, topicId, kind: options.kind, question, answer });
    }
  }
  return { cards, skipped };
}
