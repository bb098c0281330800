/**
 * Durable file replacement: a unique temp file in the same folder, fsync, rename over the target,
 * then fsync of the folder where the OS allows it. A crash at any moment leaves either the old or
 * the new complete file, never a mix. Windows EPERM/EBUSY on rename (antivirus, indexer) is retried.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** The code of a Node system error, or ''. */
export function errorCode(e: unknown): string {
  return e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : '';
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

/** Replaces `file` with `text` durably. Leaves no temp file behind on failure. */
export async function writeFileDurable(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dir);
}
