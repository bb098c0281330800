/**
 * Two-column tables whose header reads like term | definition (`Concept | Meaning`,
 * `Annotation | Purpose`, `Component | Role`): each row is a card asking for the right cell.
 */
import type { Topic } from '../../hub/types';
import { cardId } from '../cardId';
import type { ReviewCard } from '../types';
import { type SourceLine, plainInline, sourceLines, topicOfLine } from './lines';

/** Right-hand headers that define the left cell, and the question each asks. */
const DEFINING: ReadonlyArray<[RegExp, (term: string) => string]> = [
  [/^(meaning|definition|description|explanation|semantic meaning|what it is|summary|details?)$/, (t) => `What is ${t}?`],
  [/^(purpose|use|used for|usage|why|when to use)$/, (t) => `What is ${t} for?`],
  [/^(role|responsibility|responsibilities|behaviou?r|what it does|function|does)$/, (t) => `What does ${t} do?`],
];

/** Left-hand headers that number or version rows rather than name terms. */
const NOT_TERMS = /^(no\.?|#|s\.? ?no\.?|sr\.?( no\.?)?|id|step|version|date|index)$/;

function cells(line: string): string[] | null {
  const t = line.trim();
  if (!t.includes('|')) {
    return null;
  }
  const inner = t.replace(/^\|/, '').replace(/\|$/, '');
  // Escaped pipes stay inside their cell.
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

const DELIMITER = /^\s*\|?\s*:?-+:?\s*\|\s*:?-+:?\s*\|?\s*$/;

/** The cards of the term | definition tables of one doc. */
export function findTermTables(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[], lines: readonly SourceLine[] = sourceLines(source)): ReviewCard[] {
  const topicAt = topicOfLine(topics);
  const out: ReviewCard[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i];
    const delim = lines[i + 1];
    if (head === undefined || delim === undefined || head.code || !DELIMITER.test(delim.text)) {
      continue;
    }
    const header = cells(head.text);
    const topicId = topicAt(head.n);
    if (header?.length !== 2 || topicId === null) {
      continue;
    }
    const left = plainInline(header[0] ?? '').toLowerCase();
    const right = plainInline(header[1] ?? '').toLowerCase();
    const ask = DEFINING.find(([re]) => re.test(right))?.[1];
    if (ask === undefined || NOT_TERMS.test(left)) {
      continue;
    }
    for (let j = i + 2; j < lines.length; j++) {
      const row = lines[j];
      const rc = row === undefined || row.code ? null : cells(row.text);
      if (rc === null) {
        break;
      }
      const term = plainInline(rc[0] ?? '').replace(/\\\|/g, '|');
      const definition = (rc[1] ?? '').replace(/<br\s*\/?>/gi, '\n').trim();
      if (term !== '' && definition !== '' && !/^[-–—]+$/.test(definition)) {
        const question = ask(term);
        out.push({ id: cardId(topicId, question), topicId, kind: 'table', question, answer: definition });
      }
      i = j;
    }
  }
  return out;
}
