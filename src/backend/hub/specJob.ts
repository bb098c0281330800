/** Reading one OpenAPI / Swagger file as a spec: the `spec` parse job, run in a worker like docs. */
import type { HubProblem } from '../../core/hub/types';
import { readSpec } from '../../core/openapi/normalise';
import type { ApiSpec } from '../../core/openapi/types';

/** Read hub file `path` as a spec; `files` are the hub's paths (description links are checked against them). */
export type SpecJob = {
  kind: 'spec';
  path: string;
  bytes: Uint8Array;
  files: string[];
  /** The reader waits for it (the API reference opened): it goes before background parsing, to the interactive workers too. */
  interactive?: true;
};

/** The normalised spec (null when the file is not a spec at all), or an `invalid-spec` problem. */
export type SpecOutcome = { ok: true; kind: 'spec'; spec: ApiSpec | null } | { ok: false; problem: HubProblem };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A spec file's text: strict UTF-8 without a BOM, or null when it is not UTF-8 (then it is no spec). */
export function decodeSpecText(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** Detects and normalises one file. Never throws. */
export function runSpecJob(job: SpecJob): SpecOutcome {
  const text = decodeSpecText(job.bytes);
  if (text === null) {
    return { ok: true, kind: 'spec', spec: null };
  }
  const read = readSpec(job.path, text, new Set(job.files));
  if (read.kind === 'invalid') {
    return { ok: false, problem: { path: job.path, code: 'invalid-spec', severity: 'error', message: read.message } };
  }
  return { ok: true, kind: 'spec', spec: read.kind === 'spec' ? read.spec : null };
}
