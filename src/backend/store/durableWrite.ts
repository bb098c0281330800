/**
 * Durable file replacement: a unique temp file in the same folder, fsync, rename over the target,
 * then fsync of the folder where the OS allows it. A crash at any moment leaves either the old or
 * the new complete file, never a mix. Windows EPERM/EBUSY on rename (antivirus, indexer) is retried.
 * A write that fails (disk full...) removes its temp file and leaves the target as it was; a temp
 * file left by a process that was killed mid-write is removed by `sweepTempFiles` at the next start.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { type FileHandle, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** The code of a Node system error, or ''. */
export function errorCode(e: unknown): string {
  return e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

/** What a failed write of the data folder means, for the learner; null when it is not a disk problem. */
export function diskProblem(e: unknown): string | null {
  return DISK_ERRORS[errorCode(e)] ?? null;
}

const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is read-only',
  EACCES: 'the data folder is not writable',
  EPERM: 'the data folder is not writable',
  EIO: 'the disk reported an error',
  EISDIR: 'a folder is in the way of a file',
  ENOTDIR: 'a file is in the way of a folder',
};

/** True when a process with this pid exists (on this machine). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(e) === 'EPERM';
  }
}

/** Renames, retrying transient Windows sharing errors with a short backoff (about 2 s in all). */
export async function renameWithRetry(from: string, to: string, renameImpl: typeof rename = rename): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await renameImpl(from, to);
      return;
    } catch (e) {
      if (attempt >= 10 || !RETRYABLE_RENAME.has(errorCode(e))) {
        throw e;
      }
      await sleep(Math.min(20 * 2 ** attempt, 500));
    }
  }
}

/** Flushes a folder's entry table; a no-op where the OS refuses to open folders (Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP'].includes(errorCode(e))) {
      throw e;
    }
  } finally {
    await handle?.close();
  }
}

/** The temp file name a write of `file` uses: `.<name>.<pid>.<12 hex>.tmp` beside it. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `text` to a new file `file` (which must not exist) and fsyncs it; removes it on failure. */
export async function writeNewFileSynced(file: string, text: string): Promise<void> {
  try {
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    await rm(file, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** The part of a file handle a durable write needs besides what `fill` uses. */
export type SyncableHandle = { sync(): Promise<void>; close(): Promise<void> };

/**
 * The one atomic replace: a new temp file beside `file` (`tempNameFor`, opened by `openTemp`),
 * filled by `fill` (one write, or sections with yields), fsynced, closed, renamed over `file`.
 * Leaves no temp file behind on failure and the old `file` as it was. The rename is the commit
 * point: once it succeeded the write counts as done (the folder fsync after it is best effort).
 */
export async function writeFileDurableWith<H extends SyncableHandle>(
  file: string,
  fill: (handle: H) => Promise<void>,
  openTemp: (tmp: string) => Promise<H>,
): Promise<void> {
  const tmp = tempNameFor(file);
  try {
    const handle = await openTemp(tmp);
    try {
      await fill(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await fsyncDir(path.dirname(file)).catch(() => undefined);
}

/** Replaces `file` with `text` durably (writeFileDurableWith with one write). */
export function writeFileDurable(file: string, text: string): Promise<void> {
  return writeFileDurableWith<FileHandle>(
    file,
    (handle) => handle.writeFile(text, 'utf8'),
    (tmp) => open(tmp, 'wx', 0o600),
  );
}

/** The synchronous calls of writeFileDurableSync (a test seam for faults). */
export type DurableSyncIo = {
  openSync: (file: string, flags: string, mode: number) => number;
  writeFileSync: (fd: number, text: string) => void;
  fsyncSync: (fd: number) => void;
  closeSync: (fd: number) => void;
  renameSync: (from: string, to: string) => void;
};

const nodeSyncIo: DurableSyncIo = { openSync, writeFileSync, fsyncSync, closeSync, renameSync };

/**
 * The same replace for the few writes that must finish before the process goes on (the shell's
 * settings at quit): temp file, fsync, rename; the temp file is removed when the write fails.
 */
export function writeFileDurableSync(file: string, text: string, io: DurableSyncIo = nodeSyncIo): void {
  const tmp = tempNameFor(file);
  try {
    const fd = io.openSync(tmp, 'wx', 0o600);
    try {
      io.writeFileSync(fd, text);
      io.fsyncSync(fd);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Best effort; the data folder's sweep at start gets it otherwise.
    }
    throw e;
  }
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** The parse cache's temp files from before writes were durable: `<name>.<pid>.tmp`. */
const OLD_TEMP = /^(parsed-[0-9a-f]+\.json)\.(\d+)\.tmp$/;

/** A temp file this old is abandoned whoever names it (a write takes milliseconds). */
const ABANDONED_MS = 60 * 60_000;

/**
 * Removes temp files left in `dir` by writes that never finished (a killed process, a power cut):
 * those whose pid is gone, or that are over an hour old. Our own process's temp files are in-flight
 * writes and are kept. Returns the names removed. Never throws.
 */
export async function sweepTempFiles(dir: string, now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name) ?? OLD_TEMP.exec(name);
    if (m === null) {
      continue;
    }
    const pid = Number(m[2]);
    if (pid === process.pid) {
      continue;
    }
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (info === null || !info.isFile()) {
      continue;
    }
    if (!pidAlive(pid) || now - info.mtimeMs > ABANDONED_MS) {
      await rm(full, { force: true })
        .then(() => removed.push(name))
        .catch(() => undefined);
    }
  }
  return removed;
}
