/** Stable card ids: the topic plus a hash of the question's normalised text. */
import { contentHash } from '../search/contentHash';

/** Whitespace and case do not change a question's identity. */
function normalise(question: string): string {
  return question.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The id of the card asking `question` in `topicId`: survives edits elsewhere in the hub. */
export function cardId(topicId: string, question: string): string {
  return `${topicId}::${contentHash([normalise(question)])}`;
}

/** The id of a card the learner made. */
export function userCardId(id: string): string {
  return `user:${id}`;
}
