/** What every backend domain receives: options, logger, events, and the open hub. */
import { EventBus } from '../core/api/events';
import type { HubService } from './hub/hubService';
import type { ParseCache } from './hub/parseCache';
import { type DocParser, inProcessParser } from './hub/parsePool';
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
  /**
   * A built parse worker script to start instead of the one beside the backend: bench:open runs the
   * backend from source with the worker bundled as the app ships it.
   */
  parseWorkerFile?: string;
  /**
   * Start serving as soon as the hub is scanned, its docs parsed in the background (the hosts set
   * this); without it, createBackend returns once every doc is read (tests that need all at once).
   */
  progressiveOpen?: boolean;
  /** Hands an already-checked http(s) URL to the system browser; null where the UI opens it. */
  openExternal: ((url: string) => Promise<void>) | null;
};

/** A note as other domains (search) need it. */
export type NoteSnapshot = { id: string; topicId: string | null; title: string; body: string; tags: string[]; updatedAt: string };

/** A change to the learner's notes, published by the study domain. */
export type NoteChange = { kind: 'saved'; note: NoteSnapshot } | { kind: 'deleted'; id: string } | { kind: 'reset'; notes: NoteSnapshot[] };

/** What other domains may ask the study domain about a topic (search badges and filters). */
export type StudyLookup = {
  progressOf(topicId: string): 'not-started' | 'in-progress' | 'done' | 'skipped';
  hasNotes(topicId: string): boolean;
};

/** Shared state of the backend, passed to each domain's handler factory (no globals). */
export class BackendContext {
  readonly events = new EventBus();
  private current: HubService;
  private readonly hubListeners = new Set<(hub: HubService) => void>();
  private readonly noteListeners = new Set<(change: NoteChange) => void>();
  /** Parses hub docs off the event loop (a worker pool in hosts; in-process in unit tests). */
  parser: DocParser = inProcessParser;
  /** Parsed docs kept between runs (in the data folder); null in unit tests. */
  parseCache: ParseCache | null = null;
  /** Set by the study domain once the database is open; null before. */
  study: StudyLookup | null = null;

  constructor(
    readonly options: BackendOptions,
    hub: HubService,
  ) {
    this.current = hub;
    if (!hub.settled) {
      this.whenSettled(hub);
    }
  }

  get logger(): Logger {
    return this.options.logger;
  }

  /** The hub open now. */
  hub(): HubService {
    return this.current;
  }

  /**
   * Switches to another hub and tells every domain (search reindexes, progress re-maps...). A hub
   * still parsing in the background is served at once (tree, docs); the domains hear of it, and
   * again for the first hub, once every doc is read, so none works from part of the docs.
   */
  setHub(hub: HubService): void {
    const previous = this.current;
    this.current = hub;
    if (previous !== hub) {
      previous.stop();
    }
    if (hub.settled) {
      this.notifyHub(hub);
    } else {
      this.whenSettled(hub);
    }
    this.events.emit({ type: 'hub.opened', root: hub.root });
  }

  private whenSettled(hub: HubService): void {
    const off = hub.onProgress((p) => {
      if (this.current !== hub) {
        off();
        return;
      }
      this.events.emit({ type: 'hub.progress', root: hub.root, ...p });
      if (p.phase === 'ready') {
        off();
        this.notifyHub(hub);
      }
    });
  }

  private notifyHub(hub: HubService): void {
    for (const listener of [...this.hubListeners]) {
      listener(hub);
    }
  }

  /** Runs `listener` whenever another hub is opened. */
  onHubChanged(listener: (hub: HubService) => void): () => void {
    this.hubListeners.add(listener);
    return () => this.hubListeners.delete(listener);
  }

  /** Publishes a note change (the study domain calls this after every durable save or delete). */
  notifyNotes(change: NoteChange): void {
    for (const listener of [...this.noteListeners]) {
      listener(change);
    }
  }

  /** Follows note changes (the search index does). */
  onNotesChanged(listener: (change: NoteChange) => void): () => void {
    this.noteListeners.add(listener);
    return () => this.noteListeners.delete(listener);
  }
}
