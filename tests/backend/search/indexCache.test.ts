import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, utimes, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_VERSION, type CacheFileHandle, cacheFile, readCache, sweepCacheTemps, writeCache } from '../../../src/backend/search/indexCache';
import { errorCode } from '../../../src/backend/store/durableWrite';
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

/** A pid no process has any more (a child that ran and exited). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 999_999;
}

const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Opens the temp file for real, then fails (disk full) after `okWrites` writes have landed in it. */
function failingOpen(okWrites: number, opened: string[]): (file: string) => Promise<CacheFileHandle> {
  return async (file) => {
    opened.push(file);
    const real = await open(file, 'wx', 0o600);
    let writes = 0;
    const write = ((...args: Parameters<typeof real.write>) => {
      writes += 1;
      return writes > okWrites ? Promise.reject(enospc()) : real.write(...args);
    }) as typeof real.write;
    return { write, sync: () => real.sync(), close: () => real.close() };
  };
}

describe('index cache writes that fail (issue 12: a full disk leaves no partial file)', () => {
  it('a write that fails mid-way (fault injection: disk full) removes its temp file and keeps the old cache whole', async () => {
    const file = path.join(dir, 'search', 'index-0123456789abcdef.bin');
    await writeCache(file, meta, built().export());
    const opened: string[] = [];
    const newer = { ...meta, hubHash: 'h2' };
    const error = await writeCache(file, newer, built().export(), { openTemp: failingOpen(3, opened) }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe('ENOSPC');
    // The write did reach a temp file beside the cache, and that file is gone.
    expect(opened).toHaveLength(1);
    expect(path.dirname(opened[0] ?? '')).toBe(path.dirname(file));
    expect(await readdir(path.dirname(file))).toEqual(['index-0123456789abcdef.bin']);
    expect((await readCache(file))?.meta).toEqual(meta);
  });

  it('a write that fails before anything is written (fault injection: the file cannot be created) leaves nothing', async () => {
    const file = path.join(dir, 'index.bin');
    const error = await writeCache(file, meta, built().export(), {
      openTemp: () => Promise.reject(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })),
    }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe('EROFS');
    expect(await readdir(dir)).toEqual([]);
  });

  it('sweeps temp files of writes a dead or long-gone process never finished; keeps writes in flight', async () => {
    const searchDir = path.join(dir, 'search');
    const file = cacheFile(dir, '/hubs/sweep-test');
    await writeCache(file, meta, built().export());
    const base = path.basename(file);
    const dead = await deadPid();
    const names = {
      // The name this code writes (tempNameFor) and the one of the code before it.
      deadNew: `.${base}.${dead}.0123456789ab.tmp`,
      deadOld: `${base}.${dead}.1700000000000.tmp`,
      // Writes in flight: this process's own, and a live process's recent one.
      ownNew: `.${base}.${process.pid}.ba9876543210.tmp`,
      liveOld: `${base}.${process.ppid}.1700000000001.tmp`,
      // A live pid but over an hour old: abandoned (a reused pid).
      staleOld: `index-fedcba9876543210.bin.${process.ppid}.1600000000000.tmp`,
      // Not a cache temp file: never touched.
      other: 'notes.txt',
    };
    for (const name of Object.values(names)) {
      await writeFile(path.join(searchDir, name), 'partial');
    }
    const hourAndMore = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(path.join(searchDir, names.staleOld), hourAndMore, hourAndMore);

    expect((await sweepCacheTemps(searchDir)).sort()).toEqual([names.deadNew, names.deadOld, names.staleOld].sort());
    expect((await readdir(searchDir)).sort()).toEqual([base, names.liveOld, names.other, names.ownNew].sort());
  });

  it.each([
    ['readCache', (file: string) => readCache(file)],
    ['writeCache', (file: string) => writeCache(file, meta, built().export())],
  ])('%s sweeps a folder the first time it is used in a run (a killed write of the last run)', async (_name, use) => {
    const searchDir = path.join(dir, 'search');
    const file = path.join(searchDir, 'index-00000000000000aa.bin');
    const dead = await deadPid();
    await mkdir(searchDir);
    const leftovers = [`.index-00000000000000aa.bin.${dead}.00000000abcd.tmp`, `index-00000000000000aa.bin.${dead}.1700000000000.tmp`];
    for (const name of leftovers) {
      await writeFile(path.join(searchDir, name), 'partial');
    }
    await use(file);
    expect((await readdir(searchDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Once per run: a leftover appearing later is the next start's to sweep.
    await writeFile(path.join(searchDir, leftovers[1] ?? ''), 'partial');
    await readCache(file);
    expect((await readdir(searchDir)).filter((n) => n.endsWith('.tmp'))).toEqual([leftovers[1]]);
  });
});

/** A real 200 KB tmpfs where this machine lets us mount one (root, Linux); else those tests are skipped. */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nexus-cache-full-'));
const mountPoint: string | null = (() => {
  const at = path.join(scratch, 'tmpfs');
  mkdirSync(at);
  const res = process.platform === 'linux' ? spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', at], { encoding: 'utf8' }) : null;
  if (res?.status === 0) {
    return at;
  }
  console.info(`index cache full-disk test: mount is not permitted here (${res?.stderr.trim() ?? process.platform}); the fault-injection tests stand in`);
  return null;
})();
afterAll(async () => {
  if (mountPoint !== null) {
    spawnSync('umount', [mountPoint]);
  }
  await rm(scratch, { recursive: true, force: true });
});

describe('index cache on a real full disk', () => {
  it.skipIf(mountPoint === null)('(real tmpfs) a cache that does not fit fails with ENOSPC and leaves no temp file', async () => {
    const root = mountPoint ?? '';
    const searchDir = path.join(root, 'search');
    // Fill the disk to the last byte.
    const e = await writeFile(path.join(root, 'filler.bin'), Buffer.alloc(1024 * 1024, 1)).catch((err: unknown) => err);
    expect(errorCode(e)).toBe('ENOSPC');
    for (let i = 0; ; i++) {
      const more = await writeFile(path.join(root, `filler-${i}.bin`), Buffer.alloc(4096, 1)).catch((err: unknown) => err);
      if (more !== undefined) {
        break;
      }
    }
    try {
      const file = path.join(searchDir, 'index-0123456789abcdef.bin');
      const error = await writeCache(file, meta, built().export()).catch((err: unknown) => err);
      expect(errorCode(error)).toBe('ENOSPC');
      expect(await readdir(searchDir).catch(() => [])).toEqual([]);
    } finally {
      for (const name of await readdir(root)) {
        await rm(path.join(root, name), { recursive: true, force: true });
      }
    }
  });
});
