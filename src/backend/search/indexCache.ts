/**
 * The on-disk search index cache: one file per hub folder in `<dataDir>/search/`, holding the
 * exported index, the hub's content hash and each doc's hash (so a changed doc is re-indexed
 * alone). Written as JSON lines so neither writing nor reading holds the event loop for long.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { contentHash } from '../../core/search/contentHash';
import type { SearchIndexDump } from '../../core/search/searchIndex';

/** Bump when the tokenizer, fields or dump shape change: older caches are then ignored. */
export const CACHE_VERSION = 3;

/** What the cache holds besides the index. */
export type CacheMeta = { version: number; hubHash: string; docHashes: Record<string, string> };

/** A cache read back. */
export type CachedIndex = { meta: CacheMeta; dump: SearchIndexDump };

const CHUNK = 20_000;

/** The cache file of a hub folder. */
export function cacheFile(dataDir: string, hubRealRoot: string): string {
  return path.join(dataDir, 'search', `index-${contentHash([hubRealRoot])}.jsonl`);
}

/** Writes the cache durably (temp file, fsync, rename), yielding between pieces. */
export async function writeCache(file: string, meta: CacheMeta, dump: SearchIndexDump): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    const line = async (value: unknown): Promise<void> => {
      await handle.write(`${JSON.stringify(value)}\n`);
      await yieldToLoop();
    };
    await line({ meta, lengths: dump.lengths, version: dump.version });
    for (let i = 0; i < dump.entries.length; i += CHUNK / 4) {
      await line({ entries: dump.entries.slice(i, i + CHUNK / 4) });
    }
    for (let i = 0; i < dump.vocabulary.length; i += CHUNK) {
      await line({ vocabulary: dump.vocabulary.slice(i, i + CHUNK) });
    }
    for (const [key, data] of Object.entries(dump.flex)) {
      await line({ flex: [key, data] });
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

type Line = {
  meta?: CacheMeta;
  lengths?: number[][];
  version?: 1;
  entries?: SearchIndexDump['entries'];
  vocabulary?: SearchIndexDump['vocabulary'];
  flex?: [string, string];
};

/** Reads a cache; null when it is missing, unreadable or of another version. */
export async function readCache(file: string): Promise<CachedIndex | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const dump: SearchIndexDump = { version: 1, entries: [], lengths: [], vocabulary: [], flex: {} };
    let meta: CacheMeta | null = null;
    let started = Date.now();
    for (const raw of text.split('\n')) {
      if (raw === '') {
        continue;
      }
      const line = JSON.parse(raw) as Line;
      if (line.meta !== undefined) {
        meta = line.meta;
        dump.lengths = line.lengths ?? [];
      }
      if (line.entries !== undefined) {
        dump.entries.push(...line.entries);
      }
      if (line.vocabulary !== undefined) {
        dump.vocabulary.push(...line.vocabulary);
      }
      if (line.flex !== undefined) {
        dump.flex[line.flex[0]] = line.flex[1];
      }
      if (Date.now() - started > 20) {
        await yieldToLoop();
        started = Date.now();
      }
    }
    if (meta?.version !== CACHE_VERSION) {
      return null;
    }
    return { meta, dump };
  } catch {
    // A torn or corrupt cache is only a lost speed-up: drop it and index again.
    await rm(file, { force: true });
    return null;
  }
}
