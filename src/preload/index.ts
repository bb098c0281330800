/** The preload: named functions only, one per StudyApi method, bridged as `window.nexus`. */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiArgs, ApiMethod, ApiResults, StudyApi } from '../core/api/contract';
import type { AppEvent, EventSource } from '../core/api/events';
import type { ApiResult } from '../core/api/result';

function invoke<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResults[M]>> {
  return ipcRenderer.invoke(`nexus:${method}`, args) as Promise<ApiResult<ApiResults[M]>>;
}

const nexus = {
  'app.info': (args) => invoke('app.info', args),
  'app.openExternal': (args) => invoke('app.openExternal', args),
  'hub.overview': (args) => invoke('hub.overview', args),
  'hub.doc': (args) => invoke('hub.doc', args),
  'hub.asset': (args) => invoke('hub.asset', args),
  'hub.open': (args) => invoke('hub.open', args),
  'hub.spec': (args) => invoke('hub.spec', args),
  'progress.get': (args) => invoke('progress.get', args),
  'progress.set': (args) => invoke('progress.set', args),
  'progress.setMany': (args) => invoke('progress.setMany', args),
  'progress.read': (args) => invoke('progress.read', args),
  'progress.reset': (args) => invoke('progress.reset', args),
  'progress.undoReset': (args) => invoke('progress.undoReset', args),
  'study.dashboard': (args) => invoke('study.dashboard', args),
  'study.status': (args) => invoke('study.status', args),
  'study.export': (args) => invoke('study.export', args),
  'notes.list': (args) => invoke('notes.list', args),
  'notes.get': (args) => invoke('notes.get', args),
  'notes.save': (args) => invoke('notes.save', args),
  'notes.delete': (args) => invoke('notes.delete', args),
  'notes.trash': (args) => invoke('notes.trash', args),
  'notes.restore': (args) => invoke('notes.restore', args),
  'search.query': (args) => invoke('search.query', args),
  'search.status': (args) => invoke('search.status', args),
  'sync.status': (args) => invoke('sync.status', args),
  'sync.configure': (args) => invoke('sync.configure', args),
  'sync.clone': (args) => invoke('sync.clone', args),
  'sync.run': (args) => invoke('sync.run', args),
  'sync.log': (args) => invoke('sync.log', args),
  'sync.conflicts': (args) => invoke('sync.conflicts', args),
  'sync.resolve': (args) => invoke('sync.resolve', args),
  'sync.snapshots': (args) => invoke('sync.snapshots', args),
  'sync.restoreSnapshot': (args) => invoke('sync.restoreSnapshot', args),
  'review.due': (args) => invoke('review.due', args),
  'review.grade': (args) => invoke('review.grade', args),
  'review.undo': (args) => invoke('review.undo', args),
  'review.cards': (args) => invoke('review.cards', args),
  'review.decide': (args) => invoke('review.decide', args),
  'review.editCard': (args) => invoke('review.editCard', args),
  'review.suspend': (args) => invoke('review.suspend', args),
  'review.resetCard': (args) => invoke('review.resetCard', args),
  'review.browse': (args) => invoke('review.browse', args),
  'review.settings': (args) => invoke('review.settings', args),
  'review.setSettings': (args) => invoke('review.setSettings', args),
  'review.orphans': (args) => invoke('review.orphans', args),
  'review.relink': (args) => invoke('review.relink', args),
  'review.createCard': (args) => invoke('review.createCard', args),
  'review.deleteCard': (args) => invoke('review.deleteCard', args),
  'review.stats': (args) => invoke('review.stats', args),
  'review.stale': (args) => invoke('review.stale', args),
  'review.diff': (args) => invoke('review.diff', args),
  'review.acceptChange': (args) => invoke('review.acceptChange', args),
  'mock.send': (args) => invoke('mock.send', args),
  'mock.reset': (args) => invoke('mock.reset', args),
  'mock.overview': (args) => invoke('mock.overview', args),
} satisfies StudyApi;

const nexusEvents = {
  subscribe: (listener: (event: AppEvent) => void) => {
    const handler = (_event: unknown, payload: AppEvent): void => listener(payload);
    ipcRenderer.on('nexus:event', handler);
    return () => {
      ipcRenderer.removeListener('nexus:event', handler);
    };
  },
} satisfies EventSource;

contextBridge.exposeInMainWorld('nexus', nexus);
contextBridge.exposeInMainWorld('nexusEvents', nexusEvents);
