/**
 * Question headings: a heading that asks something ("Why does TCP need a three-way handshake?",
 * "what is DBMS", "为什么 TCP 需要三次握手？") is a card whose answer is the section's text up to
 * the next heading, trimmed to a readable length with a link to the whole section.
 */
import type { Topic } from '../../hub/types';
import { cardId } from '../cardId';
import type { ReviewCard } from '../types';
import { cleanQuestion, isQuestion } from './isQuestion';
import { type SourceLine, headingOf, plainInline, sourceLines, topicOfLine } from './lines';
import { sectionLink, trimAnswer } from './trimAnswer';

/** Lines that only link back to a table of contents add nothing to an answer. */
const BACK_TO_TOP = /^\s*(\*\*|__)?\s*\[[^\]]*(back to top|top)[^\]]*\]\(#[^)]*\)\s*(\*\*|__)?\s*$/i;

/** The cards asked by the question headings of one doc. */
export function findQuestionHeadings(source: string, topics: readonly Pick<Topic, 'id' | 'line'>[], lines: readonly SourceLine[] = sourceLines(source)): ReviewCard[] {
  const topicAt = topicOfLine(topics);
  const out: ReviewCard[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = line === undefined ? null : headingOf(line);
    const topicId = line === undefined ? null : topicAt(line.n);
    if (heading === null || line === undefined || topicId === null) {
      continue;
    }
    const question = cleanQuestion(plainInline(heading.text));
    if (!isQuestion(question)) {
      continue;
    }
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (next === undefined || headingOf(next) !== null) {
        break;
      }
      if (!BACK_TO_TOP.test(next.text)) {
        body.push(next.text);
      }
    }
    const text = body.join('\n').trim();
    if (text === '') {
      continue;
    }
    out.push({ id: cardId(topicId, question), topicId, kind: 'heading', question, answer: trimAnswer(text, sectionLink(topicId)) });
  }
  return out;
}
