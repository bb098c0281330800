import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudyApi } from '../../../src/core/api/contract';
import type { ApiResult } from '../../../src/core/api/result';
import { useApi } from '../../../src/renderer/src/api/useApi';

afterEach(cleanup);

type Pending = { args: unknown; resolve: (r: ApiResult<unknown>) => void };

/** A StudyApi whose `sync.log` answers only when the test says so, in any order. */
function controlledApi(): { api: StudyApi; calls: Pending[] } {
  const calls: Pending[] = [];
  const api = new Proxy({} as StudyApi, {
    get: () => (args: unknown) => new Promise<ApiResult<unknown>>((resolve) => calls.push({ args, resolve })),
  });
  return { api, calls };
}

const entries = (n: number): ApiResult<unknown> => ({ ok: true, value: { entries: Array.from({ length: n }, (_, i) => i) } });

describe('useApi', () => {
  it('reads once per distinct arguments, comparing them by value', async () => {
    const { api, calls } = controlledApi();
    const { result, rerender } = renderHook(({ limit }: { limit: number }) => useApi(api, 'sync.log', { limit }), { initialProps: { limit: 5 } });
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toBeUndefined();
    rerender({ limit: 5 }); // a new but equal object literal
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toEqual({ limit: 5 });
    act(() => calls[0]?.resolve(entries(2)));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toEqual({ entries: [0, 1] });
    expect(result.current.error).toBeNull();
  });

  it('ignores an answer that arrives after the arguments changed', async () => {
    const { api, calls } = controlledApi();
    const { result, rerender } = renderHook(({ limit }: { limit: number }) => useApi(api, 'sync.log', { limit }), { initialProps: { limit: 1 } });
    rerender({ limit: 2 });
    expect(calls).toHaveLength(2);
    // The new read answers first, then the stale one: the stale answer must not win.
    act(() => calls[1]?.resolve(entries(2)));
    await waitFor(() => expect(result.current.value).toEqual({ entries: [0, 1] }));
    act(() => calls[0]?.resolve(entries(1)));
    await new Promise((r) => setTimeout(r, 10));
    expect(result.current.value).toEqual({ entries: [0, 1] });
    expect(result.current.loading).toBe(false);
  });

  it('forgets the old value when the arguments change, keeps it on refresh and reload', async () => {
    const { api, calls } = controlledApi();
    const { result, rerender } = renderHook(({ limit, refresh }: { limit: number; refresh: number }) => useApi(api, 'sync.log', { limit }, refresh), {
      initialProps: { limit: 1, refresh: 0 },
    });
    act(() => calls[0]?.resolve(entries(1)));
    await waitFor(() => expect(result.current.value).toEqual({ entries: [0] }));

    rerender({ limit: 1, refresh: 1 });
    expect(calls).toHaveLength(2);
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toEqual({ entries: [0] }); // still on screen while re-reading

    act(() => calls[1]?.resolve(entries(3)));
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => result.current.reload());
    expect(calls).toHaveLength(3);
    expect(result.current.value).toEqual({ entries: [0, 1, 2] });

    rerender({ limit: 9, refresh: 1 });
    expect(result.current.value).toBeUndefined();
    expect(result.current.loading).toBe(true);
  });

  it('reports an error result and a rejected call uniformly, keeping the last value', async () => {
    const { api, calls } = controlledApi();
    const { result } = renderHook(() => useApi(api, 'sync.log', { limit: 1 }));
    act(() => calls[0]?.resolve(entries(1)));
    await waitFor(() => expect(result.current.value).toEqual({ entries: [0] }));
    act(() => result.current.reload());
    act(() => calls[1]?.resolve({ ok: false, error: { code: 'io', message: 'disk gone' } }));
    await waitFor(() => expect(result.current.error).toEqual({ code: 'io', message: 'disk gone' }));
    expect(result.current.value).toEqual({ entries: [0] });

    const failing = new Proxy({} as StudyApi, { get: () => () => Promise.reject(new Error('transport broke')) });
    const second = renderHook(() => useApi(failing, 'sync.log', { limit: 1 }));
    await waitFor(() => expect(second.result.current.error?.message).toBe('transport broke'));
    expect(second.result.current.loading).toBe(false);
  });

  it('keeps the previous value while new arguments load when asked to', async () => {
    const { api, calls } = controlledApi();
    const { result, rerender } = renderHook(({ limit }: { limit: number }) => useApi(api, 'sync.log', { limit }, 0, { keepPrevious: true }), {
      initialProps: { limit: 1 },
    });
    act(() => calls[0]?.resolve(entries(1)));
    await waitFor(() => expect(result.current.value).toEqual({ entries: [0] }));
    rerender({ limit: 2 });
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toEqual({ entries: [0] });
    act(() => calls[1]?.resolve(entries(2)));
    await waitFor(() => expect(result.current.value).toEqual({ entries: [0, 1] }));
  });

  it('does not call at all while the arguments are null', () => {
    const { api, calls } = controlledApi();
    const { result } = renderHook(() => useApi(api, 'notes.list', null));
    expect(calls).toHaveLength(0);
    expect(result.current.loading).toBe(false);
    expect(result.current.value).toBeUndefined();
  });
});
