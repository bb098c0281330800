/** Long compound words are found by a part of four letters or more, when both parts are words of the hub. */
import { describe, expect, it } from 'vitest';
import { drain } from '../../../src/core/search/scoreBoard';
import { SearchIndex } from '../../../src/core/search/searchIndex';
import { Vocabulary } from '../../../src/core/search/vocabulary';
import { entry } from './fixtures';

function vocabularyOf(...terms: string[]): Vocabulary {
  const v = new Vocabulary();
  for (const t of terms) {
    v.addEntryTerm(v.intern(t));
  }
  return v;
}

function parts(v: Vocabulary, word: string): string[] {
  return v
    .expand(word, { prefix: false, typo: false })
    .filter((e) => e.how === 'part')
    .map((e) => e.term)
    .sort();
}

describe('compound words', () => {
  it('are found by a part of four letters or more when both parts are indexed words', () => {
    const v = vocabularyOf('websocket', 'web', 'socket', 'dataclasses', 'data', 'classes', 'dataclass', 'class');
    expect(parts(v, 'socket')).toEqual(['websocket']);
    expect(parts(v, 'data')).toEqual(['dataclass', 'dataclasses']);
    expect(parts(v, 'classes')).toEqual(['dataclasses']);
    // Three letters are too few to find a compound by.
    expect(parts(v, 'web')).toEqual([]);
  });

  it('are not split where a side is no word of the hub', () => {
    const v = vocabularyOf('configuration', 'config', 'ration', 'information', 'formation');
    expect(parts(v, 'ration')).toEqual([]);
    expect(parts(v, 'config')).toEqual([]);
    expect(parts(v, 'formation')).toEqual([]);
  });

  it('leave short words and identifiers whole', () => {
    const v = vocabularyOf('fastapi', 'fast', 'api', 'user_name', 'user', 'name');
    expect(parts(v, 'fast')).toEqual([]);
    expect(parts(v, 'name')).toEqual([]);
  });

  it('rank a section holding the word itself above one holding it only inside a compound', () => {
    const index = new SearchIndex();
    index.add(entry('a.md#ws', 'Live updates', 'Open a websocket to push events to the browser.'));
    index.add(entry('b.md#tcp', 'Streams', 'A socket is one end of a TCP connection; the web server listens on it.'));
    const keys = index.search('socket', { prefix: false }).hits.map((h) => h.key);
    expect(keys).toEqual(['b.md#tcp', 'a.md#ws']);
  });

  it('are not guessed at: a part that is no word of the hub elsewhere finds nothing', () => {
    const index = new SearchIndex();
    index.add(entry('a.md#ws', 'Live updates', 'Open a websocket to push events to the browser from the web.'));
    expect(index.search('socket', { prefix: false }).hits).toEqual([]);
    index.add(entry('b.md#tcp', 'Streams', 'A socket is one end of a TCP connection.'));
    // The service prepares the index after every build: compounds seen before their part are split then.
    drain(index.prepare());
    const result = index.search('socket', { prefix: false });
    expect(result.hits.map((h) => h.key)).toEqual(['b.md#tcp', 'a.md#ws']);
    expect(result.terms).toContain('websocket');
  });
});
