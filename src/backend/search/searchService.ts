/**
 * Keeps the search index of the open hub: builds it in the background (chunks of a few ms with
 * yields, so IPC and HTTP keep answering), pushes `index.progress`, caches it on disk keyed by
 * the hub's content hash, re-indexes only changed docs, follows notes and hub switches.
 *
 * Why chunks and not worker_threads: queries need the index in this process (a worker would
 * answer every keystroke through a message hop and hold a second copy during transfer), and
 * the structured clone of a finished index back to the main thread would itself block the loop
 * for longer than the chunks do. Chunking also runs unchanged under Electron, the web host,
 * tsx and vitest, where a worker entry file would need a build step per host.
 */
import { stat } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { SearchQueryResult, SearchStatus } from '../../core/api/searchApi';
import { docEntries, endpointEntry, type NoteInput, noteEntry, specEntries } from '../../core/search/entries';
import { SearchIndex, type SearchOptions } from '../../core/search/searchIndex';
import type { SearchEntry, SearchFilters, StudyFacts } from '../../core/search/types';
import type { BackendContext, NoteChange } from '../context';
import type { HubService } from '../hub/hubService';
import { entriesDigest } from './entriesDigest';
import { CACHE_VERSION, type CacheMeta, cacheFile, readCache, writeCache } from './indexCache';

const CHUNK_MS = 8;
const PROGRESS_EVERY_MS = 100;
const ENDPOINTS_DOC = '\u0000endpoints';

/** Yields to the event loop once `CHUNK_MS` have passed since the last yield. */
class Slicer {
  private started = Date.now();

  async breathe(): Promise<void> {
    if (Date.now() - this.started >= CHUNK_MS) {
      await yieldToLoop();
      this.started = Date.now();
    }
  }

  /** Runs a stepped core computation, yielding to the loop between steps as time runs out. */
  async run<T>(steps: Generator<void, T, void>): Promise<T> {
    for (;;) {
      const r = steps.next();
      if (r.done === true) {
        return r.value;
      }
      await this.breathe();
    }
  }
}

/** The hub's search entries grouped by doc (API operations as one pseudo-doc), with hashes. */
async function collect(hub: HubService, slicer: Slicer): Promise<{ groups: Map<string, SearchEntry[]>; hashes: Record<string, string>; hubHash: string }> {
  const groups = new Map<string, SearchEntry[]>();
  for (const doc of hub.allDocs()) {
    groups.set(doc.path, docEntries(doc));
    await slicer.breathe();
  }
  const titles = hub.specTitles();
  const api: SearchEntry[] = [];
  // Each spec's overview and tag descriptions, from the models the hub loaded (not read or parsed again).
  for (const spec of hub.loadedSpecs()) {
    api.push(...specEntries(spec));
  }
  for (const op of hub.endpointTopics()) {
    api.push(endpointEntry(op, titles.get(op.specPath) ?? op.specPath));
  }
  if (api.length > 0) {
    groups.set(ENDPOINTS_DOC, api);
  }
  const hashes: Record<string, string> = {};
  // Hashing all of a large hub's text takes longer than one slice: one doc at a time.
  for (const [docPath, entries] of groups) {
    hashes[docPath] = entriesDigest(entries);
    await slicer.breathe();
  }
  const hubHash = entriesDigest(
    Object.keys(hashes)
      .sort()
      .map((p) => ({ key: p, title: hashes[p]!, headingPath: [], keywords: String(CACHE_VERSION), body: '', code: '' })),
  );
  return { groups, hashes, hubHash };
}

/** The search domain's state. Create with `SearchService.start(ctx)`. */
export class SearchService {
  private index = new SearchIndex();
  private status: SearchStatus = { phase: 'indexing', done: 0, total: 0, entries: 0, fromCache: false, reindexed: 0 };
  private generation = 0;
  private readonly notes = new Map<string, NoteInput>();
  private building: Promise<void> = Promise.resolve();
  private readonly unsubscribe: Array<() => void> = [];
  /** A hub still parsing whose build is under way (it is announced again once complete). */
  private following: HubService | null = null;

  private constructor(private readonly ctx: BackendContext) {}

  /** Starts indexing the open hub and follows hub switches and note changes. */
  static start(ctx: BackendContext): SearchService {
    const service = new SearchService(ctx);
    service.unsubscribe.push(ctx.onHubChanged((hub) => service.rebuild(hub)));
    service.unsubscribe.push(ctx.onNotesChanged((change) => service.onNotes(change)));
    service.rebuild(ctx.hub());
    return service;
  }

  /** Resolves when the current build (and its cache write) has finished. */
  whenIdle(): Promise<void> {
    return this.building;
  }

  /** Stops following changes; a running build stops at its next chunk. */
  async close(): Promise<void> {
    this.generation++;
    this.unsubscribe.forEach((u) => u());
    await this.building.catch(() => undefined);
  }

  /** Indexing progress. */
  getStatus(): SearchStatus {
    return { ...this.status, entries: this.index.size };
  }

  /** Runs a query over what is indexed now. */
  query(q: string, options: { limit?: number; filters?: SearchFilters; prefix?: boolean }): SearchQueryResult {
    const started = performance.now();
    const study = this.studyFacts();
    const searchOptions: SearchOptions = { study, ...options };
    const result = this.index.search(q, searchOptions);
    const lookup = this.ctx.study;
    const hits = result.hits.map((hit) => ({
      ...hit,
      badges: {
        done: lookup !== null && hit.topicId !== null ? lookup.progressOf(hit.topicId) === 'done' : null,
        hasNotes: lookup !== null && hit.topicId !== null ? lookup.hasNotes(hit.topicId) : null,
      },
    }));
    return { hits, total: result.total, terms: result.terms, indexing: this.status.phase === 'indexing', tookMs: performance.now() - started };
  }

  private studyFacts(): StudyFacts | null {
    const lookup = this.ctx.study;
    return lookup === null ? null : { isDone: (id) => lookup.progressOf(id) === 'done', hasNotes: (id) => lookup.hasNotes(id) };
  }

  private rebuild(hub: HubService): void {
    // The hub being indexed (as its docs are parsed) told us it is complete: that build goes on.
    if (hub === this.following) {
      return;
    }
    this.following = hub.settled ? null : hub;
    const generation = ++this.generation;
    const previous = this.building;
    this.building = previous
      .catch(() => undefined)
      .then(() => this.build(hub, generation))
      .catch((e: unknown) => this.ctx.logger.error('search indexing failed', { error: String(e) }));
  }

  /**
   * While the hub is still parsing: with no cached index, indexes each doc as it is parsed (search
   * fills in); with one, waits (the cache needs the complete docs to match against). Gives the
   * index built so far and the docs in it.
   */
  private async whileParsing(hub: HubService, generation: number, file: string, slicer: Slicer): Promise<{ index: SearchIndex; docs: Set<string> } | null> {
    if (hub.settled) {
      return null;
    }
    const hasCache = await stat(file).then(
      () => true,
      () => false,
    );
    const index = new SearchIndex();
    const docs = new Set<string>();
    if (!hasCache) {
      this.index = index;
    }
    let lastProgress = 0;
    while (!hub.settled && generation === this.generation) {
      if (!hasCache) {
        for (const doc of hub.allDocs()) {
          if (!docs.has(doc.path)) {
            docs.add(doc.path);
            for (const entry of docEntries(doc)) {
              index.add(entry);
            }
            await slicer.breathe();
          }
        }
      }
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        const p = hub.progress();
        this.setStatus({ phase: 'indexing', done: p.done, total: p.total, entries: index.size, fromCache: false, reindexed: 0 });
      }
      await Promise.race([hub.whenSettled(), new Promise((r) => setTimeout(r, PROGRESS_EVERY_MS))]);
    }
    return hasCache ? null : { index, docs };
  }

  private async build(hub: HubService, generation: number): Promise<void> {
    const started = Date.now();
    const slicer = new Slicer();
    const file = cacheFile(this.ctx.options.dataDir, hub.realRoot);
    const live = await this.whileParsing(hub, generation, file, slicer);
    if (this.following === hub) {
      this.following = null;
    }
    if (generation !== this.generation) {
      return;
    }
    const { groups, hashes, hubHash } = await collect(hub, slicer);
    if (generation !== this.generation) {
      return;
    }
    const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
    this.setStatus({ phase: 'indexing', done: 0, total, entries: 0, fromCache: false, reindexed: 0 });
    const cached = live === null ? await readCache(file) : null;
    if (generation !== this.generation) {
      return;
    }
    const byKey = new Map<string, SearchEntry>();
    for (const group of groups.values()) {
      for (const e of group) {
        byKey.set(e.key, e);
      }
    }
    let index: SearchIndex;
    let changed: string[];
    if (cached !== null) {
      index = await slicer.run(SearchIndex.importSteps(cached.dump, (key) => byKey.get(key) ?? null));
      changed = Object.keys(hashes).filter((p) => cached.meta.docHashes[p] !== hashes[p]);
      const changedSet = new Set(changed);
      // Entries of removed or changed docs are retired; changed docs are added again below.
      for (const key of index.keys()) {
        const entry = index.entry(key);
        const group = entry?.kind === 'endpoint' ? ENDPOINTS_DOC : (entry?.docPath ?? '');
        if (entry === null || !(group in hashes) || changedSet.has(group)) {
          index.remove(key);
        }
      }
      if (index.staleCount > Math.max(500, index.size)) {
        index = new SearchIndex();
        changed = [...groups.keys()];
      }
    } else if (live !== null) {
      // Docs indexed while the hub was parsing stay; what is left (API operations) is added.
      index = live.index;
      changed = [...groups.keys()].filter((p) => !live.docs.has(p));
    } else {
      index = new SearchIndex();
      changed = [...groups.keys()];
    }
    const fromCache = cached !== null && changed.length < groups.size;
    const toAdd = changed.flatMap((p) => groups.get(p) ?? []);
    this.index = index;
    this.setStatus({ phase: 'indexing', done: total - toAdd.length, total, entries: index.size, fromCache, reindexed: toAdd.length });
    let lastProgress = Date.now();
    for (let i = 0; i < toAdd.length; i++) {
      index.add(toAdd[i]!);
      if (i % 16 === 15) {
        await slicer.breathe();
        if (generation !== this.generation) {
          return;
        }
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          this.setStatus({ ...this.status, done: total - toAdd.length + i + 1 });
        }
      }
    }
    // The cache holds hub entries only, so it is taken before notes join.
    const write = toAdd.length > 0 || live !== null || cached?.meta.hubHash !== hubHash;
    const dump = write ? await slicer.run(index.exportSteps()) : null;
    if (generation !== this.generation) {
      return;
    }
    for (const note of this.notes.values()) {
      index.add(this.noteToEntry(note));
    }
    // Stem groups, completion buckets and norms, so the first keystroke is as fast as the rest.
    await slicer.run(index.prepare());
    if (generation !== this.generation) {
      return;
    }
    this.setStatus({ phase: 'ready', done: total, total, entries: index.size, fromCache, reindexed: toAdd.length });
    this.ctx.logger.info('search index ready', { entries: index.size, ms: Date.now() - started, reindexed: toAdd.length, fromCache });
    if (dump !== null) {
      const meta: CacheMeta = { version: CACHE_VERSION, hubHash, docHashes: hashes };
      await writeCache(file, meta, dump).catch((e: unknown) => this.ctx.logger.warn('search cache not written', { error: String(e) }));
    }
  }

  private setStatus(next: SearchStatus): void {
    this.status = next;
    this.ctx.events.emit({ type: 'index.progress', done: next.done, total: next.total, phase: next.phase });
  }

  private noteToEntry(note: NoteInput): SearchEntry {
    const topic = note.topicId !== null ? this.index.entry(note.topicId) : null;
    const at = topic !== null && topic.slug !== null ? { docPath: topic.docPath, docTitle: topic.docTitle, slug: topic.slug, title: topic.title } : null;
    return noteEntry(note, at);
  }

  private onNotes(change: NoteChange): void {
    const indexed = this.status.phase === 'ready';
    if (change.kind === 'reset') {
      for (const id of this.notes.keys()) {
        this.index.remove(`note:${id}`);
      }
      this.notes.clear();
      for (const note of change.notes) {
        this.notes.set(note.id, note);
        if (indexed) {
          this.index.add(this.noteToEntry(note));
        }
      }
    } else if (change.kind === 'saved') {
      this.notes.set(change.note.id, change.note);
      if (indexed) {
        this.index.add(this.noteToEntry(change.note));
      }
    } else {
      this.notes.delete(change.id);
      this.index.remove(`note:${change.id}`);
    }
    // Replaced notes leave retired ids behind; past a point a rebuild is cheaper than the waste.
    if (indexed && this.index.staleCount > Math.max(2000, this.index.size / 2)) {
      this.rebuild(this.ctx.hub());
    }
  }
}
