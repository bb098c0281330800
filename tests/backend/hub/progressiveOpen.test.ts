import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/backend/context';
import { HubService, PARSE_IN_FLIGHT } from '../../../src/backend/hub/hubService';
import { fileParseCache } from '../../../src/backend/hub/parseCache';
import type { ParseJob, ParseOutcome } from '../../../src/backend/hub/parseJob';
import { type DocParser, inProcessParser } from '../../../src/backend/hub/parsePool';
import { silentLogger } from '../../../src/backend/logger';
import { SearchService } from '../../../src/backend/search/searchService';
import type { AppEvent } from '../../../src/core/api/events';

const DOCS = 20;
/** One word found in one doc only. */
const WORDS = ['aardvark', 'bison', 'caribou', 'dingo', 'echidna', 'ferret', 'gazelle', 'hyena', 'ibex', 'jackal', 'koala', 'lemur', 'mongoose', 'narwhal', 'ocelot', 'pangolin', 'quokka', 'raccoon', 'serval', 'tapir'];

/**
 * The in-process parser with a gate: `parse` jobs wait until released (one by one or all), while
 * `render` jobs (what the reader waits for) run at once. Records the order jobs were asked for.
 */
function gatedParser(): DocParser & { asked: string[]; rendered: string[]; waiting(): number; release(n?: number): void; open(): void } {
  const asked: string[] = [];
  const rendered: string[] = [];
  const held: Array<() => void> = [];
  let opened = false;
  return {
    asked,
    rendered,
    waiting: () => held.length,
    release: (n = 1) => held.splice(0, n).forEach((go) => go()),
    open: () => {
      opened = true;
      held.splice(0).forEach((go) => go());
    },
    run: (job: ParseJob): Promise<ParseOutcome> => {
      if (job.kind === 'render') {
        rendered.push(job.path);
        return inProcessParser.run(job);
      }
      asked.push(job.path);
      if (opened) {
        return inProcessParser.run(job);
      }
      return new Promise((resolve) => held.push(() => void inProcessParser.run(job).then(resolve)));
    },
    close: () => Promise.resolve(),
  };
}

const name = (i: number): string => `doc${String(i).padStart(2, '0')}.md`;

/** Waits until `check` holds, giving the loop turns (the background parse runs on timers and I/O). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(check()).toBe(true);
}

describe('progressive hub open', () => {
  let base: string;
  let root: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'nexus-progressive-'));
    root = path.join(base, 'hub');
    await mkdir(root);
    for (let i = 0; i < DOCS; i++) {
      await writeFile(path.join(root, name(i)), `# Doc ${i}\n\n## Part ${i}\n\nAbout the ${WORDS[i]}.\n`);
    }
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('shows the tree from the scan before any doc is parsed, serves a doc at once, and fills in as docs are parsed', async () => {
    const parser = gatedParser();
    const hub = await HubService.start(root, false, parser);
    const before = hub.overview();
    expect(before.parsing).toEqual({ done: 0, total: DOCS });
    expect(before.tree).toHaveLength(DOCS);
    expect(before.tree[0]).toMatchObject({ kind: 'doc', path: 'doc00.md', doc: { title: 'doc00', topics: [] } });
    expect(hub.settled).toBe(false);

    // The reader's doc does not wait for the background parse.
    const shown = await hub.doc('doc07.md');
    expect(shown.title).toBe('Doc 7');
    expect(parser.rendered).toEqual(['doc07.md']);

    parser.open();
    await hub.whenSettled();
    const after = hub.overview();
    expect(after.parsing).toBeNull();
    expect(after.docCount).toBe(DOCS);
    expect(after.topicCount).toBe(DOCS * 2);
    expect(after.tree[3]).toMatchObject({ kind: 'doc', path: 'doc03.md', doc: { title: 'Doc 3' } });
    // The tree carries what the sidebar needs, not every doc's text.
    expect(JSON.stringify(after.tree)).not.toContain(WORDS[3]);
  });

  it('parses the doc to show first, and moves a doc opened while queued to the front', async () => {
    const parser = gatedParser();
    const hub = await HubService.start(root, false, parser, null, name(15));
    await until(() => parser.waiting() === PARSE_IN_FLIGHT);
    // The first batch in flight (files are read concurrently) holds it; doc15 is far down path order.
    const inFlight = parser.asked.length;
    expect(inFlight).toBeLessThan(DOCS - 5);
    expect(parser.asked).toContain(name(15));

    await hub.doc(name(18));
    parser.release(1);
    await until(() => parser.asked.length > inFlight);
    expect(parser.asked[inFlight]).toBe(name(18));
    parser.open();
    await hub.whenSettled();
    expect(new Set(parser.asked).size).toBe(DOCS);
  });

  it('publishes progress and tells the other domains only once every doc is read', async () => {
    const parser = gatedParser();
    const hub = await HubService.start(root, false, parser);
    const dataDir = path.join(base, 'data');
    const ctx = new BackendContext({ bundledHub: root, dataDir, host: 'web', version: 't', logger: silentLogger, openExternal: null }, hub);
    const events: AppEvent[] = [];
    ctx.events.subscribe((e) => events.push(e));
    const told: number[] = [];
    ctx.onHubChanged((h) => told.push(h.allDocs().length));
    const search = SearchService.start(ctx);
    try {
      await until(() => parser.waiting() > 0);
      parser.release(parser.waiting());
      // Search fills in with the docs parsed so far, before the hub is complete.
      await until(() => search.query(WORDS[0]!, {}).hits.length > 0);
      expect(search.getStatus().phase).toBe('indexing');
      expect(search.query(WORDS[19]!, {}).hits).toHaveLength(0);
      expect(told).toEqual([]);

      parser.open();
      await hub.whenSettled();
      await until(() => told.length > 0 && search.getStatus().phase === 'ready');
      expect(told).toEqual([DOCS]);
      expect(search.query(WORDS[19]!, {}).hits).toHaveLength(1);
      expect(search.query(WORDS[0]!, {}).hits).toHaveLength(1);
      const progress = events.filter((e) => e.type === 'hub.progress');
      expect(progress.at(-1)).toMatchObject({ phase: 'ready', done: DOCS, total: DOCS, root });
    } finally {
      await search.close();
    }
  });

  it('renders a doc once per content: a reopened doc comes from the cache, a changed one is rendered again', async () => {
    const parser = gatedParser();
    parser.open();
    const hub = await HubService.open(root, false, parser);
    await hub.doc(name(1));
    await hub.doc(name(1));
    expect(parser.rendered).toEqual([name(1)]);
    await writeFile(path.join(root, name(1)), '# Changed\n');
    expect((await hub.doc(name(1))).title).toBe('Changed');
    expect(parser.rendered).toEqual([name(1), name(1)]);
  });

  it('a doc rendered on one start shows from the data folder on the next, with no parse worker; a changed hub renders again', async () => {
    const cache = fileParseCache(path.join(base, 'cache'), silentLogger);
    const first = gatedParser();
    first.open();
    const cold = await HubService.open(root, false, first, cache);
    const shown = await cold.doc(name(4));
    await cold.idle();

    const second = gatedParser();
    const warm = await HubService.start(root, false, second, cache);
    expect(await warm.doc(name(4))).toEqual(shown);
    expect(second.rendered).toEqual([]);
    second.open();
    await warm.whenSettled();

    // Another file in the hub changes which links are broken: rendered anew.
    await writeFile(path.join(root, 'new.md'), '# New\n');
    const third = gatedParser();
    third.open();
    const changed = await HubService.open(root, false, third, cache);
    await changed.doc(name(4));
    expect(third.rendered).toEqual([name(4)]);
    await changed.idle();
  });
});

describe('bad files are remembered', () => {
  let base: string;
  let root: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'nexus-badfile-'));
    root = path.join(base, 'hub');
    await mkdir(root);
    await writeFile(path.join(root, 'README.md'), '# Fine\n');
    await writeFile(path.join(root, 'slow.md'), '# Spins\n');
    await writeFile(path.join(root, 'deep.md'), `${'>'.repeat(10_000)} deep\n`);
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  /** In-process, except that slow.md (as long as it says "Spins") hits the time limit. */
  function timingOutParser(): DocParser & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      run: (job) => {
        asked.push(`${job.kind}:${job.path}`);
        if (job.path === 'slow.md' && new TextDecoder().decode(job.bytes).includes('Spins')) {
          return Promise.resolve({ ok: false, problem: { path: job.path, code: 'parse-timeout', severity: 'error', message: 'Parsing took longer than 15 s; not shown.' } });
        }
        return inProcessParser.run(job);
      },
      close: () => Promise.resolve(),
    };
  }

  it('a file over the time or nesting limit is not parsed again until it changes, and stays a problem with its reason', async () => {
    const cache = fileParseCache(path.join(base, 'cache'), silentLogger);
    const first = timingOutParser();
    const cold = await HubService.open(root, false, first, cache);
    expect(first.asked).toEqual(expect.arrayContaining(['parse:slow.md', 'parse:deep.md']));
    const problemsOf = (h: HubService): string[] => h.overview().problems.map((p) => `${p.path}:${p.code}:${p.message}`);
    expect(problemsOf(cold)).toEqual(['deep.md:too-deep:Markdown nested more than 64 levels deep; not shown.', 'slow.md:parse-timeout:Parsing took longer than 15 s; not shown.']);

    const second = timingOutParser();
    const warm = await HubService.open(root, false, second, cache);
    // The second start spends no time on either: nothing is parsed at all.
    expect(second.asked).toEqual([]);
    expect(problemsOf(warm)).toEqual(problemsOf(cold));
    // Opening it answers with the reason at once, without another try.
    await expect(warm.doc('slow.md')).rejects.toMatchObject({ code: 'unavailable', message: 'Parsing took longer than 15 s; not shown.' });
    await expect(warm.doc('deep.md')).rejects.toMatchObject({ code: 'unavailable' });
    expect(second.asked).toEqual([]);

    await writeFile(path.join(root, 'slow.md'), '# Fixed\n');
    const third = timingOutParser();
    const fixed = await HubService.open(root, false, third, cache);
    expect(third.asked).toEqual(['parse:slow.md']);
    expect(fixed.overview().problems.map((p) => p.path)).toEqual(['deep.md']);
    expect((await fixed.doc('slow.md')).title).toBe('Fixed');
    await fixed.idle();
  });

  it('a bad file that was fixed and then reverted is known bad again: not parsed again', async () => {
    const cache = fileParseCache(path.join(base, 'cache'), silentLogger);
    await HubService.open(root, false, timingOutParser(), cache);
    await writeFile(path.join(root, 'slow.md'), '# Fixed\n');
    const fixing = timingOutParser();
    await HubService.open(root, false, fixing, cache);
    expect(fixing.asked).toEqual(['parse:slow.md']);
    // Back to the bytes that spun: their hash is still known bad.
    await writeFile(path.join(root, 'slow.md'), '# Spins\n');
    const reverted = timingOutParser();
    const hub = await HubService.open(root, false, reverted, cache);
    expect(reverted.asked).toEqual([]);
    expect(hub.overview().problems.map((p) => `${p.path}:${p.code}`)).toEqual(['deep.md:too-deep', 'slow.md:parse-timeout']);
    await expect(hub.doc('slow.md')).rejects.toMatchObject({ code: 'unavailable' });
    expect(reverted.asked).toEqual([]);
  });

  it('a time-out the pool blames on a starved machine is tried again on the next start', async () => {
    const cache = fileParseCache(path.join(base, 'cache'), silentLogger);
    const starved = (): DocParser & { asked: string[] } => {
      const inner = timingOutParser();
      return {
        ...inner,
        run: async (job) => {
          const outcome = await inner.run(job);
          return !outcome.ok && outcome.problem.code === 'parse-timeout' ? { ...outcome, transient: true } : outcome;
        },
      };
    };
    await HubService.open(root, false, starved(), cache);
    const second = starved();
    const warm = await HubService.open(root, false, second, cache);
    expect(second.asked).toEqual(['parse:slow.md']);
    expect(warm.overview().problems.map((p) => `${p.path}:${p.code}`)).toEqual(['deep.md:too-deep', 'slow.md:parse-timeout']);
  });
});
