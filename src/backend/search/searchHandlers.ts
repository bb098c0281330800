/** `search.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import type { BackendContext } from '../context';
import { SearchService } from './searchService';

/** Creates the search service for `ctx` and its `search.*` handlers; `close` stops it. */
export function createSearchHandlers(ctx: BackendContext): { handlers: Handlers<'search.query' | 'search.status'>; service: SearchService } {
  const service = SearchService.start(ctx);
  return {
    service,
    handlers: {
      'search.query': ({ q, limit, filters, prefix }) =>
        Promise.resolve(service.query(q, { ...(limit !== undefined ? { limit } : {}), ...(filters !== undefined ? { filters } : {}), ...(prefix !== undefined ? { prefix } : {}) })),
      'search.status': () => Promise.resolve(service.getStatus()),
    },
  };
}
