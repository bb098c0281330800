import { readFileSync } from 'node:fs';
import path from 'node:path';
import { handleMockRequest, withJournal } from '../../../src/core/mock/engine';
import { type MockModel, buildMockModel } from '../../../src/core/mock/model';
import { type MockRequest, type MockResponse, type MockState, emptyMockState } from '../../../src/core/mock/types';

export const NOW = '2026-03-01T12:00:00.000Z';
export const AUTH = { authorization: 'Bearer test-token' };

/** The bundled hub's spec, as a mock model. */
export function bundledModel(): MockModel {
  const text = readFileSync(path.join(__dirname, '../../../resources/hub/api-specs/openapi.yml'), 'utf8');
  return modelOf(text, 'api-specs/openapi.yml');
}

export function modelOf(text: string, specPath = 'spec.yml'): MockModel {
  const read = buildMockModel(specPath, text);
  if (!read.ok) {
    throw new Error(read.message);
  }
  return read.model;
}

/** A learner's session against one model: sends requests and keeps the state between them. */
export function session(model: MockModel, state: MockState = emptyMockState()) {
  const s = {
    state,
    send(method: string, p: string, body?: unknown, extra: Partial<MockRequest> = {}): MockResponse {
      const out = handleMockRequest(
        model,
        s.state,
        {
          method,
          path: p,
          headers: AUTH,
          body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
          ...extra,
        },
        { now: NOW },
      );
      // As the backend does: a read of the learner's own resources is journaled for exercises.
      s.state = out.seen === undefined ? out.state : withJournal(out.state, out.seen);
      return out.response;
    },
  };
  return s;
}
