/** Cloze cards: a passage with the selected words blanked out; the answer is those words. */

/** The blank shown in place of the hidden words. */
export const CLOZE_BLANK = '[…]';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Where `w` first stands as whole words in `p` ("at" in "cat sat at home" is the third word), else where it first occurs. */
function wholeWordAt(p: string, w: string): number {
  for (let at = p.indexOf(w); at >= 0; at = p.indexOf(w, at + 1)) {
    if (!WORD_CHAR.test(p.charAt(at - 1)) && !WORD_CHAR.test(p.charAt(at + w.length))) {
      return at;
    }
  }
  return p.indexOf(w);
}

/**
 * The card for hiding `words` in `passage` (the first place they stand as whole words, else the first place they occur; whitespace may differ).
 * Null when the words are empty, not in the passage, or the whole passage.
 */
export function makeCloze(passage: string, words: string): { question: string; answer: string } | null {
  const p = passage.replace(/\s+/g, ' ').trim();
  const w = words.replace(/\s+/g, ' ').trim();
  const at = w === '' ? -1 : wholeWordAt(p, w);
  if (at < 0 || w === p) {
    return null;
  }
  const before = p.slice(0, at);
  const after = p.slice(at + w.length);
  return { question: `${before}**${CLOZE_BLANK}**${after}`, answer: `**${w}**\n\n${before}**${w}**${after}` };
}
