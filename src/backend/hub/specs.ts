/**
 * The hub's OpenAPI / Swagger files: found by content among .yaml/.yml/.json files when the hub
 * loads, normalised once for the tree and the endpoint topics, re-read for `hub.spec`.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ApiError } from '../../core/api/result';
import type { HubProblem } from '../../core/hub/types';
import { mayBeSpecFile } from '../../core/openapi/detect';
import { type SpecRead, endpointTopicsOf, readSpec, specSummary } from '../../core/openapi/normalise';
import type { ApiSpec, EndpointTopic, SpecSummary } from '../../core/openapi/types';

/** Reads a hub file's bytes (already confined to the hub). */
export type ReadHubFile = (relPath: string) => Promise<Uint8Array>;

/** A spec with the text it was read from (what `hub.spec` returns). */
export type SpecWithSource = { spec: ApiSpec; source: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** The specs of one hub. */
export class SpecCatalog {
  private readonly specs = new Map<string, ApiSpec>();

  constructor(
    private readonly read: ReadHubFile,
    private readonly files: ReadonlySet<string>,
  ) {}

  /** Checks every candidate file; specs are kept, invalid ones become problems. */
  async load(candidates: Iterable<{ path: string }>, problems: HubProblem[]): Promise<void> {
    for (const file of candidates) {
      if (!mayBeSpecFile(file.path)) {
        continue;
      }
      const read = await this.readOne(file.path).catch((e: unknown): SpecRead => ({ kind: 'invalid', message: (e as Error).message }));
      if (read.kind === 'spec') {
        this.specs.set(file.path, read.spec);
      } else if (read.kind === 'invalid') {
        problems.push({ path: file.path, code: 'invalid-spec', severity: 'error', message: read.message });
      }
      // A spec can take a while to read: let IPC and HTTP answer between files.
      await yieldToLoop();
    }
  }

  /** Every spec in path order, as the sidebar shows them. */
  summaries(): SpecSummary[] {
    return [...this.specs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(specSummary);
  }

  /** Every operation of every spec as a topic. */
  endpointTopics(): EndpointTopic[] {
    return [...this.specs.values()].flatMap(endpointTopicsOf);
  }

  /** True when `relPath` is one of the hub's specs. */
  has(relPath: string): boolean {
    return this.specs.has(relPath);
  }

  /** A spec, re-read from disk with its source (the raw view shows it). */
  async get(relPath: string): Promise<SpecWithSource> {
    if (!this.specs.has(relPath)) {
      throw new ApiError('not-found', `There is no OpenAPI spec ${relPath} in this hub.`);
    }
    const bytes = await this.read(relPath);
    const source = decode(bytes);
    if (source === null) {
      throw new ApiError('unavailable', `${relPath} is not UTF-8 text.`);
    }
    const read = readSpec(relPath, source, this.files);
    if (read.kind !== 'spec') {
      throw new ApiError('unavailable', read.kind === 'invalid' ? read.message : `${relPath} is no longer an OpenAPI spec.`);
    }
    return { spec: read.spec, source };
  }

  private async readOne(relPath: string): Promise<SpecRead> {
    const text = decode(await this.read(relPath));
    if (text === null) {
      return { kind: 'not-spec' };
    }
    return readSpec(relPath, text, this.files);
  }
}
