import type { ApiMethod, ApiResults, StudyApi } from '../../src/core/api/contract';
import type { ApiErrorCode, ApiResult } from '../../src/core/api/result';

/** Thrown by a faked method to answer with an ApiError instead of a value. */
export class FakeFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A typed in-memory StudyApi: each test supplies the methods it needs (typed by the contract, so
 * new methods such as notes.trash or sync.snapshots are faked like any other); calls are recorded.
 * A method throws FakeFailure to fail.
 */
export function fakeApi(impl: { [M in ApiMethod]?: (args: Parameters<StudyApi[M]>[0]) => ApiResults[M] }): StudyApi & {
  calls: Array<[string, unknown]>;
} {
  const calls: Array<[string, unknown]> = [];
  const api = new Proxy({} as StudyApi, {
    get: (_t, method: string) => {
      if (method === 'calls') {
        return calls;
      }
      return (args: unknown): Promise<ApiResult<unknown>> => {
        calls.push([method, args]);
        const fn = (impl as Record<string, ((a: unknown) => unknown) | undefined>)[method];
        if (fn === undefined) {
          return Promise.resolve({ ok: false, error: { code: 'not-found', message: `${method} not faked` } });
        }
        try {
          return Promise.resolve({ ok: true, value: fn(args) });
        } catch (e) {
          if (e instanceof FakeFailure) {
            return Promise.resolve({ ok: false, error: { code: e.code, message: e.message } });
          }
          throw e;
        }
      };
    },
  });
  return api as StudyApi & { calls: Array<[string, unknown]> };
}
