/**
 * Hostile: two `hub.open` calls in flight (the learner picks a big hub, then at once a small one).
 * The hub asked for last must be the one open; the earlier one, settling later, must not replace it
 * (nor be parsing on in the background).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../../src/backend/context';
import { createHubHandlers } from '../../../src/backend/hub/hubHandlers';
import type { HubService } from '../../../src/backend/hub/hubService';
import { type DocParser, inProcessParser } from '../../../src/backend/hub/parsePool';
import { silentLogger } from '../../../src/backend/logger';

describe('hub.open races', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'nexus-open-race-'));
    for (const name of ['big', 'small']) {
      await mkdir(path.join(base, name));
      await writeFile(path.join(base, name, `${name}.md`), `# ${name}\n`);
    }
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('the hub opened last stays open when an earlier open settles after it', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let bigStarted = (): void => undefined;
    const started = new Promise<void>((r) => {
      bigStarted = r;
    });
    // big.md is held until the small hub is open.
    const parser: DocParser = {
      run: async (job) => {
        if (job.path === 'big.md') {
          bigStarted();
          await gate;
        }
        return inProcessParser.run(job);
      },
      close: () => Promise.resolve(),
    };
    let current: HubService | null = null;
    const ctx = {
      options: { bundledHub: '', progressiveOpen: false },
      parser,
      parseCache: null,
      logger: silentLogger,
      setHub: (hub: HubService) => {
        current = hub;
      },
      hub: () => current,
    } as unknown as BackendContext;
    const handlers = createHubHandlers(ctx);
    const open = (root: string): Promise<unknown> => (handlers['hub.open'] as (p: { root: string }) => Promise<unknown>)({ root });
    const big = open(path.join(base, 'big')).catch((e: unknown) => e);
    await started;
    await open(path.join(base, 'small'));
    expect((current as HubService | null)?.allDocs().map((d) => d.path)).toEqual(['small.md']);
    release();
    expect(await big).toMatchObject({ code: 'conflict' });
    expect((current as HubService | null)?.allDocs().map((d) => d.path)).toEqual(['small.md']);
  });
});
