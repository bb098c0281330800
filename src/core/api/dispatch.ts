/** The one place a call crosses into the backend: validate, run, wrap. Both transports use it. */
import { type ApiMethod, type ApiResults, type StudyBackend, apiSchemas, isApiMethod } from './contract';
import { ApiError, type ApiResult, fail, ok } from './result';

/** Something that records unexpected failures (the backend's logger). */
export type ErrorSink = (method: string, error: unknown) => void;

/**
 * Validates `rawArgs` against the method's schema, calls the backend, and turns every outcome
 * into a result value. Unknown methods and bad arguments are `bad-request`; unexpected errors
 * are `internal` and reported to `onError`.
 */
export async function dispatch(
  backend: StudyBackend,
  method: string,
  rawArgs: unknown,
  onError: ErrorSink = () => undefined,
): Promise<ApiResult<ApiResults[ApiMethod]>> {
  if (!isApiMethod(method)) {
    return fail('bad-request', `Unknown method: ${method.slice(0, 80)}`);
  }
  const parsed = apiSchemas[method].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return fail('bad-request', `Invalid arguments for ${method}${where}: ${issue?.message ?? 'invalid'}`);
  }
  try {
    const call = backend[method] as (args: unknown) => Promise<ApiResults[ApiMethod]>;
    return ok(await call(parsed.data));
  } catch (e) {
    if (e instanceof ApiError) {
      return fail(e.code, e.message);
    }
    onError(method, e);
    return fail('internal', `Something went wrong in ${method}. Details are in the log.`);
  }
}
