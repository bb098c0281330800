import type { ApiMethod, ApiResults, StudyApi } from '../../src/core/api/contract';
import type { ApiResult } from '../../src/core/api/result';

/** A typed in-memory StudyApi: each test supplies the methods it needs; calls are recorded. */
export function fakeApi(impl: { [M in ApiMethod]?: (args: Parameters<StudyApi[M]>[0]) => ApiResults[M] }): StudyApi & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const api = new Proxy({} as StudyApi, {
    get: (_t, method: string) => {
      if (method === 'calls') {
        return calls;
      }
      return (args: unknown): Promise<ApiResult<unknown>> => {
        calls.push([method, args]);
        const fn = (impl as Record<string, ((a: unknown) => unknown) | undefined>)[method];
        return Promise.resolve(fn ? { ok: true, value: fn(args) } : { ok: false, error: { code: 'not-found', message: `${method} not faked` } });
      };
    },
  });
  return api as StudyApi & { calls: Array<[string, unknown]> };
}
