import { describe, expect, it } from 'vitest';
import { createSlugger } from '../../../src/core/hub/slug';

describe('createSlugger', () => {
  it('matches GitHub: lower case, punctuation dropped, duplicates numbered, emoji-only fallback', () => {
    const s = createSlugger();
    expect(['CI/CD with GitHub Actions', 'N+1 Queries', 'N+1 Queries', '🚀', '🎉', 'Ünïcode Straße'].map((t) => s.slug(t))).toEqual([
      'cicd-with-github-actions',
      'n1-queries',
      'n1-queries-1',
      'section',
      'section-1',
      'ünïcode-straße',
    ]);
  });

  it('keeps generated slugs clear of reserved explicit ids', () => {
    const s = createSlugger();
    expect(s.reserve('intro')).toBe('intro');
    expect(s.slug('Intro')).toBe('intro-1');
  });
});
