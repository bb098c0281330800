/** Result values that cross the process boundary: a failure is a value, never a crash. */

/** Error codes the UI can act on. */
export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'forbidden'
  | 'unavailable'
  | 'conflict'
  | 'io'
  | 'internal';

/** The error half of a result. */
export type ApiErrorValue = { code: ApiErrorCode; message: string };

/** What every StudyApi call resolves to. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorValue };

/** An error a backend method throws on purpose: its message is shown to the learner. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Wraps a value as a success. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function fail(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
