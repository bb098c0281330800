/** `sync.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import type { syncSchemas } from '../../core/api/syncApi';
import type { SyncService } from './syncService';

/** Creates the sync handlers over an open SyncService. */
export function createSyncHandlers(sync: SyncService): Handlers<keyof typeof syncSchemas> {
  return {
    'sync.status': () => sync.status(),
    'sync.configure': (args) => sync.configure(args),
    'sync.clone': ({ url, into }) => sync.clone(url, into),
    'sync.run': ({ confirmDeletions }) => sync.run(confirmDeletions),
    'sync.log': ({ limit }) => sync.log(limit).then((entries) => ({ entries })),
    'sync.conflicts': () => Promise.resolve({ pairs: sync.conflicts() }),
    'sync.resolve': ({ copyId, keep }) => sync.resolve(copyId, keep),
    'sync.snapshots': () => sync.snapshots(),
    'sync.restoreSnapshot': ({ ref }) => sync.restoreSnapshot(ref),
  };
}
