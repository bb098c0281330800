/** The one IPC registration, driven through a typed fake of ipcMain and of the invoke event. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods } from '../../../src/core/api/contract';
import type { ApiResult } from '../../../src/core/api/result';
import { type Backend, createBackend } from '../../../src/backend/createBackend';
import { silentLogger } from '../../../src/backend/logger';
import { CHANNEL_PREFIX, type InvokeEvent, type IpcMainLike, isTrustedSender, registerStudyApi } from '../../../src/main/ipc';
import { oddities } from '../hub/tempHub';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** A fake of Electron's ipcMain: records handlers, refuses a second handler per channel like Electron does. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) {
      throw new Error(`No handler registered for '${channel}'`);
    }
    return handler(event, ...args) as Promise<ApiResult<unknown>>;
  }
}

/** A fake IpcMainInvokeEvent: only senderFrame, as Electron gives it. */
const frameEvent = (url: string, parent: unknown = null): InvokeEvent => ({ senderFrame: { url, parent } });
const appEvent = frameEvent('app://nexus/index.html#/read/README.md');

describe('registerStudyApi', () => {
  let dir: string;
  let backend: Backend;
  const ipc = new FakeIpcMain();
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-ipc-'));
    backend = await createBackend({ bundledHub: oddities, dataDir: dir, host: 'electron', version: 't', logger: silentLogger, openExternal: null });
    registerStudyApi(ipc, backend.api, (method) => errors.push(method));
  });
  afterAll(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers exactly one prefixed channel per method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(apiMethods.map((m) => `${CHANNEL_PREFIX}${m}`).sort());
  });

  it('answers the app top frame with a result value', async () => {
    const res = await ipc.invoke('nexus:hub.overview', appEvent, {});
    expect(res.ok).toBe(true);
    const info = await ipc.invoke('nexus:app.info', appEvent, {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  it('refuses subframes, other origins, file: pages and a missing frame', async () => {
    const refused = [
      frameEvent('app://nexus/index.html', { url: 'app://nexus/index.html' }),
      frameEvent('https://evil.example/'),
      frameEvent('file:///work/main/out/renderer/index.html'),
      frameEvent('app://other/index.html'),
      { senderFrame: null },
    ];
    for (const event of refused) {
      expect(isTrustedSender(event)).toBe(false);
      expect(await ipc.invoke('nexus:hub.overview', event, {})).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) as string } });
    }
  });

  it('validates arguments with the method schema', async () => {
    const extra = await ipc.invoke('nexus:hub.doc', appEvent, { path: 'README.md', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const wrongType = await ipc.invoke('nexus:hub.doc', appEvent, { path: 42 });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const outside = await ipc.invoke('nexus:hub.doc', appEvent, { path: '../../etc/passwd' });
    expect(outside.ok).toBe(false);
    expect(errors).toEqual([]);
  });
});
