/** The one backend object that implements StudyApi; Electron main, the web host and tests share it. */
import type { StudyBackend } from '../core/api/contract';
import { createAppHandlers } from './app/appHandlers';
import { BackendContext, type BackendOptions } from './context';
import { createHubHandlers } from './hub/hubHandlers';
import { HubService } from './hub/hubService';

export type { BackendOptions } from './context';
export { isWebUrl } from './app/appHandlers';

/** The backend: the API table plus the context hosts need (events, hub switching). */
export type Backend = { api: StudyBackend; context: BackendContext; close(): Promise<void> };

/** Opens the hub and builds the backend from every domain's handlers. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const root = options.hubRoot ?? options.bundledHub;
  const hub = await HubService.open(root, root === options.bundledHub);
  const ctx = new BackendContext(options, hub);
  options.logger.info('hub opened', { root, docs: hub.overview().docCount });
  const closers: Array<() => Promise<void>> = [];
  const api: StudyBackend = {
    ...createAppHandlers(ctx),
    ...createHubHandlers(ctx),
  };
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
