import { describe, expect, it } from 'vitest';
import { Vocabulary, withinOneEdit } from '../../../src/core/search/vocabulary';

/** A vocabulary where each term is held by `count` entries. */
function vocabulary(counts: Record<string, number>): Vocabulary {
  const v = new Vocabulary();
  for (const [term, count] of Object.entries(counts)) {
    const id = v.intern(term);
    for (let i = 0; i < count; i++) {
      v.addEntryTerm(id);
    }
  }
  return v;
}

describe('Vocabulary', () => {
  it('finds every indexed term one edit away, most frequent first, and nothing further', () => {
    const v = vocabulary({ authentication: 3, authenticate: 1, dependency: 2, dependence: 5, uploads: 1, upload: 4, unrelated: 9 });
    expect(v.typos('authentcation')).toEqual(['authentication']);
    expect(v.typos('dependancy')).toEqual(['dependency']);
    expect(v.typos('uplaods')).toEqual(['uploads']);
    expect(v.typos('uploadz')).toEqual(['upload', 'uploads']);
    expect(v.typos('authntcation')).toEqual([]);
    // The generated candidates agree with the edit-distance check on every term.
    for (const word of ['authentcation', 'dependancy', 'uplaods', 'uploadz', 'unrelate']) {
      const all = ['authentication', 'authenticate', 'dependency', 'dependence', 'uploads', 'upload', 'unrelated'];
      expect(new Set(v.typos(word))).toEqual(new Set(all.filter((t) => t !== word && withinOneEdit(word, t))));
    }
  });

  it('forgives typos in non-latin words using their own letters', () => {
    const v = vocabulary({ зависимость: 2 });
    expect(v.typos('зависимост')).toEqual(['зависимость']);
    expect(v.typos('зависимасть')).toEqual(['зависимость']);
  });

  it('completes a prefix with its most frequent terms, at most 24, never the prefix itself', () => {
    const counts: Record<string, number> = { de: 50, deploy: 3, depends: 7, delete: 7, default: 1, zebra: 99 };
    for (let i = 0; i < 40; i++) {
      counts[`dex${String(i).padStart(2, '0')}`] = 2;
    }
    const v = vocabulary(counts);
    const found = v.completions('de');
    expect(found).toHaveLength(24);
    expect(found.slice(0, 3)).toEqual(['delete', 'depends', 'deploy']);
    expect(found).not.toContain('de');
    expect(found).not.toContain('default');
    expect(found).not.toContain('zebra');
    expect(v.completions('dep')).toEqual(['depends', 'deploy']);
    expect(v.completions('q')).toEqual([]);
  });

  it('completes terms added after a completion was asked for', () => {
    const v = vocabulary({ cache: 1 });
    expect(v.completions('ca')).toEqual(['cache']);
    v.addEntryTerm(v.intern('caching'));
    v.addEntryTerm(v.intern('cab'));
    expect(v.expand('ca', { prefix: true, typo: false }).map((e) => e.term).sort()).toEqual(['cab', 'cache', 'caching']);
  });

  it('expands a word to its stem forms, and to typo forms only when the word is unknown', () => {
    const v = vocabulary({ upload: 1, uploads: 1, uploading: 1, download: 1 });
    const forms = v.expand('uploads', { prefix: false, typo: true });
    expect(forms.find((e) => e.term === 'uploads')).toMatchObject({ how: 'exact', weight: 1 });
    expect(forms.filter((e) => e.how === 'stem').map((e) => e.term).sort()).toEqual(['upload', 'uploading']);
    expect(v.expand('uplods', { prefix: false, typo: true }).map((e) => e.term)).toContain('uploads');
  });

  it('prepares in steps and survives toJSON/fromJSON with the same answers', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 9000; i++) {
      counts[`term${i}`] = 1 + (i % 5);
    }
    const v = vocabulary(counts);
    let steps = 0;
    for (const _ of v.prepare()) {
      steps++;
    }
    expect(steps).toBeGreaterThan(2);
    const copy = Vocabulary.fromJSON(JSON.parse(JSON.stringify(v.toJSON())) as ReturnType<Vocabulary['toJSON']>);
    expect(copy.size).toBe(9000);
    expect(copy.count('term4')).toBe(5);
    expect(copy.completions('term89')).toEqual(v.completions('term89'));
    expect(copy.typos('term123x')).toEqual(v.typos('term123x'));
  });
});
