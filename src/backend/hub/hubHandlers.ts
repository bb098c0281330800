/** `hub.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import type { BackendContext } from '../context';
import { HubService } from './hubService';

/** Creates the `hub.*` handlers. */
export function createHubHandlers(ctx: BackendContext): Handlers<'hub.overview' | 'hub.doc' | 'hub.asset' | 'hub.open'> {
  return {
    'hub.overview': () => Promise.resolve(ctx.hub().overview()),
    'hub.doc': ({ path }) => ctx.hub().doc(path),
    'hub.asset': ({ path }) => ctx.hub().asset(path),
    'hub.open': async ({ root }) => {
      // The tree is back at once; docs are parsed in the background (`hub.progress` events).
      const hub = await HubService.start(root, root === ctx.options.bundledHub, ctx.parser, ctx.parseCache);
      if (ctx.options.progressiveOpen !== true) {
        await hub.whenSettled();
      }
      ctx.setHub(hub);
      ctx.logger.info('hub opened', { root });
      return hub.overview();
    },
  };
}
