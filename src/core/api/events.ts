/** Push events from the back end to the UI, over one typed channel per host. */
import type { DbStatus } from '../db/status';
import type { SyncRunResult, SyncStepName, SyncStepState } from './syncApi';
import type { UiCommand } from '../shell/shortcuts';

/** Every event the back end pushes. Domains add their variants here. */
export type AppEvent =
  | { type: 'hub.opened'; root: string }
  /** The study database's health changed (save failing, recovered...). */
  | { type: 'study.status'; status: DbStatus }
  /** A menu item of the desktop shell asks the UI to do something (open search, toggle a pane...). */
  | { type: 'ui.command'; command: UiCommand }
  | { type: 'index.progress'; done: number; total: number; phase: 'indexing' | 'ready' }
  /** Docs of the open hub parsed in the background so far (the tree and topic counts fill in). */
  | { type: 'hub.progress'; root: string; done: number; total: number; phase: 'parsing' | 'ready' }
  /** A step of the running sync started or ended. */
  | { type: 'sync.step'; step: SyncStepName; state: SyncStepState; detail: string }
  /** A sync ended (ok or not). */
  | { type: 'sync.finished'; result: SyncRunResult };

/** Unsubscribes a listener. */
export type Unsubscribe = () => void;

/** A subscription point for push events (window.nexusEvents in Electron, SSE on the web host). */
export type EventSource = { subscribe(listener: (event: AppEvent) => void): Unsubscribe };

/** A tiny in-process event bus the backend emits on. */
export class EventBus implements EventSource {
  private readonly listeners = new Set<(event: AppEvent) => void>();

  /** Sends `event` to every listener; a throwing listener does not stop the others. */
  emit(event: AppEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break the emitter.
      }
    }
  }

  /** Adds a listener. */
  subscribe(listener: (event: AppEvent) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
