/** The open hub: scanning, parsing docs in the background for the tree and search, rendering one doc on demand. */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { HubAsset, HubOverview } from '../../core/api/contract';
import { ApiError } from '../../core/api/result';
import { decodeText } from '../../core/hub/decode';
import { buildHubTree } from '../../core/hub/hubTree';
import { buildSiteRoutes } from '../../core/hub/siteRoutes';
import { fileTitle } from '../../core/hub/parseDoc';
import type { DocSummary, HubProblem, ParsedDoc, RenderedDoc } from '../../core/hub/types';
import type { ApiSpec, EndpointTopic } from '../../core/openapi/types';
import { type ParseCache, type ParseCacheEntries, fileBytesHash } from './parseCache';
import { type DocParser, inProcessParser } from './parsePool';
import { resolveInHub } from './safePath';
import { type ScannedFile, isMarkdown, scanHub } from './scanHub';
import { SpecCatalog, type SpecWithSource } from './specs';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
};
const MAX_ASSET_BYTES = 5 * 1024 * 1024;
const RENDER_CACHE_SIZE = 24;

/** Rendered docs kept in memory: at most this many, holding at most this many source bytes. */
const RENDER_CACHE_BYTES = 8 * 1024 * 1024;
/** Parse jobs in flight at once: enough to keep every worker busy, few enough that a doc opened now jumps the queue. */
export const PARSE_IN_FLIGHT = 6;
/** Problems that mean the file itself is bad (limits, time-out, a parser crash): remembered by content hash. */
const BAD_FILE_CODES: ReadonlySet<HubProblem['code']> = new Set(['too-large', 'too-deep', 'parse-failed', 'parse-timeout', 'not-utf8', 'binary']);

/** How far the background parse of the open hub got. */
export type HubParseProgress = { done: number; total: number; phase: 'parsing' | 'ready' };

/** What the tree shows of a doc not parsed yet: its file name, no topics. */
function placeholder(relPath: string): DocSummary {
  return { path: relPath, title: fileTitle(relPath), topics: [], encoding: 'utf-8' };
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Cache keys of bad bytes by content hash (no path holds a NUL), so a bad file that was fixed and
 * then reverted is known bad again without another try. The last KNOWN_BAD_KEPT are kept.
 */
const badKey = (hash: string): string => `\0bad:${hash}`;
const KNOWN_BAD_KEPT = 256;

/**
 * A loaded hub. `HubService.start` returns once the folder is scanned (the tree shows every doc by
 * its file name) and parses the docs in the background, the one asked for first; `HubService.open`
 * also waits for that parse to finish.
 */
export class HubService {
  private readonly docs = new Map<string, ParsedDoc>();
  /** Docs not parsed yet, in the order they will be (a doc opened now moves to the front). */
  private readonly queue: string[];
  private readonly queued: Set<string>;
  /** The problem that kept each bad doc out (limits, time-out, unreadable...). */
  private readonly rejected = new Map<string, HubProblem>();
  private readonly markdownCount: number;
  private readonly renderCache = new Map<string, { bytes: number; doc: RenderedDoc }>();
  private readonly progressListeners = new Set<(p: HubParseProgress) => void>();
  private readonly specs: SpecCatalog;
  private siteRoutes: Array<[string, string]> | null | undefined;
  private sortedDocs: ParsedDoc[] | null = null;
  private filesDigest: string | undefined;
  /** Rendered docs being written to the data folder. */
  private writes: Promise<void> = Promise.resolve();
  private done: Promise<void> = Promise.resolve();
  private closed = false;
  /** True once every doc and spec has been read (the tree, counts and search are complete). */
  settled = false;

  private constructor(
    readonly root: string,
    readonly realRoot: string,
    readonly bundled: boolean,
    private readonly files: Map<string, ScannedFile>,
    private readonly problems: HubProblem[],
    private readonly parser: DocParser,
    private readonly cache: ParseCache | null,
  ) {
    this.specs = new SpecCatalog((p) => this.read(p), new Set(files.keys()), parser);
    this.queue = [...files.values()].filter((f) => isMarkdown(f.path)).map((f) => f.path);
    this.queued = new Set(this.queue);
    this.markdownCount = this.queue.length;
  }

  /** Scans and fully parses the hub at `root` (see `start`). */
  static async open(root: string, bundled: boolean, parser: DocParser = inProcessParser, cache: ParseCache | null = null): Promise<HubService> {
    const service = await HubService.start(root, bundled, parser, cache);
    await service.whenSettled();
    return service;
  }

  /**
   * Scans the hub at `root` and starts parsing it in the background: `first` (the doc the reader
   * will show) before the others. Throws `not-found` when the folder cannot be used.
   */
  static async start(
    root: string,
    bundled: boolean,
    parser: DocParser = inProcessParser,
    cache: ParseCache | null = null,
    first: string | null = null,
  ): Promise<HubService> {
    // A repository's .git folder is git's, not docs: opening it would read its objects and hooks as a hub.
    const real = await realpath(root).catch(() => null);
    if (real !== null && real.split(path.sep).includes('.git')) {
      throw new ApiError('forbidden', `${root} is a .git folder (or inside one); open the repository's own folder instead.`);
    }
    let scan;
    try {
      scan = await scanHub(root);
    } catch (e) {
      throw new ApiError('not-found', `Cannot open ${root} as a hub: ${(e as Error).message}`);
    }
    const files = new Map(scan.files.map((f) => [f.path, f]));
    const service = new HubService(root, scan.realRoot, bundled, files, scan.problems, parser, cache);
    if (first !== null) {
      service.prioritise(first);
    }
    service.done = service.parseAll().catch((e: unknown) => {
      // Never expected (each file's failure is a problem); the hub stays usable with what was read.
      service.problems.push({ path: '(background parsing)', code: 'parse-failed', severity: 'error', message: String(e).slice(0, 500) });
      service.finish();
    });
    return service;
  }

  /** Resolves once every doc and spec has been read. */
  whenSettled(): Promise<void> {
    return this.done;
  }

  /** Resolves once the hub is settled and every rendered doc is written to the data folder. */
  async idle(): Promise<void> {
    await this.done;
    await this.writes;
  }

  /** Stops the background parse after the jobs in flight (the hub was replaced). */
  stop(): void {
    this.closed = true;
  }

  /** Follows the background parse; returns an unsubscribe. */
  onProgress(listener: (p: HubParseProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** How far the background parse got. */
  progress(): HubParseProgress {
    const done = this.markdownCount - this.queued.size;
    return { done, total: this.markdownCount, phase: this.settled ? 'ready' : 'parsing' };
  }

  /** Every parsed doc, in path order (for search and progress). */
  allDocs(): ParsedDoc[] {
    this.sortedDocs ??= [...this.docs.values()].sort((a, b) => byPath(a.path, b.path));
    return this.sortedDocs;
  }

  /** Every API operation of the hub's OpenAPI files, as topics (ids `<spec path>#<slug>`). */
  endpointTopics(): EndpointTopic[] {
    return this.specs.endpointTopics();
  }

  /** The title of each OpenAPI file (its `info.title`), by path. */
  specTitles(): Map<string, string> {
    return new Map(this.specs.summaries().map((s) => [s.path, s.title]));
  }

  /** Every OpenAPI file as loaded with the hub, in path order (not read again: search indexes these). */
  loadedSpecs(): ApiSpec[] {
    return this.specs.loaded();
  }

  /** One OpenAPI file, normalised, with its source (read again: the file may have changed). */
  spec(relPath: string): Promise<SpecWithSource> {
    return this.specs.get(relPath);
  }

  /** The tree, counts and problems. Docs still queued show by file name, without topics. */
  overview(): HubOverview {
    const docs = this.allDocs();
    const summaries: DocSummary[] = docs.map((d) => ({ path: d.path, title: d.title, topics: d.topics, encoding: d.encoding }));
    summaries.push(...[...this.queued].map(placeholder));
    const problems = [...(this.parser.problems?.() ?? []), ...this.problems, ...this.rejected.values(), ...docs.flatMap((d) => d.problems)];
    return {
      root: this.root,
      name: path.basename(this.realRoot),
      bundled: this.bundled,
      tree: buildHubTree(summaries, this.specs.summaries()),
      problems: problems.sort((a, b) => byPath(a.path, b.path)),
      docCount: docs.length,
      topicCount: docs.reduce((n, d) => n + d.topics.length, 0),
      fileCount: this.files.size,
      parsing: this.settled ? null : { done: this.progress().done, total: this.markdownCount },
    };
  }

  /** One doc, rendered with links checked against the hub's files. A doc still queued is parsed next. */
  async doc(relPath: string): Promise<RenderedDoc> {
    const file = this.files.get(relPath);
    if (file === undefined || !isMarkdown(relPath)) {
      throw new ApiError('not-found', `There is no doc ${relPath} in this hub.`);
    }
    this.prioritise(relPath);
    const bytes = await this.read(relPath);
    const hash = fileBytesHash(bytes);
    const bad = this.rejected.get(relPath);
    if (bad !== undefined && BAD_FILE_CODES.has(bad.code) && this.rejectedHash.get(relPath) === hash) {
      // Known bad bytes: not parsed again until the file changes.
      throw new ApiError('unavailable', bad.message);
    }
    // Links are checked against the hub's files, specs and site routes: the key names them all.
    const routes = this.routes();
    const specs = this.specs.summaries().map((s) => s.path);
    this.filesDigest ??= fileBytesHash(new TextEncoder().encode([...this.files.keys()].sort(byPath).join('\0')));
    const key = fileBytesHash(new TextEncoder().encode(JSON.stringify([relPath, hash, this.filesDigest, specs, routes])));
    const cached = this.renderCache.get(key);
    if (cached !== undefined) {
      this.renderCache.delete(key);
      this.renderCache.set(key, cached);
      return cached.doc;
    }
    // The doc read last time shows from disk, without waiting for a parse worker to start.
    const stored = (await this.cache?.loadRendered?.(key)) ?? null;
    if (stored !== null) {
      this.remember(key, bytes.length, stored);
      return stored;
    }
    const outcome = await this.parser.run({
      kind: 'render',
      path: relPath,
      bytes,
      files: [...this.files.keys()],
      specs,
      ...(routes !== null ? { routes } : {}),
    });
    if (!outcome.ok) {
      throw new ApiError('unavailable', outcome.problem.message);
    }
    if (outcome.kind !== 'render') {
      throw new ApiError('internal', 'The parser answered with the wrong kind of result.');
    }
    this.remember(key, bytes.length, outcome.doc);
    const save = this.cache?.saveRendered?.(key, outcome.doc);
    if (save !== undefined) {
      this.writes = Promise.all([this.writes, save]).then(() => undefined);
    }
    return outcome.doc;
  }

  /** An image inside the hub as a data: URL. */
  async asset(relPath: string): Promise<HubAsset> {
    const mime = IMAGE_TYPES[path.extname(relPath).toLowerCase()];
    const file = this.files.get(relPath);
    if (mime === undefined || file === undefined) {
      throw new ApiError('not-found', `No image ${relPath} in this hub.`);
    }
    if (file.bytes > MAX_ASSET_BYTES) {
      throw new ApiError('unavailable', `${relPath} is larger than 5 MiB and is not shown.`);
    }
    const bytes = await this.read(relPath);
    return { dataUrl: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`, mime, bytes: bytes.length };
  }

  /** A doc's markdown text, decoded as the parser decodes it (review cards are read from it). */
  async source(relPath: string): Promise<string> {
    const decoded = decodeText(relPath, await this.read(relPath));
    return decoded.ok ? decoded.text : '';
  }

  /** Every file path of the hub (links in rendered review cards are checked against it). */
  filePaths(): ReadonlySet<string> {
    return new Set(this.files.keys());
  }

  private readonly rejectedHash = new Map<string, string>();

  /** Moves a queued doc to the front of the background parse. */
  private prioritise(relPath: string): void {
    if (!this.queued.has(relPath)) {
      return;
    }
    const i = this.queue.indexOf(relPath);
    if (i > 0) {
      this.queue.splice(i, 1);
      this.queue.unshift(relPath);
    }
  }

  /** Keeps a rendered doc, dropping the least recently used past the count or byte bound. */
  private remember(key: string, bytes: number, doc: RenderedDoc): void {
    this.renderCache.set(key, { bytes, doc });
    let total = 0;
    for (const e of this.renderCache.values()) {
      total += e.bytes;
    }
    for (const [k, e] of this.renderCache) {
      if (this.renderCache.size <= 1 || (this.renderCache.size <= RENDER_CACHE_SIZE && total <= RENDER_CACHE_BYTES)) {
        break;
      }
      this.renderCache.delete(k);
      total -= e.bytes;
    }
  }

  /**
   * Site routes of a hub published with Docusaurus (some doc is .mdx or has a front matter `id` or
   * `slug`), else null: in a plain hub a missing `/docs/x.md` is a broken link, not a site page.
   * Only kept once every doc is parsed (before, it is worked out from the docs read so far).
   */
  private routes(): Array<[string, string]> | null {
    if (this.siteRoutes !== undefined) {
      return this.siteRoutes;
    }
    const docs = this.allDocs();
    const docusaurus = docs.some(
      (d) => /\.mdx$/i.test(d.path) || typeof d.frontMatter?.['id'] === 'string' || typeof d.frontMatter?.['slug'] === 'string',
    );
    const routes = docusaurus ? [...buildSiteRoutes(docs)] : null;
    if (this.settled) {
      this.siteRoutes = routes;
    }
    return routes;
  }

  private async read(relPath: string): Promise<Uint8Array> {
    const safe = await resolveInHub(this.realRoot, relPath);
    const info = await stat(safe);
    if (!info.isFile()) {
      throw new ApiError('forbidden', `${relPath} is not a regular file.`);
    }
    return readFile(safe);
  }

  private emitProgress(): void {
    const p = this.progress();
    for (const listener of [...this.progressListeners]) {
      listener(p);
    }
  }

  private finish(): void {
    this.queue.length = 0;
    this.queued.clear();
    this.settled = true;
    this.sortedDocs = null;
    this.emitProgress();
  }

  private async parseAll(): Promise<void> {
    const cached = this.cache !== null ? await this.cache.load(this.realRoot) : (new Map() as ParseCacheEntries);
    const fresh: ParseCacheEntries = new Map();
    let lastEmit = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const next = this.closed ? undefined : this.queue.shift();
        if (next === undefined) {
          return;
        }
        await this.parseOne(next, cached, fresh);
        this.queued.delete(next);
        this.sortedDocs = null;
        if (Date.now() - lastEmit >= 200) {
          lastEmit = Date.now();
          this.emitProgress();
        }
        // Let IPC and HTTP answer between files.
        await yieldToLoop();
      }
    };
    await Promise.all(Array.from({ length: PARSE_IN_FLIGHT }, worker));
    if (this.closed) {
      return;
    }
    await this.specs.load(this.files.values(), this.problems);
    // Every file is read: the background workers' heaps go back before the cache is written and search finishes.
    this.parser.trim?.();
    let kept = [...fresh.keys()].filter((k) => k.startsWith(badKey(''))).length;
    for (const [key, entry] of cached) {
      if (kept < KNOWN_BAD_KEPT && key.startsWith(badKey('')) && !fresh.has(key)) {
        fresh.set(key, entry);
        kept++;
      }
    }
    const changed = fresh.size !== cached.size || [...fresh].some(([p, e]) => cached.get(p)?.hash !== e.hash);
    if (this.cache !== null && changed) {
      await this.cache.save(this.realRoot, fresh);
    }
    this.finish();
  }

  private async parseOne(relPath: string, cached: ParseCacheEntries, fresh: ParseCacheEntries): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.read(relPath);
    } catch (e) {
      this.rejected.set(relPath, { path: relPath, code: 'unreadable', severity: 'error', message: (e as Error).message });
      return;
    }
    const hash = fileBytesHash(bytes);
    const hit = cached.get(relPath);
    if (hit !== undefined && hit.hash === hash) {
      fresh.set(relPath, hit);
      if (hit.doc !== undefined) {
        this.docs.set(relPath, hit.doc);
      } else {
        this.reject(relPath, hash, hit.problem);
      }
      return;
    }
    const knownBad = cached.get(badKey(hash));
    if (knownBad?.problem !== undefined) {
      const problem = { ...knownBad.problem, path: relPath };
      this.reject(relPath, hash, problem);
      fresh.set(relPath, { hash, problem });
      fresh.set(badKey(hash), knownBad);
      return;
    }
    const outcome = await this.parser.run({ kind: 'parse', path: relPath, bytes });
    if (!outcome.ok) {
      this.reject(relPath, hash, outcome.problem);
      // Time-outs too (the limit is CPU time): a file that spun once is not parsed again on every
      // start, only once it changes. Unless the machine was too starved to tell.
      if (!('transient' in outcome && outcome.transient === true)) {
        fresh.set(relPath, { hash, problem: outcome.problem });
        if (BAD_FILE_CODES.has(outcome.problem.code)) {
          fresh.set(badKey(hash), { hash, problem: outcome.problem });
        }
      }
      return;
    }
    if (outcome.kind !== 'parse') {
      return;
    }
    this.docs.set(relPath, outcome.doc);
    fresh.set(relPath, { hash, doc: outcome.doc });
  }

  private reject(relPath: string, hash: string, problem: HubProblem): void {
    this.rejected.set(relPath, problem);
    this.rejectedHash.set(relPath, hash);
  }
}
