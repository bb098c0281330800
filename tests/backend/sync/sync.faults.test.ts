import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, git, world } from './syncHarness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.dispose();
});

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

describe('sync faults', () => {
  it('never runs a core.fsmonitor command from the repo config', async () => {
    const a = await w.machine('laptop-a');
    const marker = path.join(w.base, 'fsmonitor-ran');
    git(a.clone, 'config', 'core.fsmonitor', `touch ${marker}; false`);
    const hook = path.join(a.clone, '.git', 'hooks', 'pre-commit');
    await writeFile(hook, `#!/bin/sh\ntouch ${marker}-hook\n`, { mode: 0o755 });
    await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
    const r = await a.sync.run();
    expect(r.error).toBeNull();
    await a.sync.status();
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${marker}-hook`)).toBe(false);
  });

  it('reports a stale index.lock with what to do, and syncs once it is gone', async () => {
    const a = await w.machine('laptop-a');
    await writeFile(path.join(a.clone, '.git', 'index.lock'), '');
    const r = await a.sync.run();
    expect(r.error?.code).toBe('index-locked');
    expect(r.error?.message).toMatch(/delete \.git\/index\.lock/);
    const { rm } = await import('node:fs/promises');
    await rm(path.join(a.clone, '.git', 'index.lock'));
    expect((await a.sync.run()).ok).toBe(true);
  });

  it('reports a rejected push when the remote moved on, and the next sync merges', async () => {
    const b = await w.machine('laptop-b');
    await b.study.saveNote({ topicId: null, title: 'from b', body: 'b', tags: [] });
    let raced = false;
    const a = await w.machine('laptop-a', {
      afterStep: async (step, state) => {
        if (step === 'push' && state === 'running' && !raced) {
          raced = true;
          await b.sync.run();
        }
      },
    });
    await a.study.saveNote({ topicId: null, title: 'from a', body: 'a', tags: [] });
    const r = await a.sync.run();
    expect(r.error?.code).toBe('push-rejected');
    const again = await a.sync.run();
    expect(again.error).toBeNull();
    expect(a.study.listNotes({}).notes.map((n) => n.title).sort()).toEqual(['from a', 'from b']);
  });

  it('fails fast with auth-failed when the remote asks for a password', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end('no');
    });
    const port = await listen(server);
    try {
      const a = await w.machine('laptop-a');
      git(a.clone, 'remote', 'set-url', 'origin', `http://127.0.0.1:${port}/repo.git`);
      await a.study.saveNote({ topicId: null, title: 'n', body: 'b', tags: [] });
      const t0 = Date.now();
      const r = await a.sync.run();
      expect(r.error?.code).toBe('auth-failed');
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      server.close();
    }
  });

  it('times out on a remote that never answers', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s));
    const port = await listen(server);
    try {
      const a = await w.machine('laptop-a', { git: { networkTimeoutMs: 1500 } });
      git(a.clone, 'remote', 'set-url', 'origin', `http://127.0.0.1:${port}/repo.git`);
      const r = await a.sync.run();
      expect(r.error?.code).toBe('timeout');
      expect(r.steps.find((s) => s.state === 'failed')?.step).toBe('fetch');
    } finally {
      sockets.forEach((s) => s.destroy());
      server.close();
    }
  });

  it('says what to do for a detached HEAD and for a folder that is not a repo', async () => {
    const a = await w.machine('laptop-a');
    git(a.clone, 'checkout', '-q', '--detach');
    expect((await a.sync.run()).error?.code).toBe('detached-head');
    await expect(a.sync.configure({ repoPath: w.base })).rejects.toThrow(/not a git repository/);
  });
});
