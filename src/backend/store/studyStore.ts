/**
 * The study database on disk: lowdb over our durable adapter, with one writer (lock file),
 * rotating backups, corrupt-file recovery and refused newer versions. docs/spec/storage.md.
 *
 * A change is visible only once it is on disk: `update` applies it to a copy of the saved data,
 * writes the copy durably, and only then publishes it. A write that fails is rolled back (the data
 * is exactly as before it), the caller gets SaveFailedError, and nothing writes it later.
 */
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { type LoadOutcome, loadDb, serializeDb } from '../../core/db/loadDb';
import { type StudyDb, defaultStudyDb } from '../../core/db/schema';
import { type DbStatus, MAX_LOG_TEXT, boundText } from '../../core/db/status';
import type { Logger } from '../logger';
import { Backups } from './backups';
import { type DbLock, DbLockedError, acquireLock } from './dbLock';
import { diskProblem, errorCode, sweepTempFiles, writeFileDurable } from './durableWrite';

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
};

/** A save failed: the change was rolled back and will not be written later. */
export class SaveFailedError extends Error {
  constructor(readonly reason: string) {
    super(boundText(reason));
    this.name = 'SaveFailedError';
  }
}

/** The database could not be opened for a reason the learner can act on (a full disk...). */
export class DbOpenError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(boundText(message), options);
    this.name = 'DbOpenError';
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
      throw new Error(
        `Cannot read ${this.file}: ${outcome.kind === 'corrupt' ? outcome.reason : `schema version ${outcome.version} is newer`}`,
      );
    }
    return outcome.db;
  }
  write(data: StudyDb): Promise<void> {
    return this.writeText(this.file, serializeDb(data));
  }
  /** Writes text already serialised (the store serialises once, to write and to remember). */
  writeSerialized(text: string): Promise<void> {
    return this.writeText(this.file, text);
  }
}

type Job = { mutate: (db: StudyDb) => unknown; resolve: (value: unknown) => void; reject: (e: unknown) => void };

const why = (e: unknown): string => diskProblem(e) ?? `the file could not be written (${errorCode(e) || boundText(String(e), 200)})`;

/** The open database. Create with `StudyStore.open`. */
export class StudyStore {
  private readonly queue: Job[] = [];
  /** True while `drain` runs (set and cleared synchronously, so no update is ever left queued). */
  private running = false;
  private writing: Promise<void> = Promise.resolve();
  private lastGoodText: string;
  private closed = false;
  private saveError: { why: string; message: string } | null = null;
  private readonly adapter: DurableJsonAdapter;

  private constructor(
    private readonly low: Low<StudyDb>,
    private readonly options: StoreOptions,
    private readonly backups: Backups,
    private readonly lock: DbLock | null,
    /** The status as opened (state, notice); save errors are layered over it. */
    private readonly opened: DbStatus,
    text: string,
  ) {
    this.lastGoodText = text;
    this.adapter = low.adapter as DurableJsonAdapter;
  }

  /**
   * Opens (or creates) the database. Never overwrites a corrupt or newer file. Throws DbOpenError
   * with a sentence for the learner when the data folder cannot be written (full disk...); a failed
   * open releases the lock it took and leaves no temp file.
   */
  static async open(options: StoreOptions): Promise<StudyStore> {
    const { file, logger } = options;
    const writeText = options.writeText ?? writeFileDurable;
    const adapter = (db: StudyDb): Low<StudyDb> => new Low(new DurableJsonAdapter(file, writeText), db);
    const backups = new Backups(path.join(path.dirname(file), 'backups'));
    const base: DbStatus = {
      file,
      state: 'ok',
      writable: true,
      corruptPath: null,
      restoredFrom: null,
      migrated: [],
      saveError: null,
      pendingChanges: false,
      message: null,
    };
    let lock: DbLock;
    try {
      lock = await acquireLock(`${file}.lock`);
    } catch (e) {
      if (!(e instanceof DbLockedError)) {
        throw StudyStore.openError(e, file);
      }
      // Read-only view of what the other instance wrote; nothing here touches the file.
      const text = await readFile(file, 'utf8').catch(() => '');
      const outcome = loadDb(text);
      const db = outcome.kind === 'ok' ? outcome.db : defaultStudyDb();
      const status: DbStatus = {
        ...base,
        state: 'locked',
        writable: false,
        message: boundText(`${e.message} Your progress and notes are shown read-only here; close the other window to make changes.`),
      };
      return new StudyStore(adapter(db), options, backups, null, status, text);
    }
    try {
      const removed = [...(await sweepTempFiles(path.dirname(file))), ...(await sweepTempFiles(backups.dir))];
      if (removed.length > 0) {
        logger.info('removed temp files of interrupted writes', { removed: removed.slice(0, 20), count: removed.length });
      }
      const { db, status, text } = await StudyStore.load(options, backups, base, writeText);
      return new StudyStore(adapter(db), options, backups, lock, status, text);
    } catch (e) {
      await lock.release().catch(() => undefined);
      throw StudyStore.openError(e, file);
    }
  }

  /** A failure to open, as a sentence the learner can act on when it is a disk problem. */
  private static openError(e: unknown, file: string): unknown {
    const problem = diskProblem(e);
    if (problem === null || e instanceof DbOpenError) {
      return e;
    }
    const code = errorCode(e);
    const advice =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'Free some space'
        : ['EROFS', 'EACCES', 'EPERM'].includes(code)
          ? 'Make the folder writable'
          : 'Check the data folder';
    return new DbOpenError(
      `Your study database could not be opened: ${problem} (${code}, in ${path.dirname(file)}). Nothing was changed. ${advice} and start Nexus Companion again.`,
      code,
      { cause: e },
    );
  }

  /** Reads, recovers and migrates the file under the lock. */
  private static async load(
    options: StoreOptions,
    backups: Backups,
    base: DbStatus,
    writeText: (file: string, text: string) => Promise<void>,
  ): Promise<{ db: StudyDb; status: DbStatus; text: string }> {
    const { file, logger } = options;
    const now = options.now ?? Date.now;
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
      status = {
        ...base,
        state: 'newer',
        writable: false,
        message: `Your study database was written by a newer version of Nexus Companion (schema ${outcome.version}). It was left untouched; update the app to see and change your progress and notes.`,
      };
      return { db: defaultStudyDb(), status, text: goodText };
    }

    if (outcome === null || outcome.kind === 'corrupt') {
      let corruptPath: string | null = null;
      const reason = outcome?.reason ?? 'missing';
      if (outcome !== null) {
        corruptPath = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
        await rename(file, corruptPath);
        logger.error('study db was corrupt; moved aside', { file, corruptPath, reason: boundText(outcome.reason, MAX_LOG_TEXT) });
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
          status = {
            ...base,
            state: 'reset-empty',
            corruptPath,
            message: `Your study database could not be read and no good backup exists. It was moved to ${corruptPath}; a new, empty database was started.`,
          };
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
    return { db: outcome.db, status: { ...status, message: status.message !== null ? boundText(status.message) : null }, text: goodText };
  }

  /** The data as last saved (mutate only through `update`). */
  get data(): StudyDb {
    return this.low.data;
  }

  /** The database's health. */
  status(): DbStatus {
    const writable = this.opened.writable && !this.closed;
    return {
      ...this.opened,
      writable,
      saveError: this.saveError?.why ?? null,
      pendingChanges: this.queue.length > 0 || this.running,
      message: this.saveError?.message ?? this.opened.message,
    };
  }

  /**
   * Applies `mutate` to a copy of the saved data, writes it durably, then publishes it; resolves
   * with `mutate`'s result once the change is on disk. Updates run one after another, in call
   * order, each on the data as the earlier ones left it. When the write fails the change is rolled
   * back and SaveFailedError is thrown: it is not in `data` and nothing writes it later (earlier and
   * later updates are not affected). An error thrown by `mutate` rejects only that update.
   */
  update<T>(mutate: (db: StudyDb) => T): Promise<T> {
    if (this.closed) {
      return Promise.reject(new SaveFailedError('Your change could not be saved: the study database is closed.'));
    }
    if (!this.opened.writable) {
      return Promise.reject(new SaveFailedError(this.opened.message ?? 'The study database is read-only.'));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ mutate, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        this.writing = this.drain();
      }
    });
  }

  /** Waits until every update asked for so far is written or has failed (used on quit). */
  async flush(): Promise<void> {
    while (this.running) {
      await this.writing;
    }
  }

  /**
   * Refuses later updates, flushes the queued ones and releases the lock. What could not be saved is in
   * `status().saveError` afterwards (those changes were reported to their callers and rolled back).
   */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.flush();
    } finally {
      await this.lock?.release();
    }
  }

  /**
   * Writes queued updates in batches: each batch is one durable write, published only once written.
   * `running` is cleared in this very function, in the same tick the queue is seen empty and before
   * the callers hear back, so no update is left queued and `pendingChanges` is false once they do.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const settle = await this.writeBatch(this.queue.splice(0));
        if (this.queue.length === 0) {
          this.running = false;
        }
        settle();
      }
    } finally {
      this.running = false;
    }
  }

  /** Applies and writes one batch; returns what tells its callers (and the UI) how it went. */
  private async writeBatch(batch: Job[]): Promise<() => void> {
    let draft = this.low.data;
    const applied: Array<{ job: Job; result: unknown }> = [];
    const refused: Array<{ job: Job; error: unknown }> = [];
    for (const job of batch) {
      // A fresh copy per update: one that throws halfway leaves nothing behind.
      try {
        const copy = structuredClone(draft);
        const result = job.mutate(copy);
        draft = copy;
        applied.push({ job, result });
      } catch (e) {
        refused.push({ job, error: e });
      }
    }
    const refuse = (): void => refused.forEach(({ job, error }) => job.reject(error));
    if (applied.length === 0) {
      return refuse;
    }
    let text: string;
    try {
      text = serializeDb(draft);
      await this.write(text);
    } catch (e) {
      const error = this.failed(e);
      return () => {
        refuse();
        this.emit();
        applied.forEach(({ job }) => job.reject(error));
      };
    }
    this.low.data = draft;
    this.lastGoodText = text;
    const recovered = this.saveError !== null;
    if (recovered) {
      this.saveError = null;
      this.options.logger.info('study db saves again');
    }
    return () => {
      refuse();
      if (recovered) {
        this.emit();
      }
      applied.forEach(({ job, result }) => job.resolve(result));
    };
  }

  private async write(text: string): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    await this.backups
      .rotate(this.lastGoodText, now)
      .catch((e: unknown) => this.options.logger.warn('backup failed', { error: boundText(String(e), MAX_LOG_TEXT) }));
    this.options.logger.debug('study db write', { bytes: text.length });
    await this.adapter.writeSerialized(text);
  }

  private failed(e: unknown): SaveFailedError {
    const reason = why(e);
    const message = `Your last change could not be saved (${reason}), so it was not kept. Free some space or fix the data folder, then make the change again.`;
    this.options.logger.error('study db save failed; the change was rolled back', {
      code: errorCode(e),
      error: boundText(String(e), MAX_LOG_TEXT),
    });
    this.saveError = { why: reason, message: boundText(message) };
    return new SaveFailedError(message);
  }

  private emit(): void {
    this.options.onStatus?.(this.status());
  }
}
