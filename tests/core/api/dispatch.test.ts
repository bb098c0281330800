import { describe, expect, it } from 'vitest';
import type { StudyBackend } from '../../../src/core/api/contract';
import { dispatch } from '../../../src/core/api/dispatch';
import { ApiError } from '../../../src/core/api/result';

function backendWith(overrides: Partial<StudyBackend>): StudyBackend {
  const unexpected = () => Promise.reject(new Error('not under test'));
  return new Proxy(overrides as StudyBackend, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? unexpected });
}

describe('dispatch', () => {
  it('validates arguments with the method schema', async () => {
    const backend = backendWith({ 'hub.doc': ({ path }) => Promise.resolve({ path } as never) });
    expect(await dispatch(backend, 'hub.doc', { path: 'a.md' })).toEqual({ ok: true, value: { path: 'a.md' } });
    const bad = await dispatch(backend, 'hub.doc', { path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const extra = await dispatch(backend, 'hub.doc', { path: 'a.md', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(backend, 'hub.doc', { path: 'a\0b' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses unknown methods, including prototype keys', async () => {
    for (const method of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(backendWith({}), method, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('turns ApiError into its code and unexpected errors into internal, reported once', async () => {
    const seen: string[] = [];
    const backend = backendWith({
      'hub.doc': () => Promise.reject(new ApiError('not-found', 'no such doc')),
      'hub.overview': () => Promise.reject(new TypeError('boom')),
    });
    expect(await dispatch(backend, 'hub.doc', { path: 'x.md' })).toEqual({ ok: false, error: { code: 'not-found', message: 'no such doc' } });
    const internal = await dispatch(backend, 'hub.overview', {}, (m) => seen.push(m));
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('boom');
    expect(seen).toEqual(['hub.overview']);
  });
});
