/** The open hub: scanning, parsing every doc for the tree, rendering one doc on demand. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { HubAsset, HubOverview } from '../../core/api/contract';
import { ApiError } from '../../core/api/result';
import { decodeText } from '../../core/hub/decode';
import { buildHubTree } from '../../core/hub/hubTree';
import { DocRejected, parseMarkdown } from '../../core/hub/parseDoc';
import { renderDoc } from '../../core/hub/renderDoc';
import type { HubProblem, ParsedDoc, RenderedDoc } from '../../core/hub/types';
import type { EndpointTopic } from '../../core/openapi/types';
import { resolveInHub } from './safePath';
import { type ScannedFile, isMarkdown, scanHub } from './scanHub';

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

/** A loaded hub. Create with `HubService.open`. */
export class HubService {
  private readonly docs = new Map<string, ParsedDoc>();
  private readonly renderCache = new Map<string, { mtimeMs: number; doc: RenderedDoc }>();

  private constructor(
    readonly root: string,
    readonly realRoot: string,
    readonly bundled: boolean,
    private readonly files: Map<string, ScannedFile>,
    private readonly problems: HubProblem[],
  ) {}

  /** Scans and parses the hub at `root`. Throws `not-found` when the folder cannot be used. */
  static async open(root: string, bundled: boolean): Promise<HubService> {
    let scan;
    try {
      scan = await scanHub(root);
    } catch (e) {
      throw new ApiError('not-found', `Cannot open ${root} as a hub: ${(e as Error).message}`);
    }
    const files = new Map(scan.files.map((f) => [f.path, f]));
    const service = new HubService(root, scan.realRoot, bundled, files, scan.problems);
    await service.parseAll();
    return service;
  }

  /** Every parsed doc, in path order (for search and progress). */
  allDocs(): ParsedDoc[] {
    return [...this.docs.values()];
  }

  /**
   * Every API operation of the hub's OpenAPI files, as topics. Empty until the OpenAPI reader
   * (issue: diagrams and API reference) fills it in.
   */
  endpointTopics(): EndpointTopic[] {
    return [];
  }

  /** The tree, counts and problems. */
  overview(): HubOverview {
    const docs = this.allDocs();
    return {
      root: this.root,
      name: path.basename(this.realRoot),
      bundled: this.bundled,
      tree: buildHubTree(docs),
      problems: [...this.problems],
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
    const bytes = await this.read(relPath);
    const decoded = decodeText(relPath, bytes);
    if (!decoded.ok) {
      throw new ApiError('unavailable', decoded.problem.message);
    }
    const cached = this.renderCache.get(relPath);
    if (cached !== undefined && cached.mtimeMs === file.mtimeMs) {
      return cached.doc;
    }
    try {
      const doc = renderDoc(relPath, decoded.text, new Set(this.files.keys()), decoded.encoding);
      if (decoded.problem !== null) {
        doc.problems.unshift(decoded.problem);
      }
      this.renderCache.set(relPath, { mtimeMs: file.mtimeMs, doc });
      return doc;
    } catch (e) {
      if (e instanceof DocRejected) {
        throw new ApiError('unavailable', e.problem.message);
      }
      throw e;
    }
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

  private async read(relPath: string): Promise<Uint8Array> {
    const safe = await resolveInHub(this.realRoot, relPath);
    const info = await stat(safe);
    if (!info.isFile()) {
      throw new ApiError('forbidden', `${relPath} is not a regular file.`);
    }
    return readFile(safe);
  }

  private async parseAll(): Promise<void> {
    let sinceYield = 0;
    for (const file of this.files.values()) {
      if (!isMarkdown(file.path)) {
        continue;
      }
      const started = Date.now();
      await this.parseOne(file.path);
      sinceYield += Date.now() - started;
      // Keep the event loop (IPC, HTTP) answering while a large hub loads.
      if (sinceYield > 20) {
        sinceYield = 0;
        await yieldToLoop();
      }
    }
  }

  private async parseOne(relPath: string): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.read(relPath);
    } catch (e) {
      this.problems.push({ path: relPath, code: 'unreadable', severity: 'error', message: (e as Error).message });
      return;
    }
    const decoded = decodeText(relPath, bytes);
    if (!decoded.ok) {
      this.problems.push(decoded.problem);
      return;
    }
    if (decoded.problem !== null) {
      this.problems.push(decoded.problem);
    }
    try {
      const { doc } = parseMarkdown(relPath, decoded.text, decoded.encoding);
      this.problems.push(...doc.problems);
      this.docs.set(relPath, doc);
    } catch (e) {
      const problem: HubProblem =
        e instanceof DocRejected
          ? e.problem
          : { path: relPath, code: 'parse-failed', severity: 'error', message: `Could not be parsed: ${String(e)}` };
      this.problems.push(problem);
    }
  }
}
