/**
 * The on-disk search index cache: one file per hub folder in `<dataDir>/search/`, holding the
 * exported index, the hub's content hash and each doc's hash (so a changed doc is re-indexed
 * alone).
 *
 * Format: a sequence of sections, each `[kind u32][byteLength u32][bytes, padded to 4]`, kind 1 a
 * JSON value and kind 2 a little-endian Uint32Array. The postings are stored as raw uint32 and
 * loaded as views on the file's buffer (no parsing); the JSON parts are cut in pieces small
 * enough to parse between yields, so neither writing nor reading holds the event loop for long.
 *
 * Written like the database (unique temp file, fsync, rename; the temp file is removed when the
 * write fails), so a full disk leaves the old cache or none, never a partial file; temp files of
 * writes a killed process never finished are swept the first time a cache folder is used.
 */
import { type FileHandle, mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { contentHash } from '../../core/search/contentHash';
import type { FlatPostings } from '../../core/search/postings';
import type { SearchIndexDump } from '../../core/search/searchIndex';
import { pidAlive, sweepTempFiles, writeFileDurableWith } from '../store/durableWrite';

/** Bump when the tokenizer, fields or dump shape change: older caches are then ignored. */
export const CACHE_VERSION = 8;

/** What the cache holds besides the index. */
export type CacheMeta = { version: number; hubHash: string; docHashes: Record<string, string> };

/** A cache read back. */
export type CachedIndex = { meta: CacheMeta; dump: SearchIndexDump };

const MAGIC = 0x4e58_5331; // "NXS1"
const JSON_SECTION = 1;
const U32_SECTION = 2;
const ENTRIES_PER_SECTION = 1000;
const TERMS_PER_SECTION = 10_000;

/** The cache file of a hub folder. */
export function cacheFile(dataDir: string, hubRealRoot: string): string {
  return path.join(dataDir, 'search', `index-${contentHash([hubRealRoot])}.bin`);
}

type Header = { magic: number; meta: CacheMeta; version: 2; entrySections: number; termSections: number; fields: number };

/** The part of a file handle a cache write uses. */
export type CacheFileHandle = Pick<FileHandle, 'write' | 'sync' | 'close'>;

/** Test seam: opens the new temp file (fault injection for a full disk or a failing device). */
export type CacheWriteOptions = { openTemp?: (file: string) => Promise<CacheFileHandle> };

const openTempFile = (file: string): Promise<CacheFileHandle> => open(file, 'wx', 0o600);

/**
 * Writes the cache durably (unique temp file, fsync, rename), yielding between sections. A write
 * that fails (disk full...) removes its temp file and leaves the old cache file as it was.
 */
export async function writeCache(file: string, meta: CacheMeta, dump: SearchIndexDump, options: CacheWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  await sweepOnce(dir);
  await writeFileDurableWith(file, (handle) => writeSections(handle, meta, dump), options.openTemp ?? openTempFile);
}

async function writeSections(handle: CacheFileHandle, meta: CacheMeta, dump: SearchIndexDump): Promise<void> {
  const section = async (kind: number, bytes: Uint8Array): Promise<void> => {
    const head = new Uint32Array([kind, bytes.byteLength]);
    const pad = (4 - (bytes.byteLength % 4)) % 4;
    await handle.write(new Uint8Array(head.buffer));
    await handle.write(bytes);
    if (pad > 0) {
      await handle.write(new Uint8Array(pad));
    }
    await yieldToLoop();
  };
  const json = (value: unknown): Promise<void> => section(JSON_SECTION, Buffer.from(JSON.stringify(value), 'utf8'));
  const u32 = (values: ArrayLike<number>): Promise<void> => {
    const array = values instanceof Uint32Array ? values : Uint32Array.from(values);
    return section(U32_SECTION, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  };
  const entrySections = Math.ceil(dump.entries.length / ENTRIES_PER_SECTION);
  const termSections = Math.ceil(dump.terms.length / TERMS_PER_SECTION);
  const header: Header = { magic: MAGIC, meta, version: 2, entrySections, termSections, fields: dump.postings.length };
  await json(header);
  await json(dump.lengths);
  for (let i = 0; i < entrySections; i++) {
    await json(dump.entries.slice(i * ENTRIES_PER_SECTION, (i + 1) * ENTRIES_PER_SECTION));
  }
  for (let i = 0; i < termSections; i++) {
    await json(dump.terms.slice(i * TERMS_PER_SECTION, (i + 1) * TERMS_PER_SECTION));
  }
  await u32(dump.df);
  for (const p of dump.postings) {
    await u32(p.offsets);
    await u32(p.ids);
  }
}

/** Temp files of the cache writes before they were durable: `index-<hash>.bin.<pid>.<ms>.tmp`. */
const LEGACY_TEMP = /^index-[0-9a-f]+\.bin\.(\d+)\.(\d+)\.tmp$/;
/** A temp file this old is abandoned whoever names it (a write takes seconds at most). */
const ABANDONED_MS = 60 * 60_000;

/** Cache folders already swept in this process. */
const swept = new Set<string>();

/** Once per folder and process: removes temp files of writes that a killed process never finished. */
function sweepOnce(dir: string): Promise<void> {
  if (swept.has(dir)) {
    return Promise.resolve();
  }
  swept.add(dir);
  return sweepCacheTemps(dir).then(() => undefined);
}

/**
 * Removes abandoned temp files from a cache folder: those of `tempNameFor` (via `sweepTempFiles`)
 * and the older `index-*.bin.<pid>.<ms>.tmp` ones, when their pid is gone or they are over an hour
 * old. This process's own temp files are writes in flight and are kept. Returns the names removed;
 * never throws.
 */
export async function sweepCacheTemps(dir: string, now: number = Date.now()): Promise<string[]> {
  const removed = await sweepTempFiles(dir, now);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = LEGACY_TEMP.exec(name);
    const pid = Number(m?.[1]);
    if (m === null || pid === process.pid) {
      continue;
    }
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (info !== null && info.isFile() && (!pidAlive(pid) || now - info.mtimeMs > ABANDONED_MS)) {
      await rm(full, { force: true })
        .then(() => removed.push(name))
        .catch(() => undefined);
    }
  }
  return removed;
}

/** Reads the sections of a cache file in order. */
class SectionReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  private next(kind: number): Uint8Array {
    if (this.at + 8 > this.bytes.byteLength) {
      throw new Error('truncated cache');
    }
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.at, 8);
    const found = view.getUint32(0, true);
    const length = view.getUint32(4, true);
    const start = this.at + 8;
    if (found !== kind || start + length > this.bytes.byteLength) {
      throw new Error('corrupt cache');
    }
    this.at = start + length + ((4 - (length % 4)) % 4);
    return this.bytes.subarray(start, start + length);
  }

  jsonAt<T>(): T {
    const slice = this.next(JSON_SECTION);
    return JSON.parse(Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString('utf8')) as T;
  }

  u32(): Uint32Array {
    const slice = this.next(U32_SECTION);
    // The file buffer is 4-byte aligned at 0 and sections are padded, so this is a view, not a copy.
    return slice.byteOffset % 4 === 0 ? new Uint32Array(slice.buffer, slice.byteOffset, slice.byteLength / 4) : new Uint32Array(slice.slice().buffer);
  }
}

/** Reads a cache; null when it is missing, unreadable or of another version. */
export async function readCache(file: string): Promise<CachedIndex | null> {
  await sweepOnce(path.dirname(file));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  try {
    const reader = new SectionReader(bytes);
    // Each JSON section is a few milliseconds of parsing: yield after every one.
    const breathe = (): Promise<void> => yieldToLoop();
    const header = reader.jsonAt<Header>();
    if (header.magic !== MAGIC || header.meta.version !== CACHE_VERSION || header.version !== 2) {
      return null;
    }
    const lengths = reader.jsonAt<number[][]>();
    const entries: SearchIndexDump['entries'] = [];
    for (let i = 0; i < header.entrySections; i++) {
      await breathe();
      for (const e of reader.jsonAt<SearchIndexDump['entries']>()) {
        entries.push(e);
      }
    }
    const terms: string[] = [];
    for (let i = 0; i < header.termSections; i++) {
      await breathe();
      for (const t of reader.jsonAt<string[]>()) {
        terms.push(t);
      }
    }
    const df = reader.u32();
    const postings: FlatPostings[] = [];
    for (let f = 0; f < header.fields; f++) {
      postings.push({ offsets: reader.u32(), ids: reader.u32() });
    }
    if (df.length !== terms.length || postings.some((p) => p.offsets.length !== terms.length + 1)) {
      throw new Error('inconsistent cache');
    }
    return { meta: header.meta, dump: { version: 2, entries, lengths, terms, df, postings } };
  } catch {
    // A torn or corrupt cache is only a lost speed-up: drop it and index again.
    await rm(file, { force: true });
    return null;
  }
}
