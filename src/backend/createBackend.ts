/** The one backend object that implements StudyApi; Electron main, the web host and tests share it. */
import path from 'node:path';
import os from 'node:os';
import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { StudyBackend } from '../core/api/contract';
import { boundText } from '../core/db/status';
import { createAppHandlers } from './app/appHandlers';
import { BackendContext, type BackendOptions } from './context';
import { createHubHandlers } from './hub/hubHandlers';
import { HubService } from './hub/hubService';
import { createMockHandlers } from './mock/mockHandlers';
import { createSpecHandlers } from './hub/specHandlers';
import { createReviewHandlers } from './review/reviewHandlers';
import { ReviewService } from './review/reviewService';
import { createSearchHandlers } from './search/searchHandlers';
import { diskProblem, errorCode } from './store/durableWrite';
import { DbOpenError } from './store/studyStore';
import { createSyncHandlers } from './sync/syncHandlers';
import { SyncService } from './sync/syncService';
import { fileParseCache } from './hub/parseCache';
import { ParsePool, WORKER_LIMITS } from './hub/parsePool';
import { createStudyHandlers } from './study/studyHandlers';
import { StudyService } from './study/studyService';

export type { BackendOptions } from './context';
export { isWebUrl } from './app/appHandlers';

/** What closing the backend left undone, for the host to tell the learner (null: everything saved). */
export type CloseReport = { unsaved: string | null };

/** The backend: the API table plus the context hosts need (events, hub switching). */
export type Backend = {
  api: StudyBackend;
  context: BackendContext;
  /** Waits for pending saves, closes every service (even when one fails) and releases the database lock. */
  close(): Promise<CloseReport>;
};

/** Which part of a start failed: the hub (another hub may work), the study database, or the rest. */
export type StartupStage = 'hub' | 'database' | 'backend';

/** A failed start: which part failed, and a sentence for the learner (bounded; the cause has the rest). */
export class StartupError extends Error {
  constructor(
    readonly stage: StartupStage,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(boundText(message), options);
    this.name = 'StartupError';
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function startupError(stage: StartupStage, e: unknown): StartupError {
  if (e instanceof StartupError) {
    return e;
  }
  if (e instanceof DbOpenError) {
    return new StartupError('database', e.message, { cause: e });
  }
  const problem = diskProblem(e);
  if (problem !== null && stage !== 'hub') {
    return new StartupError(stage, `Nexus Companion could not start: ${problem} (${errorCode(e)}). ${messageOf(e)}`, { cause: e });
  }
  return new StartupError(stage, messageOf(e), { cause: e });
}

/**
 * Background parse workers for a machine with `cores` cores: one core is left to this thread, which
 * indexes each doc for search as it arrives (on the large corpora it used as much CPU as the parse
 * workers together). Each worker's heap grows to tens of MB while a large hub is read: on 2 cores,
 * two workers instead of one cost ~35-50 MB of peak RSS and opened no faster.
 */
export function backgroundWorkers(cores: number): number {
  return Math.max(1, Math.min(3, cores - 1));
}

/**
 * Opens the hub and builds the backend from every domain's handlers. A failure at any step closes
 * what the earlier steps opened (the parse workers, the database and its lock) and throws a
 * StartupError naming the part that failed.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const root = options.hubRoot ?? options.bundledHub;
  await mkdir(options.dataDir, { recursive: true }).catch((e: unknown) => {
    throw startupError('database', e);
  });
  const closers: Array<{ name: string; close: () => Promise<void> }> = [];
  const closeAll = async (): Promise<void> => {
    for (const { name, close } of closers.splice(0).reverse()) {
      await close().catch((e: unknown) => options.logger.error(`${name} did not close cleanly`, e));
    }
  };
  let stage: StartupStage = 'hub';
  try {
    // One more worker than the background parse uses, so the doc the learner opens never waits for it.
    const workerFile = options.parseWorkerFile;
    const parser = new ParsePool(options.logger, undefined, backgroundWorkers(os.availableParallelism()), {
      interactive: 1,
      ...(workerFile !== undefined ? { spawn: () => new Worker(workerFile, { resourceLimits: WORKER_LIMITS }) } : {}),
    });
    closers.push({ name: 'parse workers', close: () => parser.close() });
    const parseCache = fileParseCache(path.join(options.dataDir, 'cache'), options.logger);
    // Returns once the folder is scanned; docs are parsed in the background (BackendContext follows it).
    const hub = await HubService.start(root, root === options.bundledHub, parser, parseCache);
    if (options.progressiveOpen !== true) {
      await hub.whenSettled();
    }
    stage = 'backend';
    const ctx = new BackendContext(options, hub);
    ctx.parser = parser;
    ctx.parseCache = parseCache;
    options.logger.info('hub opened', { root, docs: hub.progress().total });
    stage = 'database';
    const study = await StudyService.open(ctx);
    closers.push({ name: 'study database', close: () => study.close() });
    stage = 'backend';
    const review = new ReviewService(ctx, study);
    const search = createSearchHandlers(ctx);
    closers.push({ name: 'search', close: () => search.service.close() });
    const sync = await SyncService.open(ctx, study);
    closers.push({ name: 'sync', close: () => sync.close() });
    const api: StudyBackend = {
      ...createAppHandlers(ctx),
      ...createHubHandlers(ctx),
      ...createSpecHandlers(ctx),
      ...createStudyHandlers(ctx, study),
      ...search.handlers,
      ...createSyncHandlers(sync),
      ...createReviewHandlers(review),
      ...createMockHandlers(ctx, study),
    };
    // Every domain listens by now: search gets the notes to index.
    study.announce();
    let closing: Promise<CloseReport> | null = null;
    return {
      api,
      context: ctx,
      close: () => {
        closing ??= closeAll().then(() => {
          const status = study.store.status();
          if (status.saveError !== null) {
            options.logger.error('closed with changes not saved', { reason: status.saveError });
            return { unsaved: status.message };
          }
          return { unsaved: null };
        });
        return closing;
      },
    };
  } catch (e) {
    await closeAll();
    const error = startupError(stage, e);
    options.logger.error(`start failed (${error.stage})`, e);
    throw error;
  }
}

/**
 * Starts the backend on `options.hubRoot`; when that hub itself cannot be opened, calls
 * `onHubFailed` (the host forgets the hub) and starts on the bundled hub. A failure of the database
 * or anything else is not retried: it is thrown as a StartupError (what it took is released).
 */
export async function startBackend(options: BackendOptions, onHubFailed: (e: StartupError) => void): Promise<Backend> {
  try {
    return await createBackend(options);
  } catch (e) {
    const error = startupError('backend', e);
    if (error.stage !== 'hub' || options.hubRoot === undefined || path.resolve(options.hubRoot) === path.resolve(options.bundledHub)) {
      throw error;
    }
    onHubFailed(error);
    const { hubRoot: _forgotten, ...bundled } = options;
    return createBackend(bundled);
  }
}
