import { mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_VERSION, readCache, writeCache } from '../../../src/backend/search/indexCache';
import { SearchIndex } from '../../../src/core/search/searchIndex';
import { corpus } from '../../core/search/fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function built(): SearchIndex {
  const index = new SearchIndex();
  corpus.forEach((e) => index.add(e));
  return index;
}

const meta = { version: CACHE_VERSION, hubHash: 'h1', docHashes: { 'guide/auth.md': 'a1' } };

describe('index cache file', () => {
  it('round-trips an index: same answers, postings loaded as uint32 views', async () => {
    const index = built();
    const file = path.join(dir, 'index.bin');
    await writeCache(file, meta, index.export());
    expect(await readdir(dir)).toEqual(['index.bin']);
    const cached = await readCache(file);
    expect(cached?.meta).toEqual(meta);
    expect(cached?.dump.postings[0]?.ids).toBeInstanceOf(Uint32Array);
    const byKey = new Map(corpus.map((e) => [e.key, e]));
    const loaded = SearchIndex.import(cached!.dump, (key) => byKey.get(key) ?? null);
    for (const q of ['authentication', 'select_related', '依赖注入', 'dependency inj', 'authentcation', 'get books']) {
      expect(loaded.search(q).hits.map((h) => h.key)).toEqual(index.search(q).hits.map((h) => h.key));
    }
  });

  it('returns null for a missing file, another version, and drops a torn or corrupt one', async () => {
    expect(await readCache(path.join(dir, 'none.bin'))).toBeNull();
    const old = path.join(dir, 'old.bin');
    await writeCache(old, { ...meta, version: CACHE_VERSION - 1 }, built().export());
    expect(await readCache(old)).toBeNull();

    const torn = path.join(dir, 'torn.bin');
    await writeCache(torn, meta, built().export());
    const bytes = await readFile(torn);
    await writeFile(torn, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    expect(await readCache(torn)).toBeNull();
    const garbage = path.join(dir, 'garbage.bin');
    await writeFile(garbage, '{not a cache');
    expect(await readCache(garbage)).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['old.bin']);
  });
});
