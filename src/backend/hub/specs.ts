/**
 * The hub's OpenAPI / Swagger files: found by content among .yaml/.yml/.json files when the hub
 * loads, normalised once for the tree and the endpoint topics, re-read for `hub.spec`. Reading runs
 * through the DocParser (the worker pool in the app), so a spec that spins hits the pool's time limit
 * and becomes a per-file problem instead of freezing the backend.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ApiError } from '../../core/api/result';
import type { HubProblem } from '../../core/hub/types';
import { mayBeSpecFile } from '../../core/openapi/detect';
import { endpointTopicsOf, specSummary } from '../../core/openapi/normalise';
import type { ApiSpec, EndpointTopic, SpecSummary } from '../../core/openapi/types';
import type { ParseOutcome } from './parseJob';
import type { DocParser } from './parsePool';
import { decodeSpecText } from './specJob';

/** Reads a hub file's bytes (already confined to the hub). */
export type ReadHubFile = (relPath: string) => Promise<Uint8Array>;

/** A spec with the text it was read from (what `hub.spec` returns). */
export type SpecWithSource = { spec: ApiSpec; source: string };

/** Candidate files read at once: keeps every worker busy without holding every file in memory. */
const BATCH = 8;

/** The specs of one hub. */
export class SpecCatalog {
  private readonly specs = new Map<string, ApiSpec>();

  constructor(
    private readonly read: ReadHubFile,
    private readonly files: ReadonlySet<string>,
    private readonly parser: DocParser,
  ) {}

  /** Checks every candidate file; specs are kept, invalid (or too slow) ones become problems. */
  async load(candidates: Iterable<{ path: string }>, problems: HubProblem[]): Promise<void> {
    const paths = [...candidates].map((f) => f.path).filter(mayBeSpecFile);
    for (let i = 0; i < paths.length; i += BATCH) {
      const read = await Promise.all(paths.slice(i, i + BATCH).map(async (p) => ({ path: p, outcome: await this.readOne(p) })));
      // Results are kept in candidate order, whichever worker finished first.
      for (const { path, outcome } of read) {
        if (!outcome.ok) {
          problems.push(outcome.problem);
        } else if (outcome.kind === 'spec' && outcome.spec !== null) {
          this.specs.set(path, outcome.spec);
        }
      }
      // Let IPC and HTTP answer between batches.
      await yieldToLoop();
    }
  }

  /** Every spec in path order, as the sidebar shows them. */
  summaries(): SpecSummary[] {
    return [...this.specs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(specSummary);
  }

  /**
   * Every spec as loaded, in path order: the models search indexes, so a spec is read and parsed
   * once per load (`get` re-reads it for the reader, which also shows the source).
   */
  loaded(): ApiSpec[] {
    return [...this.specs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, spec]) => spec);
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
    const source = decodeSpecText(bytes);
    if (source === null) {
      throw new ApiError('unavailable', `${relPath} is not UTF-8 text.`);
    }
    // The reader waits: the worker kept for it takes the job (the background ones may be stopped once the hub is read).
    const outcome = await this.parser.run({ kind: 'spec', path: relPath, bytes, files: [...this.files], interactive: true });
    if (!outcome.ok) {
      throw new ApiError('unavailable', outcome.problem.message);
    }
    if (outcome.kind !== 'spec' || outcome.spec === null) {
      throw new ApiError('unavailable', `${relPath} is no longer an OpenAPI spec.`);
    }
    return { spec: outcome.spec, source };
  }

  private async readOne(relPath: string): Promise<ParseOutcome> {
    try {
      const bytes = await this.read(relPath);
      return await this.parser.run({ kind: 'spec', path: relPath, bytes, files: [...this.files] });
    } catch (e) {
      return { ok: false, problem: { path: relPath, code: 'invalid-spec', severity: 'error', message: (e as Error).message } };
    }
  }
}
