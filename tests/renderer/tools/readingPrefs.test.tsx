import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, FONT_MAX, FONT_MIN, applyReadingPrefs, getReadingPrefs, parsePrefs, setReadingPrefs } from '../../../src/renderer/src/components/settings/readingPrefs';

afterEach(() => window.localStorage.clear());

describe('reading preferences', () => {
  it('keeps what is valid of a stored value and clamps the font size', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs({ width: 'wide', fontSize: 19.6 })).toEqual({ width: 'wide', fontSize: 20 });
    expect(parsePrefs({ width: 'enormous', fontSize: 400 })).toEqual({ width: DEFAULT_PREFS.width, fontSize: FONT_MAX });
    expect(parsePrefs({ fontSize: -3 }).fontSize).toBe(FONT_MIN);
    expect(parsePrefs('junk')).toEqual(DEFAULT_PREFS);
  });

  it('remembers a change and applies it as CSS variables', () => {
    setReadingPrefs({ width: 'full', fontSize: 18 });
    expect(getReadingPrefs()).toEqual({ width: 'full', fontSize: 18 });
    expect(JSON.parse(window.localStorage.getItem('nexus.layout.reading') ?? 'null')).toEqual({ width: 'full', fontSize: 18 });
    const root = document.documentElement;
    expect(root.style.getPropertyValue('--reading-width')).toBe('none');
    expect(root.style.getPropertyValue('--reading-font-size')).toBe('18px');
    applyReadingPrefs({ width: 'narrow', fontSize: 15 });
    expect(root.style.getPropertyValue('--reading-width')).toBe('680px');
  });
});
