/**
 * `Q:`/`A:` pairs as learners write them: `**Q:** ...` or `Q: ...`, bold or not, numbered or not
 * (`1. Q1. ...`), the answer after `A:` on the same line or the next lines. A question without an
 * `A:` label is answered by the text that follows it, up to the next question or heading.
 */
import type { Topic } from '../../hub/types';
import { cardId } from '../cardId';
import type { ReviewCard } from '../types';
import { type SourceLine, headingOf, plainInline, sourceLines, topicOfLine } from './lines';
import { trimAnswer } from './trimAnswer';

const B = '(?:\\*\\*|__)?';
/** `Q:`, `**Q:**`, `Q1.`, `Q)`, `Q :`, `Question 3:` with an optional list number before it. */
const Q_LABEL = new RegExp(`^ {0,3}(?:\\d{1,3}[.)]\\s+|[-*]\\s+)?${B}\\s*(?:Q|Question)\\s*\\d{0,3}\\s*[:.)：]\\s*${B}\\s*(.*)$`);
/** `A:`, `**A:**`, `Answer:`. */
const A_LABEL = new RegExp(`^ {0,3}(?:[-*]\\s+)?${B}\\s*(?:A|Ans|Answer)\\s*\\d{0,3}\\s*[:.)：]\\s*${B}\\s*(.*)$`);
/** `A:` inside a question line: `Q: What is X? A: Y`. */
const INLINE_A = new RegExp(`\\s${B}(?:A|Answer)\\s*[:：]\\s*${B}\\s*`);

const qMatch = (l: SourceLine): string | null => (l.code ? null : (Q_LABEL.exec(l.text)?.[1] ?? null));
const aMatch = (l: SourceLine): string | null => (l.code ? null : (A_LABEL.exec(l.text)?.[1] ?? null));

/** The question text without the bold that closed around it (`**Q: Where?**`). */
const cleanQ = (s: string): string =>
  plainInline(
    s
      .trim()
      .replace(/^(\*\*|__)|(\*\*|__)$/g, '')
      .replace(/^[-*]\s+/, ''),
  );

/** A thematic break (`---`) ends an answer. */
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

/** The cards of the `Q:`/`A:` pairs of one doc. */
export function findQaPairs(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[], lines: readonly SourceLine[] = sourceLines(source)): ReviewCard[] {
  const topicAt = topicOfLine(topics);
  const out: ReviewCard[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const first = line === undefined ? null : qMatch(line);
    const topicId = line === undefined ? null : topicAt(line.n);
    if (line === undefined || first === null || topicId === null) {
      i++;
      continue;
    }
    const qParts: string[] = [];
    const aParts: string[] = [];
    const inline = INLINE_A.exec(first);
    let inAnswer = false;
    if (inline !== null) {
      qParts.push(first.slice(0, inline.index));
      aParts.push(first.slice(inline.index + inline[0].length));
      inAnswer = true;
    } else {
      qParts.push(first);
    }
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j];
      if (next === undefined || qMatch(next) !== null || headingOf(next) !== null || (!next.code && RULE.test(next.text))) {
        break;
      }
      const a = aMatch(next);
      if (!inAnswer && a !== null) {
        inAnswer = true;
        aParts.push(a);
      } else if (!inAnswer && next.text.trim() === '' && qParts.join('').trim() !== '') {
        // The question ends at a blank line; the text after it answers it.
        inAnswer = true;
      } else if (inAnswer) {
        aParts.push(next.text);
      } else {
        qParts.push(next.text);
      }
    }
    i = j;
    const question = cleanQ(qParts.join(' '));
    const answer = aParts.join('\n').trim();
    if (question.length >= 3 && answer !== '') {
      out.push({ id: cardId(topicId, question), topicId, kind: 'qa', question, answer: trimAnswer(answer, null) });
    }
  }
  return out;
}
