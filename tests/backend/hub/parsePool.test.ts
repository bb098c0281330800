import { afterEach, describe, expect, it } from 'vitest';
import { HubService } from '../../../src/backend/hub/hubService';
import { ParsePool } from '../../../src/backend/hub/parsePool';
import { silentLogger } from '../../../src/backend/logger';
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
    const results = await Promise.all(['# One', '# Two', '# Three'].map((t, i) => pool.run({ kind: 'parse', path: `${i}.md`, bytes: encode(t) })));
    expect(results.map((r) => r.ok && r.kind === 'parse' && r.doc.title)).toEqual(['One', 'Two', 'Three']);
  });

  it('reports undecodable and over-nested files as problems from the worker', async () => {
    const pool = new ParsePool(silentLogger, 20_000, 1);
    pools.push(pool);
    expect(await pool.run({ kind: 'parse', path: 'b.md', bytes: new Uint8Array([0, 1, 2]) })).toMatchObject({ ok: false, problem: { code: 'binary' } });
    expect(await pool.run({ kind: 'parse', path: 'd.md', bytes: encode(`${'>'.repeat(5000)} x`) })).toMatchObject({ ok: false, problem: { code: 'too-deep' } });
  });
});
