/** `mock.*`: the offline mock of the hub's specs, state kept per spec in the data folder. */
import type { Handlers } from '../../core/api/contract';
import type { BackendContext } from '../context';
import type { StudyService } from '../study/studyService';
import { MockService } from './mockService';

/** Creates the mock handlers (one service for the backend's life; the state follows the open hub). */
export function createMockHandlers(ctx: BackendContext, study?: StudyService): Handlers<'mock.send' | 'mock.reset' | 'mock.overview'> {
  const service = new MockService({
    dataDir: ctx.options.dataDir,
    source: (specPath) => ctx.hub().spec(specPath),
    hubKey: () => ctx.hub().root,
    warn: (message, detail) => ctx.logger.warn(message, detail),
    // A completed exercise step counts as progress on its operation's topic (a topic already done stays so).
    stepDone: async (topicId) => {
      if (study !== undefined && ctx.study?.progressOf(topicId) !== 'done') {
        await study.setState(topicId, 'done');
      }
    },
  });
  return {
    'mock.send': ({ path, request }) => service.send(path, request),
    'mock.reset': ({ path }) => service.reset(path),
    'mock.overview': ({ path }) => service.overview(path),
  };
}
