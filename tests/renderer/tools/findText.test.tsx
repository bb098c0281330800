import { describe, expect, it } from 'vitest';
import { findInSegments } from '../../../src/renderer/src/components/find/findText';

describe('findInSegments', () => {
  it('finds every match, ignoring case and accents', () => {
    const m = findInSegments(['Café cache. CAFE again'], 'cafe');
    expect(m).toEqual([
      { startSeg: 0, startOff: 0, endSeg: 0, endOff: 4 },
      { startSeg: 0, startOff: 12, endSeg: 0, endOff: 16 },
    ]);
  });

  it('finds a match that runs across inline markup (text nodes)', () => {
    // "**bold** text" renders as two text nodes.
    const m = findInSegments(['see ', 'bold', ' text here'], 'bold text');
    expect(m).toEqual([{ startSeg: 1, startOff: 0, endSeg: 2, endOff: 5 }]);
  });

  it('treats regex characters literally and any whitespace run as a space', () => {
    expect(findInSegments(['a.b a+b (x)'], 'a+b')).toEqual([{ startSeg: 0, startOff: 4, endSeg: 0, endOff: 7 }]);
    expect(findInSegments(['two\n   words'], 'two words')).toHaveLength(1);
    expect(findInSegments(['anything'], '   ')).toEqual([]);
    expect(findInSegments(['abc'], 'abcd')).toEqual([]);
  });

  it('ends a match at the end of its segment, not the start of the next', () => {
    expect(findInSegments(['ab', 'cd'], 'ab')).toEqual([{ startSeg: 0, startOff: 0, endSeg: 0, endOff: 2 }]);
  });
});
