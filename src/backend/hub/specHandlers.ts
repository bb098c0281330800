/** `hub.spec`: the API reference's view of one OpenAPI file. */
import type { Handlers } from '../../core/api/contract';
import type { BackendContext } from '../context';

/** Creates the API reference handlers. */
export function createSpecHandlers(ctx: BackendContext): Handlers<'hub.spec'> {
  return {
    'hub.spec': ({ path }) => ctx.hub().spec(path),
  };
}
