/** Cloze cards: a passage with the selected words blanked out; the answer is those words. */

/** The blank shown in place of the hidden words. */
export const CLOZE_BLANK = '[…]';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Where `w` stands as whole words in `p` ("at" in "cat sat at home" is the third word), else where
 * it occurs: the place nearest `near` (the selection's own place), the first one without it.
 */
function wholeWordAt(p: string, w: string, near: number | null): number {
  let best = -1;
  let bestWhole = -1;
  const closer = (a: number, b: number): boolean => b < 0 || (near !== null && Math.abs(a - near) < Math.abs(b - near));
  for (let at = p.indexOf(w); at >= 0; at = p.indexOf(w, at + 1)) {
    if (closer(at, best)) {
      best = at;
    }
    if (!WORD_CHAR.test(p.charAt(at - 1)) && !WORD_CHAR.test(p.charAt(at + w.length)) && closer(at, bestWhole)) {
      bestWhole = at;
    }
  }
  return bestWhole >= 0 ? bestWhole : best;
}

/**
 * The card for hiding `words` in `passage` (where they stand as whole words, else where they occur;
 * whitespace may differ). `selectedAt` is the offset in `passage` where the learner selected them:
 * of two equal words, the one selected is hidden; without it, the first.
 * Null when the words are empty, not in the passage, or the whole passage.
 */
export function makeCloze(passage: string, words: string, selectedAt: number | null = null): { question: string; answer: string } | null {
  const p = passage.replace(/\s+/g, ' ').trim();
  const w = words.replace(/\s+/g, ' ').trim();
  // The selection's place in the passage as normalised above.
  const near = selectedAt === null ? null : passage.slice(0, Math.max(0, selectedAt)).replace(/\s+/g, ' ').trimStart().length;
  const at = w === '' ? -1 : wholeWordAt(p, w, near);
  if (at < 0 || w === p) {
    return null;
  }
  const before = p.slice(0, at);
  const after = p.slice(at + w.length);
  return { question: `${before}**${CLOZE_BLANK}**${after}`, answer: `**${w}**\n\n${before}**${w}**${after}` };
}
