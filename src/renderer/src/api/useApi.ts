/**
 * One way for a component to read from the back end: call a StudyApi method when its arguments
 * change, ignore answers that arrive after the component moved on, and expose uniform loading and
 * error states. Arguments are compared by value (they are JSON on the wire), so an inline object
 * literal does not re-read on every render.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiArgs, ApiMethod, ApiResults, StudyApi } from '../../../core/api/contract';
import type { ApiErrorValue } from '../../../core/api/result';

/** What a component gets back from `useApi`. */
export type ApiQuery<T> = {
  /** The last value read for these arguments; kept while a re-read is in flight (no blank state). */
  value: T | undefined;
  /** The error of the last read for these arguments, cleared by the next successful one. */
  error: ApiErrorValue | null;
  /** True until the read for the current arguments (and refresh key) has answered. */
  loading: boolean;
  /** Reads again with the same arguments, keeping the value on screen meanwhile. */
  reload: () => void;
};

type Answer<T> = { key: string; round: string; value: T | undefined; error: ApiErrorValue | null };

/** How a read behaves when its arguments change. */
export type ApiQueryOptions = {
  /** Keep showing the previous arguments' value until the new one answers (search as you type). */
  keepPrevious?: boolean;
};

/**
 * Reads `method(args)` and again whenever `args` (by value), `refresh` or `reload()` change.
 * `args === null` skips the call (nothing to read yet). A change of `args` forgets the old value
 * (unless `keepPrevious`); a change of `refresh` or a `reload()` keeps it on screen until the new
 * answer arrives.
 */
export function useApi<M extends ApiMethod>(
  api: StudyApi,
  method: M,
  args: ApiArgs<M> | null,
  refresh: unknown = 0,
  options: ApiQueryOptions = {},
): ApiQuery<ApiResults[M]> {
  const key = args === null ? '' : `${method}\u0000${JSON.stringify(args)}`;
  const [reloads, setReloads] = useState(0);
  const round = `${String(refresh)}\u0000${reloads}`;
  const [answer, setAnswer] = useState<Answer<ApiResults[M]> | null>(null);

  useEffect(() => {
    if (key === '') {
      return undefined;
    }
    let live = true;
    const parsed = JSON.parse(key.slice(key.indexOf('\u0000') + 1)) as ApiArgs<M>;
    const call = api[method] as (a: ApiArgs<M>) => Promise<{ ok: true; value: ApiResults[M] } | { ok: false; error: ApiErrorValue }>;
    void call(parsed).then(
      (res) => {
        if (!live) {
          return;
        }
        setAnswer((prev) =>
          res.ok
            ? { key, round, value: res.value, error: null }
            : { key, round, value: prev?.key === key ? prev.value : undefined, error: res.error },
        );
      },
      (err: unknown) => {
        if (live) {
          const message = err instanceof Error ? err.message : String(err);
          setAnswer((prev) => ({ key, round, value: prev?.key === key ? prev.value : undefined, error: { code: 'internal', message } }));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [api, method, key, round]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const same = answer !== null && answer.key === key && key !== '';
  const stale = !same && options.keepPrevious === true && key !== '' && answer !== null;
  return {
    value: same || stale ? answer.value : undefined,
    error: same ? answer.error : null,
    loading: key !== '' && (!same || answer.round !== round),
    reload,
  };
}
