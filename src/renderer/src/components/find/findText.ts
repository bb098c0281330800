/**
 * Find in page, the pure part: matches of a query over the page's text split into segments (one
 * per text node), so a match may run across inline markup (`**bold** text`).
 */

/** Where a match starts and ends: segment index and offset in that segment (end exclusive). */
export type SegmentMatch = { startSeg: number; startOff: number; endSeg: number; endOff: number };

/** Case- and accent-insensitive folding that keeps one code unit per code unit (offsets stay valid). */
function foldChar(c: string): string {
  const lower = c.toLowerCase();
  if (lower.length !== 1) {
    return c;
  }
  const base = lower.normalize('NFD').charAt(0);
  return base.length === 1 ? base : lower;
}

function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    out += foldChar(s.charAt(i));
  }
  return out;
}

/** Every match of `query` (case- and accent-insensitive, whitespace runs match any whitespace run). */
export function findInSegments(segments: readonly string[], query: string, limit = 5000): SegmentMatch[] {
  const q = fold(query.trim());
  if (q === '') {
    return [];
  }
  const starts: number[] = [];
  let text = '';
  for (const s of segments) {
    starts.push(text.length);
    text += s;
  }
  const hay = fold(text);
  const escaped = q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const re = new RegExp(escaped, 'g');
  const locate = (at: number, end: boolean): [number, number] => {
    // The segment holding position `at`; an end position sits at the end of the previous segment.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = starts[mid] ?? 0;
      if (end ? s < at : s <= at) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return [lo, at - (starts[lo] ?? 0)];
  };
  const out: SegmentMatch[] = [];
  for (let m = re.exec(hay); m !== null && out.length < limit; m = re.exec(hay)) {
    const [startSeg, startOff] = locate(m.index, false);
    const [endSeg, endOff] = locate(m.index + m[0].length, true);
    out.push({ startSeg, startOff, endSeg, endOff });
  }
  return out;
}
