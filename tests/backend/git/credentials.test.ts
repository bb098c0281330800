/**
 * The repo's own credential helpers never run; the learner's global ones keep working: a real
 * HTTP remote that asks for a password gets the global helper's credentials.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRunner } from '../../../src/backend/git/gitRunner';
import { IDENTITY, type World, git, world } from '../sync/syncHarness';

let w: World;
let server: http.Server;
let port = 0;
let authorized = 0;
/** 'not-found': the learner's credentials are accepted, then 404; 'wrong': they are rejected. */
let mode: 'not-found' | 'wrong' = 'not-found';
beforeEach(async () => {
  w = await world();
  authorized = 0;
  server = http.createServer((req, res) => {
    if (req.headers.authorization === `Basic ${Buffer.from('learner:s3cret').toString('base64')}`) {
      authorized++;
    }
    if (authorized > 0 && mode === 'not-found') {
      res.writeHead(404);
      res.end('no such repository');
      return;
    }
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
    res.end('sign in');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterEach(async () => {
  server.close();
  await w.dispose();
});

/** A HOME whose .gitconfig has a credential helper answering learner/s3cret, and repo traps. */
async function setUp(): Promise<{ home: string; markers: string; env: Record<string, string> }> {
  const home = await mkdtemp(path.join(w.base, 'home-'));
  const markers = path.join(w.base, 'markers');
  const helper = (name: string, answer: string): string => `#!/bin/sh\nmkdir -p '${markers}'\ntouch "${markers}/${name}-$1"\n${answer}`;
  // Answers for every host but other.test.
  const answer = 'input=$(cat)\ncase "$1:$input" in get:*host=other.test*) ;; get:*) echo username=learner; echo password=s3cret ;; esac\n';
  await writeFile(path.join(home, 'global-helper'), helper('global-helper', answer), { mode: 0o755 });
  await writeFile(path.join(home, 'repo-helper'), helper('repo-helper', 'echo username=evil; echo password=evil\n'), { mode: 0o755 });
  await writeFile(path.join(home, '.gitconfig'), `[credential]\n\thelper = ${path.join(home, 'global-helper')}\n`);
  return { home, markers, env: { ...IDENTITY, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' } };
}

const ran = async (markers: string): Promise<string[]> => (existsSync(markers) ? (await readdir(markers)).sort() : []);

describe('credential helpers', () => {
  it.each(['not-found', 'wrong'] as const)(
    "a sync asks the learner's global helper, never the repo's (generic, per URL, included): %s",
    async (m) => {
      mode = m;
      const { home, markers, env } = await setUp();
      const a = await w.machine('laptop-a', { git: { env } });
      const url = `http://127.0.0.1:${port}/repo.git`;
      git(a.clone, 'remote', 'set-url', 'origin', url);
      const include = path.join(w.base, 'creds.cfg');
      await writeFile(include, `[credential "http://127.0.0.1:${port}"]\n\thelper = ${path.join(home, 'repo-helper')}\n`);
      git(a.clone, 'config', 'credential.helper', path.join(home, 'repo-helper'));
      git(a.clone, 'config', 'include.path', include);

      const r = await a.sync.run();
      expect(authorized).toBeGreaterThan(0);
      if (m === 'not-found') {
        expect(r.error?.code).toBe('remote-not-found');
        expect(r.error?.message).toMatch(/git remote -v/);
        expect(await ran(markers)).toEqual(['global-helper-get']);
      } else {
        // Rejected credentials are erased from every helper in the list: the repo's are not in it.
        expect(r.error?.code).toBe('auth-failed');
        expect(await ran(markers)).toEqual(['global-helper-erase', 'global-helper-get']);
      }
    },
  );

  it("the runner's `git credential` asks and tells the global helper only", async () => {
    const { home, markers, env } = await setUp();
    const a = await w.machine('laptop-a', { git: { env } });
    git(a.clone, 'config', 'credential.helper', path.join(home, 'repo-helper'));
    git(a.clone, 'config', '--add', 'credential.helper', path.join(home, 'repo-helper'));
    const runner = new GitRunner({ env });
    const guard = await runner.neutralise(a.clone);
    expect(guard.overrides).toEqual([
      ['credential.helper', ''],
      ['credential.helper', path.join(home, 'global-helper')],
    ]);
    const filled = await runner.run(['credential', 'fill'], { cwd: a.clone, input: 'protocol=https\nhost=example.com\n\n' });
    expect(filled.stdout).toContain('password=s3cret');
    // The global helper has nothing for other.test: git would go on to the next helper.
    const other = await runner.run(['credential', 'fill'], { cwd: a.clone, input: 'protocol=https\nhost=other.test\n\n' });
    expect(other.stdout).not.toContain('password=');
    await runner.run(['credential', 'reject'], {
      cwd: a.clone,
      input: 'protocol=https\nhost=example.com\nusername=learner\npassword=s3cret\n\n',
    });
    expect(await ran(markers)).toEqual(['global-helper-erase', 'global-helper-get']);

    // The trap is real: without the guard, git asks the repo's helper too.
    await new GitRunner({ env }).run(['credential', 'fill'], { cwd: a.clone, input: 'protocol=https\nhost=other.test\n\n' });
    expect(await ran(markers)).toContain('repo-helper-get');
  });
});
