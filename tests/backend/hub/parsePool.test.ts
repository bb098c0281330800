import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../src/backend/hub/hubService';
import { ParsePool, WORKERS_UNAVAILABLE, WORKER_READY, spawnParseWorker } from '../../../src/backend/hub/parsePool';
import { createLogger, silentLogger } from '../../../src/backend/logger';
import { oddities } from './tempHub';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('ParsePool', () => {
  const pools: ParsePool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('parses in worker threads exactly as in-process', async () => {
    const pool = new ParsePool(silentLogger, 20_000, 2);
    pools.push(pool);
    const viaPool = await HubService.open(oddities, false, pool);
    const inProcess = await HubService.open(oddities, false);
    expect(viaPool.overview()).toEqual(inProcess.overview());
    const rendered = await viaPool.doc('docs/guide.md');
    expect(rendered.safeHast.children.length).toBeGreaterThan(0);
  });

  it('turns a job over the time limit into a parse-timeout problem and keeps working', async () => {
    const slow = new ParsePool(silentLogger, 1, 1);
    pools.push(slow);
    const outcome = await slow.run({ kind: 'parse', path: 'slow.md', bytes: encode('# A\n'.repeat(20_000)) });
    expect(outcome).toMatchObject({ ok: false, problem: { code: 'parse-timeout', path: 'slow.md' } });

    const pool = new ParsePool(silentLogger, 20_000, 1);
    pools.push(pool);
    const results = await Promise.all(
      ['# One', '# Two', '# Three'].map((t, i) => pool.run({ kind: 'parse', path: `${i}.md`, bytes: encode(t) })),
    );
    expect(results.map((r) => r.ok && r.kind === 'parse' && r.doc.title)).toEqual(['One', 'Two', 'Three']);
  });

  it('reports undecodable and over-nested files as problems from the worker', async () => {
    const pool = new ParsePool(silentLogger, 20_000, 1);
    pools.push(pool);
    expect(await pool.run({ kind: 'parse', path: 'b.md', bytes: new Uint8Array([0, 1, 2]) })).toMatchObject({
      ok: false,
      problem: { code: 'binary' },
    });
    expect(await pool.run({ kind: 'parse', path: 'd.md', bytes: encode(`${'>'.repeat(5000)} x`) })).toMatchObject({
      ok: false,
      problem: { code: 'too-deep' },
    });
  });

  it('a worker that fails to load is respawned a bounded number of times with backoff, then docs parse in-process with a problem shown', async () => {
    const spawned: number[] = [];
    const lines: string[] = [];
    const pool = new ParsePool(
      createLogger((l) => lines.push(l)),
      20_000,
      2,
      {
        maxLoadFailures: 4,
        backoffMs: 40,
        spawn: () => {
          spawned.push(Date.now());
          return new Worker("throw new Error('cannot load the parser')", { eval: true });
        },
      },
    );
    pools.push(pool);
    const outcome = await pool.run({ kind: 'parse', path: 'a.md', bytes: encode('# Still parsed') });
    expect(outcome).toMatchObject({ ok: true, kind: 'parse', doc: { title: 'Still parsed' } });
    expect(pool.parsingInProcess).toBe(true);
    expect(pool.problems()).toEqual([WORKERS_UNAVAILABLE]);
    // Two at start, then a respawn per failure until the fourth: never more, never a tight loop.
    await new Promise((r) => setTimeout(r, 300));
    expect(spawned.length).toBe(4);
    const gaps = spawned.slice(2).map((t) => t - (spawned[0] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(35);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines.at(-1)).toMatch(/parsing in-process/);
    const hub = await HubService.open(oddities, false, pool);
    expect(hub.overview().problems).toContainEqual(WORKERS_UNAVAILABLE);
  });

  it('a worker that dies on a job: that file is a parse-failed problem (not retried on the main thread) and a new worker takes the next job', async () => {
    let spawns = 0;
    const dying = `const { parentPort } = require('node:worker_threads'); parentPort.postMessage('${WORKER_READY}'); parentPort.on('message', () => process.exit(7));`;
    const pool = new ParsePool(silentLogger, 20_000, 1, {
      spawn: () => (spawns++ === 0 ? new Worker(dying, { eval: true }) : spawnParseWorker()),
    });
    pools.push(pool);
    expect(await pool.run({ kind: 'parse', path: 'bomb.md', bytes: encode('# Bomb') })).toMatchObject({
      ok: false,
      problem: { path: 'bomb.md', code: 'parse-failed' },
    });
    expect(await pool.run({ kind: 'parse', path: 'ok.md', bytes: encode('# Fine') })).toMatchObject({ ok: true, doc: { title: 'Fine' } });
    expect(pool.parsingInProcess).toBe(false);
    expect(spawns).toBe(2);
  });

  it('trim stops the idle background workers, keeps the interactive one (reader jobs go there), and starts one again for the next background job', async () => {
    // A stand-in worker that answers every job with its own thread's name, so answers from a worker are told from in-process ones.
    const echo = `const { parentPort, threadId } = require('node:worker_threads'); parentPort.postMessage('${WORKER_READY}'); parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, outcome: { ok: true, kind: 'parse', doc: { title: 'worker ' + threadId } } }));`;
    const workers: Array<{ worker: Worker; exited: boolean; exit: Promise<unknown> }> = [];
    const pool = new ParsePool(silentLogger, 20_000, 2, {
      interactive: 1,
      spawn: () => {
        const worker = new Worker(echo, { eval: true });
        const record = { worker, exited: false, exit: new Promise((r) => worker.once('exit', r)) };
        void record.exit.then(() => (record.exited = true));
        workers.push(record);
        return worker;
      },
    });
    pools.push(pool);
    const job = (p: string) => pool.run({ kind: 'parse', path: p, bytes: encode('# A') });
    await Promise.all([job('a.md'), job('b.md')]);
    expect(workers.length).toBe(3);
    pool.trim();
    await Promise.all(workers.slice(0, 2).map((w) => w.exit));
    // The two background workers ended; the interactive one (started last) is still there.
    expect(workers.map((w) => w.exited)).toEqual([true, true, false]);
    // A spec the reader waits for goes to the interactive worker: no background worker starts for it.
    const spec = await pool.run({ kind: 'spec', path: 'api.yml', bytes: encode('openapi: 3.0.0'), files: [], interactive: true });
    expect(spec.ok && spec.kind === 'parse' ? spec.doc.title : null).toMatch(/^worker \d+$/);
    expect(workers.length).toBe(3);
    const next = await job('c.md');
    expect(next.ok && next.kind === 'parse' ? next.doc.title : null).toMatch(/^worker \d+$/);
    expect(workers.length).toBe(4);
    expect(pool.parsingInProcess).toBe(false);
    expect(pool.problems()).toEqual([]);
  });
});
