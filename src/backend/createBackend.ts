/** The one backend object that implements StudyApi; Electron main, the web host and tests share it. */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { StudyBackend } from '../core/api/contract';
import { createAppHandlers } from './app/appHandlers';
import { BackendContext, type BackendOptions } from './context';
import { createHubHandlers } from './hub/hubHandlers';
import { HubService } from './hub/hubService';
import { createSpecHandlers } from './hub/specHandlers';
import { createReviewHandlers } from './review/reviewHandlers';
import { ReviewService } from './review/reviewService';
import { createSearchHandlers } from './search/searchHandlers';
import { createSyncHandlers } from './sync/syncHandlers';
import { SyncService } from './sync/syncService';
import { fileParseCache } from './hub/parseCache';
import { ParsePool } from './hub/parsePool';
import { createStudyHandlers } from './study/studyHandlers';
import { StudyService } from './study/studyService';

export type { BackendOptions } from './context';
export { isWebUrl } from './app/appHandlers';

/** The backend: the API table plus the context hosts need (events, hub switching). */
export type Backend = { api: StudyBackend; context: BackendContext; close(): Promise<void> };

/** Opens the hub and builds the backend from every domain's handlers. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const root = options.hubRoot ?? options.bundledHub;
  await mkdir(options.dataDir, { recursive: true });
  const parser = new ParsePool(options.logger);
  const closers: Array<() => Promise<void>> = [() => parser.close()];
  const parseCache = fileParseCache(path.join(options.dataDir, 'cache'), options.logger);
  const hub = await HubService.open(root, root === options.bundledHub, parser, parseCache).catch(async (e: unknown) => {
    await parser.close();
    throw e;
  });
  const ctx = new BackendContext(options, hub);
  ctx.parser = parser;
  ctx.parseCache = parseCache;
  options.logger.info('hub opened', { root, docs: hub.overview().docCount });
  const study = await StudyService.open(ctx);
  closers.push(() => study.close());
  const review = new ReviewService(ctx, study);
  const search = createSearchHandlers(ctx);
  closers.push(() => search.service.close());
  const sync = await SyncService.open(ctx, study);
  closers.push(() => sync.close());
  const api: StudyBackend = {
    ...createAppHandlers(ctx),
    ...createHubHandlers(ctx),
    ...createSpecHandlers(ctx),
    ...createStudyHandlers(ctx, study),
    ...search.handlers,
    ...createSyncHandlers(sync),
    ...createReviewHandlers(review),
  };
  // Every domain listens by now: search gets the notes to index.
  study.announce();
  return {
    api,
    context: ctx,
    close: async () => {
      for (const close of closers.reverse()) {
        await close();
      }
    },
  };
}
