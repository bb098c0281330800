import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSpec } from '../../../src/core/openapi/normalise';
import type { ApiOperation, ApiSpec } from '../../../src/core/openapi/types';

export const fixturesDir = path.resolve(import.meta.dirname, '../../fixtures/openapi');

/** The text of a fixture under tests/fixtures/openapi. */
export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

/** Reads a fixture that must be a spec. */
export function specOf(name: string): ApiSpec {
  const read = readSpec(`specs/${name}`, fixture(name));
  if (read.kind !== 'spec') {
    throw new Error(`${name} is not a spec: ${JSON.stringify(read)}`);
  }
  return read.spec;
}

/** An operation of a spec by method and path. */
export function operation(spec: ApiSpec, method: string, p: string): ApiOperation {
  const op = spec.operations.find((o) => o.topic.method === method && o.topic.path === p);
  if (op === undefined) {
    throw new Error(`no ${method} ${p} in ${spec.path}: ${spec.operations.map((o) => `${o.topic.method} ${o.topic.path}`).join(', ')}`);
  }
  return op;
}
