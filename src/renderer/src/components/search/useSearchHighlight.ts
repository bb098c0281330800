import { type RefObject, useEffect } from 'react';

const NAME = 'search-hit';
const WORD = /[\p{L}\p{N}_]+/gu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

function fold(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
}

/**
 * Marks the words of `terms` in the rendered article with the CSS Custom Highlight API, which
 * styles text ranges without touching the DOM React owns. Where the API is missing, nothing is
 * marked (the reader still scrolls to the topic).
 */
export function useSearchHighlight(root: RefObject<HTMLElement | null>, terms: string[], ready: boolean): void {
  const key = terms.join(' ');
  useEffect(() => {
    const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
    const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
    const element = root.current;
    if (!ready || key === '' || registry === undefined || Highlight === undefined || element === null) {
      return;
    }
    const all = key.split(' ').map(fold);
    // CJK terms are bigrams inside longer runs: found by substring, not by word.
    const cjk = all.filter((t) => CJK.test(t));
    const wanted = all.filter((t) => !CJK.test(t));
    const matches = (word: string): boolean => {
      const w = fold(word);
      return wanted.some((t) => w === t || (t.length >= 3 && w.startsWith(t)) || (t.length >= 3 && w.split('_').includes(t)));
    };
    const ranges: Range[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null && ranges.length < 2000; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      for (const t of cjk) {
        for (let at = text.indexOf(t); at !== -1; at = text.indexOf(t, at + t.length)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + t.length);
          ranges.push(range);
        }
      }
      for (const m of text.matchAll(WORD)) {
        if (matches(m[0])) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          ranges.push(range);
        }
      }
    }
    registry.set(NAME, new Highlight(...ranges));
    element.setAttribute('data-search-highlights', String(ranges.length));
    return () => {
      registry.delete(NAME);
      element.removeAttribute('data-search-highlights');
    };
  }, [root, key, ready]);
}
