import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type World, git, world } from './syncHarness';

let w: World;
let child: ChildProcess | null = null;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, 'SIGKILL');
  }
  child = null;
  await w.dispose();
});

/** Every file of the remote's main that contains a git conflict marker. */
function filesWithMarkers(remote: string): string[] {
  const files = git(remote, 'ls-tree', '-r', '--name-only', 'main').split('\n').filter((f) => f !== '');
  return files.filter((f) => /^(<{7}|>{7}|={7})( |$)/m.test(git(remote, 'show', `main:${f}`)));
}

/** Starts killChild.ts for laptop-a in its own process group and waits until it pauses at `step`. */
async function startAndPause(step: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'killChild.ts'), w.base, 'laptop-a', step], { stdio: 'ignore', detached: true });
  // Listen before anything can happen: an exit we did not see would hang the test.
  const exited = new Promise((r) => c.once('exit', r));
  const paused = path.join(w.base, 'paused');
  for (let i = 0; i < 300 && !existsSync(paused) && c.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(c.exitCode, 'the child stopped by itself before the kill').toBeNull();
  expect(existsSync(paused)).toBe(true);
  // SIGKILL the whole group: the node child and the git it left holding index.lock.
  process.kill(-(c.pid ?? 0), 'SIGKILL');
  await exited;
  expect(c.signalCode).toBe('SIGKILL');
  return c;
}

describe('sync crash recovery', () => {
  it.each(['fetch', 'merge', 'commit', 'import', 'push'])('recovers after a SIGKILL during "%s": journal, backup ref, lock, no lost note, no marker', { timeout: 60_000 }, async (step) => {
    let a = await w.machine('laptop-a');
    const b = await w.machine('laptop-b');
    const fromB = await b.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'from b', body: 'b', tags: [] });
    await b.sync.run();
    const fromA = await a.study.saveNote({ topicId: 'docs/guide.md#setup', title: 'from a', body: 'a', tags: [] });
    await a.study.setState('docs/guide.md#setup', 'done');
    const headBefore = git(a.clone, 'rev-parse', 'HEAD').trim();
    await a.close();

    child = await startAndPause(step);
    // The crash left its traces: the journal at this step, a backup ref, a real index.lock.
    const journal = JSON.parse(await readFile(path.join(a.dataDir, 'sync', 'journal.json'), 'utf8')) as { step: string; backupRef: string | null };
    expect(journal.step).toBe(step);
    const movedBranch = step === 'import' || step === 'push';
    if (movedBranch) {
      // The branch moved (after a backup ref of where it was) before the database was touched.
      expect(git(a.clone, 'rev-parse', journal.backupRef ?? 'missing').trim()).toBe(headBefore);
      expect(git(a.clone, 'ls-tree', '-r', '--name-only', 'HEAD', '--', '.nexus/ada/notes/').split('\n').filter((f) => f !== '').length).toBeGreaterThan(0);
    } else {
      expect(journal.backupRef).toBeNull();
      expect(git(a.clone, 'rev-parse', 'HEAD').trim()).toBe(headBefore);
    }
    expect(existsSync(path.join(a.clone, '.git', 'index.lock'))).toBe(true);

    a = await w.machine('laptop-a', { clone: false });
    const status = await a.sync.status();
    expect(status.interrupted).toContain(`interrupted during "${step}"`);
    if (journal.backupRef !== null) {
      expect(status.interrupted).toContain(journal.backupRef);
    }
    expect(existsSync(path.join(a.dataDir, 'sync', 'journal.json'))).toBe(false);
    expect(existsSync(path.join(a.clone, '.git', 'index.lock'))).toBe(false);

    const r = await a.sync.run();
    expect(r.error).toBeNull();
    expect((await a.sync.status()).interrupted).toBeNull();
    await b.sync.run();
    for (const m of [a, b]) {
      expect(m.study.listNotes({}).notes.map((n) => `${n.id}:${n.body}`).sort()).toEqual([`${fromA.id}:a`, `${fromB.id}:b`].sort());
      expect(m.study.progress().progress['docs/guide.md#setup']?.state).toBe('done');
    }
    expect(filesWithMarkers(w.remote)).toEqual([]);
    expect(git(a.clone, 'status', '--porcelain')).toBe('');
    expect(git(w.remote, 'rev-parse', 'main')).toBe(git(a.clone, 'rev-parse', 'HEAD'));
    // The backup ref is kept, never pushed.
    if (journal.backupRef !== null) {
      expect(git(a.clone, 'rev-parse', journal.backupRef).trim()).toBe(headBefore);
    }
    expect(git(w.remote, 'for-each-ref', 'refs/nexus/')).toBe('');
  });
});
