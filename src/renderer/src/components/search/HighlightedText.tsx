import type { Highlighted } from '../../../../core/search/types';

/** Text with its matched ranges wrapped in <mark>. */
export function HighlightedText({ value }: { value: Highlighted }) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of value.ranges) {
    if (start > at) {
      parts.push({ text: value.text.slice(at, start), mark: false });
    }
    parts.push({ text: value.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < value.text.length) {
    parts.push({ text: value.text.slice(at), mark: false });
  }
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
