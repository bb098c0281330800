/** What every backend domain receives: options, logger, events, and the open hub. */
import { EventBus } from '../core/api/events';
import type { HubService } from './hub/hubService';
import type { Logger } from './logger';

/** What a host gives the backend. */
export type BackendOptions = {
  /** The bundled hub folder (resources/hub). */
  bundledHub: string;
  /** A hub to open instead of the bundled one. */
  hubRoot?: string;
  /** The app's data folder (NEXUS_DATA_DIR overrides it in hosts). */
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  logger: Logger;
  /** Hands an already-checked http(s) URL to the system browser; null where the UI opens it. */
  openExternal: ((url: string) => Promise<void>) | null;
};

/** Shared state of the backend, passed to each domain's handler factory (no globals). */
export class BackendContext {
  readonly events = new EventBus();
  private current: HubService;
  private readonly hubListeners = new Set<(hub: HubService) => void>();

  constructor(
    readonly options: BackendOptions,
    hub: HubService,
  ) {
    this.current = hub;
  }

  get logger(): Logger {
    return this.options.logger;
  }

  /** The hub open now. */
  hub(): HubService {
    return this.current;
  }

  /** Switches to another hub and tells every domain (search reindexes, progress re-maps...). */
  setHub(hub: HubService): void {
    this.current = hub;
    for (const listener of [...this.hubListeners]) {
      listener(hub);
    }
    this.events.emit({ type: 'hub.opened', root: hub.root });
  }

  /** Runs `listener` whenever another hub is opened. */
  onHubChanged(listener: (hub: HubService) => void): () => void {
    this.hubListeners.add(listener);
    return () => this.hubListeners.delete(listener);
  }
}
