import { beforeEach, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search/searchIndex';
import type { SearchResult } from '../../../src/core/search/types';
import { corpus, entry } from './fixtures';

function keys(result: SearchResult): string[] {
  return result.hits.map((h) => h.key);
}

describe('SearchIndex', () => {
  let index: SearchIndex;
  beforeEach(() => {
    index = new SearchIndex();
    corpus.forEach((e) => index.add(e));
  });

  it('ranks a title match above a body-only match', () => {
    const hits = keys(index.search('authentication', { prefix: false }));
    expect(hits[0]).toBe('guide/auth.md#authentication');
    expect(hits).toContain('guide/cache.md#body-only');
    expect(hits.indexOf('guide/auth.md#authentication')).toBeLessThan(hits.indexOf('guide/cache.md#body-only'));
  });

  it('puts hits with every word first', () => {
    const hits = index.search('dependency injection', { prefix: false }).hits;
    expect(hits[0]?.key).toBe('guide/orm.md#dependency-injection');
    expect(hits[0]?.matched).toBe(2);
    const sql = hits.find((h) => h.key === 'guide/orm.md#injection');
    expect(sql?.matched).toBe(1);
  });

  it('matches the last word as a prefix while typing, and only then', () => {
    expect(keys(index.search('dependency inj'))[0]).toBe('guide/orm.md#dependency-injection');
    expect(keys(index.search('authent'))[0]).toBe('guide/auth.md#authentication');
    expect(index.search('authent', { prefix: false }).hits).toHaveLength(0);
  });

  it('forgives one typo per word', () => {
    expect(keys(index.search('authentcation', { prefix: false }))[0]).toBe('guide/auth.md#authentication');
    expect(keys(index.search('dependancy injction', { prefix: false }))[0]).toBe('guide/orm.md#dependency-injection');
    expect(index.search('authntcation', { prefix: false }).hits).toHaveLength(0);
  });

  it('finds identifiers whole and by their parts, and ignores case', () => {
    expect(keys(index.search('select_related', { prefix: false }))[0]).toBe('guide/orm.md#queries');
    expect(keys(index.search('SELECT RELATED', { prefix: false }))[0]).toBe('guide/orm.md#queries');
    expect(keys(index.search('HTTPException', { prefix: false }))[0]).toBe('guide/errors.md#errors');
    expect(keys(index.search('http exception', { prefix: false }))[0]).toBe('guide/errors.md#errors');
    expect(keys(index.search('@api_view', { prefix: false }))[0]).toBe('guide/drf.md#views');
  });

  it('finds CJK text by words written in it', () => {
    expect(keys(index.search('依赖注入', { prefix: false }))[0]).toBe('guide/zh.md#intro');
    expect(keys(index.search('系统'))[0]).toBe('guide/zh.md#intro');
  });

  it('finds endpoints by operationId, method and path', () => {
    expect(keys(index.search('listBooks', { prefix: false }))[0]).toBe('api/openapi.yml#list-books');
    expect(keys(index.search('get books', { prefix: false }))[0]).toBe('api/openapi.yml#list-books');
  });

  it('returns snippets and titles with highlight ranges on the matched words', () => {
    const hit = index.search('select_related', { prefix: false }).hits[0]!;
    const marked = hit.snippet.ranges.map(([s, e]) => hit.snippet.text.slice(s, e));
    expect(marked).toEqual(['select_related']);
    const title = index.search('dependency', { prefix: false }).hits[0]!.title;
    expect(title.ranges.map(([s, e]) => title.text.slice(s, e))).toEqual(['Dependency']);
  });

  it('filters by folder, doc, kind and study facts', () => {
    expect(keys(index.search('authentication', { prefix: false, filters: { paths: ['guide/cache.md'] } }))).toEqual(['guide/cache.md#body-only']);
    expect(keys(index.search('books', { prefix: false, filters: { kinds: ['section'] } }))).not.toContain('api/openapi.yml#list-books');
    expect(keys(index.search('books', { prefix: false, filters: { kinds: ['endpoint'] } }))).toEqual(['api/openapi.yml#list-books']);
    expect(keys(index.search('books', { prefix: false, filters: { paths: ['api'] } }))).toEqual(['api/openapi.yml#list-books']);
    const study = { isDone: (id: string) => id === 'guide/auth.md#authentication', hasNotes: (id: string) => id === 'guide/cache.md#body-only' };
    expect(keys(index.search('authentication', { prefix: false, study, filters: { notDone: true } }))).not.toContain('guide/auth.md#authentication');
    expect(keys(index.search('authentication', { prefix: false, study, filters: { hasNotes: true } }))).toEqual(['guide/cache.md#body-only']);
  });

  it('replaces and removes entries by key', () => {
    index.add(entry('guide/auth.md#authentication', 'Login', 'Sign in with a password.'));
    expect(keys(index.search('password', { prefix: false }))).toEqual(['guide/auth.md#authentication']);
    expect(keys(index.search('tokens', { prefix: false }))).not.toContain('guide/auth.md#authentication');
    index.remove('guide/auth.md#authentication');
    expect(index.search('password', { prefix: false }).hits).toHaveLength(0);
    expect(index.staleCount).toBe(2);
  });

  it('survives export and import with the same answers', () => {
    const dump = JSON.parse(JSON.stringify(index.export())) as ReturnType<SearchIndex['export']>;
    const byKey = new Map(corpus.map((e) => [e.key, e]));
    const loaded = SearchIndex.import(dump, (key) => byKey.get(key) ?? null);
    for (const q of ['authentication', 'select_related', '依赖注入', 'dependency inj']) {
      expect(keys(loaded.search(q))).toEqual(keys(index.search(q)));
    }
    const withoutCache = SearchIndex.import(dump, (key) => (key.startsWith('guide/cache.md') ? null : (byKey.get(key) ?? null)));
    expect(keys(withoutCache.search('authentication', { prefix: false }))).not.toContain('guide/cache.md#body-only');
  });
});
