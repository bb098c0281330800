/**
 * "Check yourself" cards: every `<details><summary>Q</summary> A </details>` block that follows a
 * "Check yourself" marker in a topic becomes a card of that topic. Works on the raw markdown, so
 * blocks split over several html/paragraph nodes by the markdown parser are still read whole.
 */
import type { Topic } from '../hub/types';
import { cardId } from './cardId';
import type { ExtractedCards, ReviewCard, SkippedBlock } from './types';

const MARKER = /check yourself/i;
const OPEN = /<details(\s[^>]*)?>/gi;
const CLOSE = /<\/details\s*>/gi;
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

/** Counts opening minus closing `<details>` tags on a line. */
function depthChange(line: string): number {
  return (line.match(OPEN)?.length ?? 0) - (line.match(CLOSE)?.length ?? 0);
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

/** Every `<details><summary>Q</summary> A </details>` block of a doc that `options` accept. */
export function extractDetails(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[], options: DetailsOptions): ExtractedCards {
  const lines = source.split(/\r?\n/);
  const topicAt = topicOfLine(topics);
  const headingLines = new Set(topics.map((t) => t.line));
  const cards: ReviewCard[] = [];
  const skipped: SkippedBlock[] = [];
  const seen = new Set<string>();
  const marked = new Set<string>();
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const ln = i + 1;
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
    if (fence !== null || topicId === null) {
      continue;
    }
    if (MARKER.test(line)) {
      marked.add(topicId);
    }
    const open = line.search(/<details(\s[^>]*)?>/i);
    if (open < 0 || (options.marker && !marked.has(topicId))) {
      continue;
    }
    // Collect the block up to its matching </details>, within this topic.
    let depth = 0;
    let end = -1;
    for (let j = i; j < lines.length; j++) {
      if (j > i && headingLines.has(j + 1)) {
        break;
      }
      depth += depthChange(j === i ? (lines[j] ?? '').slice(open) : (lines[j] ?? ''));
      if (depth <= 0) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      skipped.push({ topicId, line: ln, reason: 'unclosed' });
      continue;
    }
    const block = [line.slice(open), ...lines.slice(i + 1, end + 1)].join('\n');
    const body = block.replace(/^<details(\s[^>]*)?>/i, '');
    const lastClose = body.toLowerCase().lastIndexOf('</details');
    const inner = lastClose >= 0 ? body.slice(0, lastClose) : body;
    i = end;
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
