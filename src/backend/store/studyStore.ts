/**
 * The study database on disk: lowdb over our durable adapter, with one writer (lock file),
 * rotating backups, corrupt-file recovery, refused newer versions and retried failed saves.
 */
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { type LoadOutcome, loadDb, serializeDb } from '../../core/db/loadDb';
import { type StudyDb, defaultStudyDb } from '../../core/db/schema';
import type { DbStatus } from '../../core/db/status';
import type { Logger } from '../logger';
import { Backups } from './backups';
import { type DbLock, DbLockedError, acquireLock } from './dbLock';
import { errorCode, writeFileDurable } from './durableWrite';

/** How the store is opened. */
export type StoreOptions = {
  /** Full path of the database file. */
  file: string;
  logger: Logger;
  /** Called whenever the status changes (the UI is told). */
  onStatus?: (status: DbStatus) => void;
  /** Test seam: the durable write (fault injection for disk full / read-only). */
  writeText?: (file: string, text: string) => Promise<void>;
  now?: () => number;
  /** First retry delay after a failed save (doubles up to a minute). */
  retryMs?: number;
};

/** A save failed; the change is kept in memory and retried. */
export class SaveFailedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SaveFailedError';
  }
}

/** Our lowdb adapter: reads and validates, writes durably. */
class DurableJsonAdapter implements Adapter<StudyDb> {
  constructor(
    private readonly file: string,
    private readonly writeText: (file: string, text: string) => Promise<void>,
  ) {}
  async read(): Promise<StudyDb | null> {
    const outcome = loadDb(await readFile(this.file, 'utf8'));
    if (outcome.kind !== 'ok') {
      throw new Error(`Cannot read ${this.file}: ${outcome.kind === 'corrupt' ? outcome.reason : `schema version ${outcome.version} is newer`}`);
    }
    return outcome.db;
  }
  write(data: StudyDb): Promise<void> {
    // Serialised before any await: what is written is the data as it was when write() was called.
    return this.writeText(this.file, serializeDb(data));
  }
}

const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the data folder is read-only',
  EACCES: 'the data folder is not writable',
  EPERM: 'the data folder is not writable',
  EIO: 'the disk reported an error',
};

/** The open database. Create with `StudyStore.open`. */
export class StudyStore {
  private requested = 0;
  private written = 0;
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private lastGoodText: string;
  private closed = false;

  private constructor(
    private readonly low: Low<StudyDb>,
    private readonly options: StoreOptions,
    private readonly backups: Backups,
    private readonly lock: DbLock | null,
    private current: DbStatus,
    text: string,
  ) {
    this.retryDelay = options.retryMs ?? 2000;
    this.lastGoodText = text;
  }

  /** Opens (or creates) the database. Never overwrites a corrupt or newer file. */
  static async open(options: StoreOptions): Promise<StudyStore> {
    const { file, logger } = options;
    const now = options.now ?? Date.now;
    const writeText = options.writeText ?? writeFileDurable;
    const backups = new Backups(path.join(path.dirname(file), 'backups'));
    const base: DbStatus = { file, state: 'ok', writable: true, corruptPath: null, restoredFrom: null, migrated: [], saveError: null, pendingChanges: false, message: null };
    let lock: DbLock | null = null;
    try {
      lock = await acquireLock(`${file}.lock`);
    } catch (e) {
      if (!(e instanceof DbLockedError)) {
        throw e;
      }
      // Read-only view of what the other instance wrote; nothing here touches the file.
      const text = await readFile(file, 'utf8').catch(() => '');
      const outcome = loadDb(text);
      const db = outcome.kind === 'ok' ? outcome.db : defaultStudyDb();
      const status: DbStatus = { ...base, state: 'locked', writable: false, message: `${e.message} Your progress and notes are shown read-only here; close the other window to make changes.` };
      return new StudyStore(new Low(new DurableJsonAdapter(file, writeText), db), options, backups, null, status, text);
    }

    const text = await readFile(file, 'utf8').catch((e: unknown) => {
      if (errorCode(e) === 'ENOENT') {
        return null;
      }
      throw e;
    });
    let status = base;
    let outcome: LoadOutcome | null = text !== null ? loadDb(text) : null;
    let goodText = text ?? '';

    if (outcome?.kind === 'newer') {
      logger.warn('study db is from a newer version; opened read-only', { file, version: outcome.version });
      status = { ...base, state: 'newer', writable: false, message: `Your study database was written by a newer version of Nexus Companion (schema ${outcome.version}). It was left untouched; update the app to see and change your progress and notes.` };
      return new StudyStore(new Low(new DurableJsonAdapter(file, writeText), defaultStudyDb()), options, backups, lock, status, goodText);
    }

    if (outcome === null || outcome.kind === 'corrupt') {
      let corruptPath: string | null = null;
      const reason = outcome?.reason ?? 'missing';
      if (outcome !== null) {
        corruptPath = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
        await rename(file, corruptPath);
        logger.error('study db was corrupt; moved aside', { file, corruptPath, reason: outcome.reason });
      }
      const backup = await backups.newestGood();
      if (backup !== null) {
        outcome = backup.outcome;
        goodText = serializeDb(backup.outcome.db);
        await writeText(file, goodText);
        status = {
          ...base,
          state: 'restored',
          corruptPath,
          restoredFrom: backup.file,
          message:
            corruptPath !== null
              ? `Your study database could not be read (${reason}). It was moved to ${corruptPath} and the backup ${path.basename(backup.file)} was restored. Changes made after that backup may be missing.`
              : `Your study database was missing, so the backup ${path.basename(backup.file)} was restored.`,
        };
      } else {
        outcome = { kind: 'ok', db: defaultStudyDb(), migrated: [], fromVersion: defaultStudyDb().schemaVersion };
        goodText = serializeDb(outcome.db);
        await writeText(file, goodText);
        if (corruptPath !== null) {
          status = { ...base, state: 'reset-empty', corruptPath, message: `Your study database could not be read and no good backup exists. It was moved to ${corruptPath}; a new, empty database was started.` };
        }
      }
    }

    if (outcome.migrated.length > 0) {
      // The file as it was, kept before the migrated version replaces it.
      const backupFile = await backups.write('pre-migration', goodText, now(), outcome.migrated[0]);
      goodText = serializeDb(outcome.db);
      await writeText(file, goodText);
      logger.info('study db migrated', { from: outcome.fromVersion, steps: outcome.migrated, backupFile });
      status = { ...status, migrated: outcome.migrated };
    }
    return new StudyStore(new Low(new DurableJsonAdapter(file, writeText), outcome.db), options, backups, lock, status, goodText);
  }

  /** The data (mutate only through `update`). */
  get data(): StudyDb {
    return this.low.data;
  }

  /** The database's health. */
  status(): DbStatus {
    return { ...this.current, pendingChanges: this.written < this.requested };
  }

  /** Applies `mutate` and resolves once the change is durably on disk (throws SaveFailedError if not). */
  async update<T>(mutate: (db: StudyDb) => T): Promise<T> {
    if (!this.current.writable) {
      throw new SaveFailedError(this.current.message ?? 'The study database is read-only.');
    }
    const result = mutate(this.low.data);
    await this.save();
    return result;
  }

  /** Waits for every requested save (used on quit). */
  async flush(): Promise<void> {
    if (this.written < this.requested) {
      await this.waitFor(this.requested);
    }
  }

  /** Flushes, stops retries and releases the lock. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      if (this.retryTimer !== null) {
        clearTimeout(this.retryTimer);
      }
      await this.lock?.release();
    }
  }

  private save(): Promise<void> {
    this.requested++;
    return this.waitFor(this.requested);
  }

  private async waitFor(target: number): Promise<void> {
    while (this.written < target) {
      this.running ??= this.writeOnce().finally(() => {
        this.running = null;
      });
      await this.running;
    }
  }

  private async writeOnce(): Promise<void> {
    const target = this.requested;
    const text = serializeDb(this.low.data);
    const now = (this.options.now ?? Date.now)();
    try {
      await this.backups.rotate(this.lastGoodText, now).catch((e: unknown) => this.options.logger.warn('backup failed', { error: String(e) }));
      await this.low.write();
      this.written = Math.max(this.written, target);
      this.lastGoodText = text;
      this.retryDelay = this.options.retryMs ?? 2000;
      if (this.current.saveError !== null) {
        this.setStatus({ ...this.current, saveError: null, message: this.current.state === 'ok' ? null : this.current.message });
      }
    } catch (e) {
      const why = DISK_ERRORS[errorCode(e)] ?? `the file could not be written (${errorCode(e) || String(e)})`;
      const message = `Your changes could not be saved: ${why}. They are kept while the app is open and saving is retried.`;
      this.options.logger.error('study db save failed', e);
      this.setStatus({ ...this.current, saveError: why, message });
      this.scheduleRetry();
      throw new SaveFailedError(message);
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.closed) {
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
      this.waitFor(this.requested).catch(() => undefined);
    }, this.retryDelay);
    this.retryTimer.unref();
  }

  private setStatus(next: DbStatus): void {
    this.current = next;
    this.options.onStatus?.(this.status());
  }
}
