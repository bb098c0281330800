/** The one backend object that implements StudyApi; Electron main, the web host and tests share it. */
import type { StudyBackend } from '../core/api/contract';
import { ApiError } from '../core/api/result';
import { HubService } from './hub/hubService';
import type { Logger } from './logger';

/** What a host gives the backend. */
export type BackendOptions = {
  /** The bundled hub folder (resources/hub). */
  bundledHub: string;
  /** A hub to open instead of the bundled one. */
  hubRoot?: string;
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  logger: Logger;
  /** Hands an already-checked http(s) URL to the system browser; null where the UI opens it. */
  openExternal: ((url: string) => Promise<void>) | null;
};

/** The backend plus what hosts need beside the API. */
export type Backend = { api: StudyBackend; hub(): HubService; openHub(root: string): Promise<HubService> };

/** True for an http(s) URL that a URL parser accepts. */
export function isWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Opens the hub and builds the backend. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const root = options.hubRoot ?? options.bundledHub;
  let hub = await HubService.open(root, root === options.bundledHub);
  options.logger.info('hub opened', { root, docs: hub.overview().docCount });

  const openHub = async (next: string): Promise<HubService> => {
    hub = await HubService.open(next, next === options.bundledHub);
    options.logger.info('hub opened', { root: next });
    return hub;
  };

  const api: StudyBackend = {
    'app.info': () =>
      Promise.resolve({
        name: 'Nexus Companion',
        version: options.version,
        host: options.host,
        dataDir: options.dataDir,
        versions: { node: process.versions.node, ...(process.versions['electron'] ? { electron: process.versions['electron'] } : {}) },
      }),
    'app.openExternal': async ({ url }) => {
      if (!isWebUrl(url)) {
        throw new ApiError('forbidden', 'Only http and https links open outside the app.');
      }
      if (options.openExternal === null) {
        return { opened: false };
      }
      await options.openExternal(url);
      return { opened: true };
    },
    'hub.overview': () => Promise.resolve(hub.overview()),
    'hub.doc': ({ path }) => hub.doc(path),
    'hub.asset': ({ path }) => hub.asset(path),
    'hub.open': async ({ root: next }) => (await openHub(next)).overview(),
  };
  return { api, hub: () => hub, openHub };
}
