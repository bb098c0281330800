/** `app.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import { ApiError } from '../../core/api/result';
import { webUrl } from '../../core/security/webUrl';
import type { BackendContext } from '../context';

/** True for an http(s) URL that a URL parser accepts (core/security/webUrl). */
export function isWebUrl(raw: string): boolean {
  return webUrl(raw) !== null;
}

/** Creates the `app.*` handlers. */
export function createAppHandlers(ctx: BackendContext): Handlers<'app.info' | 'app.openExternal'> {
  const { options } = ctx;
  return {
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
  };
}
