/** `mock.*`: the offline mock of the hub's specs, state kept per spec in the data folder. */
import type { Handlers } from '../../core/api/contract';
import type { BackendContext } from '../context';
import { MockService } from './mockService';

/** Creates the mock handlers (one service for the backend's life; the state follows the open hub). */
export function createMockHandlers(ctx: BackendContext): Handlers<'mock.send' | 'mock.reset'> {
  const service = new MockService({
    dataDir: ctx.options.dataDir,
    source: (specPath) => ctx.hub().spec(specPath),
    hubKey: () => ctx.hub().root,
    warn: (message, detail) => ctx.logger.warn(message, detail),
  });
  return {
    'mock.send': ({ path, request }) => service.send(path, request),
    'mock.reset': ({ path }) => service.reset(path),
  };
}
