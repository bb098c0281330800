/**
 * Parsed docs kept on disk between runs, keyed by each file's content hash, so a large hub opens
 * from the cache and only changed files are parsed again. A missing, corrupt or older-format cache
 * is ignored (and rewritten); it never holds anything the hub itself does not. Written like the
 * database (unique temp file, fsync, rename; the temp file is removed when the write fails), so a
 * full disk leaves the old cache or none, never a partial file.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HubProblem, ParsedDoc, RenderedDoc } from '../../core/hub/types';
import type { Logger } from '../logger';
import { errorCode, sweepTempFiles, writeFileDurable, writeFileDurableWith } from '../store/durableWrite';

// 3: `:::` containers, .mdx docs. 4: CRLF/BOM read as remark reads them, lezer outline fixes.
const FORMAT = 4;

/** What parsing a file gave: its doc, or the problem that kept it out. */
export type CachedOutcome = { hash: string; doc: ParsedDoc; problem?: undefined } | { hash: string; doc?: undefined; problem: HubProblem };

/** Parse outcomes by path, each with the hash of the bytes it came from. */
export type ParseCacheEntries = Map<string, CachedOutcome>;

/** Where parsed docs are cached; `null` caches nothing (tests, hubs opened for a moment). */
export type ParseCache = {
  load(realRoot: string): Promise<ParseCacheEntries>;
  save(realRoot: string, entries: ParseCacheEntries): Promise<void>;
  /**
   * Rendered docs by a key naming everything the render depends on (the doc's bytes, the hub's
   * files...): the doc last read shows on the next start before a parse worker is up. The last
   * RENDERED_KEPT are kept.
   */
  loadRendered?(key: string): Promise<RenderedDoc | null>;
  saveRendered?(key: string, doc: RenderedDoc): Promise<void>;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `v` has the fields of a ParsedDoc that the hub reads. */
function isDoc(v: unknown): v is ParsedDoc {
  return (
    isObject(v) &&
    typeof v['path'] === 'string' &&
    typeof v['title'] === 'string' &&
    ['topics', 'anchors', 'texts', 'problems'].every((k) => Array.isArray(v[k])) &&
    (v['topics'] as unknown[]).every((t) => isObject(t) && typeof t['id'] === 'string' && typeof t['title'] === 'string')
  );
}

/** Whether `v` is a `[path, outcome]` cache entry. */
function isEntry(v: unknown): v is [string, CachedOutcome] {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || !isObject(v[1]) || typeof v[1]['hash'] !== 'string') {
    return false;
  }
  const { doc, problem } = v[1];
  return doc !== undefined ? isDoc(doc) : isObject(problem) && typeof problem['message'] === 'string' && typeof problem['code'] === 'string';
}

/** Rendered docs kept on disk. */
export const RENDERED_KEPT = 16;

/** The hash a cache entry is keyed by: SHA-1 of the file's bytes (core's contentHash fingerprints strings). */
export function fileBytesHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Characters of JSON written at once: the text of a large hub is never one string in memory. */
const WRITE_CHARS = 1 << 20;

/**
 * Writes `{"format":..,"root":..,"entries":[[path, outcome],...]}` (the bytes JSON.stringify would
 * give) an entry at a time, in pieces of about WRITE_CHARS: the whole cache of a large hub as one
 * string (tens of MB, twice that for text outside Latin-1) plus its UTF-8 copy was the main process's
 * largest allocation.
 */
async function writeEntries(handle: Pick<FileHandle, 'write'>, realRoot: string, entries: ParseCacheEntries): Promise<void> {
  const write = async (text: string): Promise<void> => {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) {
      at += (await handle.write(bytes, at)).bytesWritten;
    }
  };
  // `{"format":4,"root":"...","entries":[`, then the entries, then `]}`.
  let piece = JSON.stringify({ format: FORMAT, root: realRoot, entries: [] }).slice(0, -2);
  let first = true;
  for (const entry of entries) {
    piece += `${first ? '' : ','}${JSON.stringify(entry)}`;
    first = false;
    if (piece.length >= WRITE_CHARS) {
      await write(piece);
      piece = '';
    }
  }
  await write(`${piece}]}`);
}

/** A parse cache in `dir`, one JSON file per hub folder. */
export function fileParseCache(dir: string, logger: Logger): ParseCache {
  const fileOf = (realRoot: string): string =>
    path.join(dir, `parsed-${createHash('sha1').update(realRoot).digest('hex').slice(0, 16)}.json`);
  const renderedOf = (key: string): string => path.join(dir, `rendered-${createHash('sha1').update(key).digest('hex').slice(0, 24)}.json`);
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
        // Valid JSON of the wrong shape (a flipped byte in a key) is as unusable as a torn file.
        const entries = raw.entries as unknown[];
        return entries.every(isEntry) ? new Map(entries) : new Map();
      } catch {
        return new Map();
      }
    },
    loadRendered: async (key) => {
      try {
        const raw = JSON.parse(await readFile(renderedOf(key), 'utf8')) as { format?: unknown; key?: unknown; doc?: unknown };
        const doc: unknown = raw.doc;
        const hast = isObject(doc) ? doc['safeHast'] : undefined;
        return raw.format === FORMAT && raw.key === key && isDoc(doc) && isObject(hast) && hast['type'] === 'root' ? (doc as RenderedDoc) : null;
      } catch {
        return null;
      }
    },
    saveRendered: async (key, doc) => {
      try {
        await mkdir(dir, { recursive: true });
        await writeFileDurable(renderedOf(key), JSON.stringify({ format: FORMAT, key, doc }));
        const names = (await readdir(dir)).filter((n) => n.startsWith('rendered-') && n.endsWith('.json'));
        if (names.length > RENDERED_KEPT) {
          const aged = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })));
          aged.sort((a, b) => a.t - b.t);
          await Promise.all(aged.slice(0, aged.length - RENDERED_KEPT).map((a) => rm(path.join(dir, a.n), { force: true })));
        }
      } catch (e) {
        logger.warn('rendered doc not cached', { code: errorCode(e), error: String(e).slice(0, 500) });
      }
    },
    save: async (realRoot, entries) => {
      try {
        await mkdir(dir, { recursive: true });
        await sweep();
        await writeFileDurableWith<FileHandle>(fileOf(realRoot), (handle) => writeEntries(handle, realRoot, entries), (tmp) => open(tmp, 'wx', 0o600));
      } catch (e) {
        // A cache that cannot be written only costs time on the next start.
        logger.warn('parse cache not saved', { code: errorCode(e), error: String(e).slice(0, 500) });
      }
    },
  };
}
