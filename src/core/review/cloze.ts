/** Cloze cards: a passage with the selected words blanked out; the answer is those words. */

/** The blank shown in place of the hidden words. */
export const CLOZE_BLANK = '[…]';

/**
 * The card for hiding `words` in `passage` (the first place they occur; whitespace may differ).
 * Null when the words are empty, not in the passage, or the whole passage.
 */
export function makeCloze(passage: string, words: string): { question: string; answer: string } | null {
  const p = passage.replace(/\s+/g, ' ').trim();
  const w = words.replace(/\s+/g, ' ').trim();
  const at = w === '' ? -1 : p.indexOf(w);
  if (at < 0 || w === p) {
    return null;
  }
  const before = p.slice(0, at);
  const after = p.slice(at + w.length);
  return { question: `${before}**${CLOZE_BLANK}**${after}`, answer: `**${w}**\n\n${before}**${w}**${after}` };
}
