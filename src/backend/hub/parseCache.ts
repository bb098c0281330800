/**
 * Parsed docs kept on disk between runs, keyed by each file's content hash, so a large hub opens
 * from the cache and only changed files are parsed again. A missing, corrupt or older-format cache
 * is ignored (and rewritten); it never holds anything the hub itself does not. Written like the
 * database (unique temp file, fsync, rename; the temp file is removed when the write fails), so a
 * full disk leaves the old cache or none, never a partial file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HubProblem, ParsedDoc } from '../../core/hub/types';
import type { Logger } from '../logger';
import { errorCode, sweepTempFiles, writeFileDurable } from '../store/durableWrite';

// 3: `:::` containers, .mdx docs.
const FORMAT = 3;

/** What parsing a file gave: its doc, or the problem that kept it out. */
export type CachedOutcome = { hash: string; doc: ParsedDoc; problem?: undefined } | { hash: string; doc?: undefined; problem: HubProblem };

/** Parse outcomes by path, each with the hash of the bytes it came from. */
export type ParseCacheEntries = Map<string, CachedOutcome>;

/** Where parsed docs are cached; `null` caches nothing (tests, hubs opened for a moment). */
export type ParseCache = {
  load(realRoot: string): Promise<ParseCacheEntries>;
  save(realRoot: string, entries: ParseCacheEntries): Promise<void>;
};

/** The hash a cache entry is keyed by: SHA-1 of the file's bytes (core's contentHash fingerprints strings). */
export function fileBytesHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** A parse cache in `dir`, one JSON file per hub folder. */
export function fileParseCache(dir: string, logger: Logger): ParseCache {
  const fileOf = (realRoot: string): string =>
    path.join(dir, `parsed-${createHash('sha1').update(realRoot).digest('hex').slice(0, 16)}.json`);
  let swept = false;
  /** Once per run: temp files of cache writes that a killed process never finished. */
  const sweep = async (): Promise<void> => {
    if (!swept) {
      swept = true;
      await sweepTempFiles(dir);
    }
  };
  return {
    load: async (realRoot) => {
      await sweep();
      try {
        const raw = JSON.parse(await readFile(fileOf(realRoot), 'utf8')) as { format?: unknown; root?: unknown; entries?: unknown };
        if (raw.format !== FORMAT || raw.root !== realRoot || !Array.isArray(raw.entries)) {
          return new Map();
        }
        return new Map(raw.entries as Array<[string, CachedOutcome]>);
      } catch {
        return new Map();
      }
    },
    save: async (realRoot, entries) => {
      try {
        await mkdir(dir, { recursive: true });
        await sweep();
        await writeFileDurable(fileOf(realRoot), JSON.stringify({ format: FORMAT, root: realRoot, entries: [...entries] }));
      } catch (e) {
        // A cache that cannot be written only costs time on the next start.
        logger.warn('parse cache not saved', { code: errorCode(e), error: String(e).slice(0, 500) });
      }
    },
  };
}
