/** The open hub: scanning, parsing every doc for the tree, rendering one doc on demand. */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { HubAsset, HubOverview } from '../../core/api/contract';
import { ApiError } from '../../core/api/result';
import { decodeText } from '../../core/hub/decode';
import { buildHubTree } from '../../core/hub/hubTree';
import { buildSiteRoutes } from '../../core/hub/siteRoutes';
import type { HubProblem, ParsedDoc, RenderedDoc } from '../../core/hub/types';
import type { EndpointTopic } from '../../core/openapi/types';
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

/** A loaded hub. Create with `HubService.open`. */
export class HubService {
  private readonly docs = new Map<string, ParsedDoc>();
  private readonly renderCache = new Map<string, { mtimeMs: number; doc: RenderedDoc }>();
  private readonly specs: SpecCatalog;
  private siteRoutes: Array<[string, string]> | null | undefined;

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
  }

  /** Scans and parses the hub at `root`. Throws `not-found` when the folder cannot be used. */
  static async open(
    root: string,
    bundled: boolean,
    parser: DocParser = inProcessParser,
    cache: ParseCache | null = null,
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
    await service.parseAll();
    await service.specs.load(files.values(), service.problems);
    return service;
  }

  /** Every parsed doc, in path order (for search and progress). */
  allDocs(): ParsedDoc[] {
    return [...this.docs.values()];
  }

  /** Every API operation of the hub's OpenAPI files, as topics (ids `<spec path>#<slug>`). */
  endpointTopics(): EndpointTopic[] {
    return this.specs.endpointTopics();
  }

  /** The title of each OpenAPI file (its `info.title`), by path. */
  specTitles(): Map<string, string> {
    return new Map(this.specs.summaries().map((s) => [s.path, s.title]));
  }

  /** One OpenAPI file, normalised, with its source. */
  spec(relPath: string): Promise<SpecWithSource> {
    return this.specs.get(relPath);
  }

  /** The tree, counts and problems. */
  overview(): HubOverview {
    const docs = this.allDocs();
    return {
      root: this.root,
      name: path.basename(this.realRoot),
      bundled: this.bundled,
      tree: buildHubTree(docs, this.specs.summaries()),
      problems: [...(this.parser.problems?.() ?? []), ...this.problems].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      docCount: docs.length,
      topicCount: docs.reduce((n, d) => n + d.topics.length, 0),
      fileCount: this.files.size,
    };
  }

  /** One doc, rendered with links checked against the hub's files. */
  async doc(relPath: string): Promise<RenderedDoc> {
    const file = this.files.get(relPath);
    if (file === undefined || !isMarkdown(relPath)) {
      throw new ApiError('not-found', `There is no doc ${relPath} in this hub.`);
    }
    const cached = this.renderCache.get(relPath);
    if (cached !== undefined && cached.mtimeMs === file.mtimeMs) {
      return cached.doc;
    }
    const bytes = await this.read(relPath);
    const routes = this.routes();
    const outcome = await this.parser.run({
      kind: 'render',
      path: relPath,
      bytes,
      files: [...this.files.keys()],
      specs: this.specs.summaries().map((s) => s.path),
      ...(routes !== null ? { routes } : {}),
    });
    if (!outcome.ok) {
      throw new ApiError('unavailable', outcome.problem.message);
    }
    if (outcome.kind !== 'render') {
      throw new ApiError('internal', 'The parser answered with the wrong kind of result.');
    }
    this.renderCache.set(relPath, { mtimeMs: file.mtimeMs, doc: outcome.doc });
    if (this.renderCache.size > RENDER_CACHE_SIZE) {
      const oldest = this.renderCache.keys().next().value;
      if (oldest !== undefined) {
        this.renderCache.delete(oldest);
      }
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

  /**
   * Site routes of a hub published with Docusaurus (some doc is .mdx or has a front matter `id` or
   * `slug`), else null: in a plain hub a missing `/docs/x.md` is a broken link, not a site page.
   */
  private routes(): Array<[string, string]> | null {
    if (this.siteRoutes === undefined) {
      const docs = this.allDocs();
      const docusaurus = docs.some(
        (d) => /\.mdx$/i.test(d.path) || typeof d.frontMatter?.['id'] === 'string' || typeof d.frontMatter?.['slug'] === 'string',
      );
      this.siteRoutes = docusaurus ? [...buildSiteRoutes(docs)] : null;
    }
    return this.siteRoutes;
  }

  private async read(relPath: string): Promise<Uint8Array> {
    const safe = await resolveInHub(this.realRoot, relPath);
    const info = await stat(safe);
    if (!info.isFile()) {
      throw new ApiError('forbidden', `${relPath} is not a regular file.`);
    }
    return readFile(safe);
  }

  private async parseAll(): Promise<void> {
    const paths = [...this.files.values()].filter((f) => isMarkdown(f.path)).map((f) => f.path);
    const cached = this.cache !== null ? await this.cache.load(this.realRoot) : (new Map() as ParseCacheEntries);
    const fresh: ParseCacheEntries = new Map();
    // Small batches keep every worker busy while the event loop (IPC, HTTP) keeps answering.
    const BATCH = 8;
    for (let i = 0; i < paths.length; i += BATCH) {
      await Promise.all(paths.slice(i, i + BATCH).map((p) => this.parseOne(p, cached, fresh)));
      await yieldToLoop();
    }
    const changed = fresh.size !== cached.size || [...fresh].some(([p, e]) => cached.get(p)?.hash !== e.hash);
    if (this.cache !== null && changed) {
      await this.cache.save(this.realRoot, fresh);
    }
    // Keep docs in path order whatever order the workers finished in.
    const sorted = [...this.docs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.docs.clear();
    for (const [p, d] of sorted) {
      this.docs.set(p, d);
    }
  }

  private async parseOne(relPath: string, cached: ParseCacheEntries, fresh: ParseCacheEntries): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.read(relPath);
    } catch (e) {
      this.problems.push({ path: relPath, code: 'unreadable', severity: 'error', message: (e as Error).message });
      return;
    }
    const hash = fileBytesHash(bytes);
    const hit = cached.get(relPath);
    if (hit !== undefined && hit.hash === hash) {
      fresh.set(relPath, hit);
      if (hit.doc !== undefined) {
        this.problems.push(...hit.doc.problems);
        this.docs.set(relPath, hit.doc);
      } else {
        this.problems.push(hit.problem);
      }
      return;
    }
    const outcome = await this.parser.run({ kind: 'parse', path: relPath, bytes });
    if (!outcome.ok) {
      this.problems.push(outcome.problem);
      // A time-out depends on the machine's load: try that file again next time.
      if (outcome.problem.code !== 'parse-timeout') {
        fresh.set(relPath, { hash, problem: outcome.problem });
      }
      return;
    }
    if (outcome.kind !== 'parse') {
      return;
    }
    this.problems.push(...outcome.doc.problems);
    this.docs.set(relPath, outcome.doc);
    fresh.set(relPath, { hash, doc: outcome.doc });
  }
}
