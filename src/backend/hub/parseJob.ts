/** One unit of parsing work: bytes in, a parsed or rendered doc (or a problem) out. Runs in a worker. */
import { decodeText } from '../../core/hub/decode';
import { DocRejected, parseDoc } from '../../core/hub/parseDoc';
import { renderDoc } from '../../core/hub/renderDoc';
import type { HubProblem, ParsedDoc, RenderedDoc } from '../../core/hub/types';
import { type SpecJob, type SpecOutcome, runSpecJob } from './specJob';

/** Parse a doc for the tree and search, render it for the reader, or read an OpenAPI spec. */
export type ParseJob =
  | { kind: 'parse'; path: string; bytes: Uint8Array }
  | {
      kind: 'render';
      path: string;
      bytes: Uint8Array;
      files: string[];
      /** The hub's OpenAPI files (links to them open the API reference). */
      specs?: string[];
      /** Docusaurus site routes -> doc paths, for a hub published as a Docusaurus site. */
      routes?: Array<[string, string]>;
    }
  | SpecJob;

/** What a job gives back. `problems` come first (encoding), then the doc's own. */
export type ParseOutcome =
  | { ok: true; kind: 'parse'; doc: ParsedDoc }
  | { ok: true; kind: 'render'; doc: RenderedDoc }
  | SpecOutcome
  /** `transient`: the machine, not the file, may be to blame (a time-out on a starved machine): not remembered. */
  | { ok: false; problem: HubProblem; transient?: true };

/** Runs a job synchronously (in a worker thread, or in-process as a fallback). Never throws. */
export function runParseJob(job: ParseJob): ParseOutcome {
  if (job.kind === 'spec') {
    return runSpecJob(job);
  }
  const decoded = decodeText(job.path, job.bytes);
  if (!decoded.ok) {
    return { ok: false, problem: decoded.problem };
  }
  try {
    if (job.kind === 'parse') {
      // The outline pass only: the reader's tree is rendered when the doc is opened.
      const doc = { ...parseDoc(job.path, decoded.text), encoding: decoded.encoding };
      if (decoded.problem !== null) {
        doc.problems.unshift(decoded.problem);
      }
      return { ok: true, kind: 'parse', doc };
    }
    const doc = renderDoc(job.path, decoded.text, new Set(job.files), decoded.encoding, {
      specs: new Set(job.specs ?? []),
      ...(job.routes !== undefined ? { routes: new Map(job.routes) } : {}),
    });
    if (decoded.problem !== null) {
      doc.problems.unshift(decoded.problem);
    }
    return { ok: true, kind: 'render', doc };
  } catch (e) {
    if (e instanceof DocRejected) {
      return { ok: false, problem: e.problem };
    }
    const message =
      e instanceof RangeError
        ? 'Markdown too deeply nested to parse'
        : `Could not be parsed: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, problem: { path: job.path, code: 'parse-failed', severity: 'error', message } };
  }
}
