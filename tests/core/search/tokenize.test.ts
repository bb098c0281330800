import { describe, expect, it } from 'vitest';
import { cjkBigrams, fold, identifierParts, queryWords, tokenize } from '../../../src/core/search/tokenize';
import { stem } from '../../../src/core/search/stem';
import { withinOneEdit } from '../../../src/core/search/vocabulary';

describe('tokenize', () => {
  it('folds case and accents', () => {
    expect(fold('Crème BRÛLÉE Über')).toBe('creme brulee uber');
    expect(tokenize('Résumé CAFÉ')).toEqual(['resume', 'cafe']);
  });

  it('keeps identifiers whole and adds their parts', () => {
    expect(tokenize('select_related')).toEqual(['select_related', 'select', 'related']);
    expect(tokenize('HTTPException')).toEqual(['httpexception', 'http', 'exception']);
    expect(tokenize('@api_view')).toEqual(['api_view', 'api', 'view']);
    expect(identifierParts('getUserById')).toEqual(['get', 'user', 'by', 'id']);
    expect(identifierParts('plain')).toEqual([]);
  });

  it('drops stop words from documents but not from identifiers', () => {
    expect(tokenize('how to use the cache')).toEqual(['use', 'cache']);
    expect(tokenize('how to use the cache', true)).toEqual(['how', 'to', 'use', 'the', 'cache']);
  });

  it('cuts CJK runs into bigrams next to latin words', () => {
    expect(cjkBigrams('依赖注入')).toEqual(['依赖', '赖注', '注入']);
    expect(cjkBigrams('中')).toEqual(['中']);
    expect(tokenize('FastAPI的依赖注入')).toEqual(['fastapi', 'fast', 'api', '的依', '依赖', '赖注', '注入']);
  });

  it('turns a query into words, identifiers whole, stop words marked', () => {
    expect(queryWords('How HTTPException select_related')).toEqual([
      { term: 'how', stop: true },
      { term: 'httpexception', stop: false },
      { term: 'select_related', stop: false },
    ]);
    expect(queryWords('依赖注入').map((w) => w.term)).toEqual(['依赖', '赖注', '注入']);
  });
});

describe('typo distance and stems', () => {
  it('accepts exactly one insertion, deletion, substitution or swap', () => {
    expect(withinOneEdit('authentcation', 'authentication')).toBe(true);
    expect(withinOneEdit('uplaods', 'uploads')).toBe(true);
    expect(withinOneEdit('dependancy', 'dependency')).toBe(true);
    expect(withinOneEdit('dockerfle', 'dockerfile')).toBe(true);
    expect(withinOneEdit('dependancy', 'dependence')).toBe(false);
    expect(withinOneEdit('cat', 'dogs')).toBe(false);
  });

  it('joins word forms on one stem', () => {
    expect(stem('uploads')).toBe(stem('upload'));
    expect(stem('returning')).toBe(stem('returned'));
    expect(stem('dependencies')).toBe(stem('dependency'));
    expect(stem('class')).toBe('class');
  });
});
