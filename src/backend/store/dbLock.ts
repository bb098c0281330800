/**
 * One writer per database: an exclusively created `<db>.lock` holding the owner's pid and host.
 * A lock whose process is gone (same host, pid not alive) is stale and taken over.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { errorCode } from './durableWrite';

/** Who holds a lock. */
export type LockOwner = { pid: number; host: string; startedAt: string };

/** A held lock. */
export type DbLock = { file: string; release(): Promise<void> };

/** The database is held by another live process. */
export class DbLockedError extends Error {
  constructor(readonly owner: LockOwner | null) {
    super(owner !== null ? `The study database is in use by another Nexus Companion (pid ${owner.pid}).` : 'The study database is in use by another Nexus Companion.');
    this.name = 'DbLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(e) === 'EPERM';
  }
}

function readOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host, startedAt: String(v.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DbLockedError. Released on `release()` and on process exit. */
export async function acquireLock(lockFile: string): Promise<DbLock> {
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      const onExit = (): void => {
        try {
          if (readOwner(readFileSync(lockFile, 'utf8'))?.pid === me.pid) {
            unlinkSync(lockFile);
          }
        } catch {
          // Already gone.
        }
      };
      process.once('exit', onExit);
      return {
        file: lockFile,
        release: async () => {
          process.removeListener('exit', onExit);
          const owner = readOwner(await readFile(lockFile, 'utf8').catch(() => ''));
          if (owner?.pid === me.pid && owner.host === me.host) {
            await rm(lockFile, { force: true });
          }
        },
      };
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') {
        throw e;
      }
      const owner = readOwner(await readFile(lockFile, 'utf8').catch(() => ''));
      // Another host's lock (a synced folder) cannot be checked: it is respected.
      // An unreadable lock may be one being written right now: stale only once it is old.
      const age = Date.now() - ((await stat(lockFile).catch(() => null))?.mtimeMs ?? 0);
      const stale = owner === null ? age > 10_000 : owner.host === me.host && !alive(owner.pid);
      if (!stale || attempt > 0) {
        throw new DbLockedError(owner);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DbLockedError(null);
}
