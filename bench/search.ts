/**
 * Search benchmark: `npm run bench:search -- --hub <dir> [--queries <tsv>] [--verbose]`.
 * Several corpora at once: pass their parent folder as the hub (e.g. ../shared/corpora/large).
 *
 * Files are parsed in worker threads, as in the app. Prints ONE JSON line: corpus size; index_ms (the real SearchService build, from start to
 * ready: entries, content hashes, chunked indexing, cache dump, query structures) and its
 * heap; cached_load_ms (a second start reading that cache); max_block_ms (the longest event-loop
 * block during both, from perf_hooks.monitorEventLoopDelay); query latency over the loaded
 * index (every query and every prefix of it as typed, full pipeline with snippets and badges,
 * at the palette's limit of 8, and at 20); relevance (top 10 of 20); and the same relevance and latency for two baselines on the same entries
 * (MiniSearch defaults + prefix + fuzzy 0.2; grep-style), run only when a queries file is given.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { BackendContext } from '../src/backend/context';
import { HubService } from '../src/backend/hub/hubService';
import { ParsePool } from '../src/backend/hub/parsePool';
import { silentLogger } from '../src/backend/logger';
import { cacheFile } from '../src/backend/search/indexCache';
import { SearchService } from '../src/backend/search/searchService';
import { docEntries, endpointEntry } from '../src/core/search/entries';
import { SearchIndex } from '../src/core/search/searchIndex';
import type { SearchEntry } from '../src/core/search/types';
import { loadQueries, normHeading, type Query, rankOf } from './relevance';

v8.setFlagsFromString('--expose-gc');
/** What the palette asks for on every keystroke (SearchPalette PALETTE_LIMIT). */
const PALETTE_LIMIT = 8;
const gc = vm.runInNewContext('gc') as () => void;

type Ranked = Array<{ docPath: string; title: string }>;
type Engine = (q: string, typing: boolean) => Ranked;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function measure(engine: Engine, queries: Query[], verbose = false): Record<string, number> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let s1 = 0;
  let s3 = 0;
  let rr = 0;
  for (const q of queries) {
    for (let i = 1; i <= q.query.length; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      engine(q.query.slice(0, i), true);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    // Relevance is judged on the query as typed into the palette: its last word is a prefix.
    const hits = engine(q.query, true).slice(0, 10);
    const rank = rankOf(q, hits);
    if (verbose && rank !== 0) {
      console.error(`${rank}\t${q.query}\t=> ${q.file} ${normHeading(q.heading)}\n\t${hits.slice(0, 3).map((h) => `${h.docPath} ${h.title}`).join('\n\t')}`);
    }
    s1 += rank === 0 ? 1 : 0;
    s3 += rank >= 0 && rank < 3 ? 1 : 0;
    rr += rank >= 0 ? 1 / (rank + 1) : 0;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const n = Math.max(1, queries.length);
  const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
  return {
    query_p50_ms: round(percentile(times, 0.5)),
    query_p95_ms: round(percentile(times, 0.95)),
    // CPU time of the same queries: what latency would be on an idle machine (the OS clock ticks in 1 ms on some systems).
    query_p95_cpu_ms: round(percentile(cpuTimes, 0.95)),
    success_at_1: round(s1 / n),
    success_at_3: round(s3 / n),
    mrr: round(rr / n),
  };
}

function miniSearchEngine(entries: SearchEntry[]): Engine {
  const mini = new MiniSearch<{ id: number; title: string; headings: string; body: string; code: string }>({
    fields: ['title', 'headings', 'body', 'code'],
  });
  mini.addAll(entries.map((e, id) => ({ id, title: e.title, headings: e.headingPath.join(' '), body: e.body, code: e.code })));
  return (q) =>
    mini
      .search(q, { prefix: true, fuzzy: 0.2 })
      .slice(0, 20)
      .map((r) => entries[r.id as number]!);
}

function grepEngine(entries: SearchEntry[]): Engine {
  const lower = entries.map((e) => `${e.title}\n${e.body}\n${e.code}`.toLowerCase());
  return (q) => {
    const terms = q.toLowerCase().split(/\W+/).filter((t) => t.length > 0);
    const scored: Array<{ i: number; n: number }> = [];
    lower.forEach((text, i) => {
      let n = 0;
      for (const t of terms) {
        for (let at = text.indexOf(t); at !== -1; at = text.indexOf(t, at + t.length)) {
          n++;
        }
      }
      if (n > 0) {
        scored.push({ i, n });
      }
    });
    scored.sort((a, b) => b.n - a.n || a.i - b.i);
    return scored.slice(0, 20).map((s) => entries[s.i]!);
  };
}

/**
 * Watches the event loop with a 2 ms timer: per gap between ticks, its wall time and the CPU time
 * the process used in it. On a loaded machine a long wall gap can be the OS running others; the
 * CPU in the gap (all of this process's threads, so an over-estimate) tells our own work apart.
 */
function cpuLagProbe(): { stop: () => { maxCpuMs: number } } {
  let last = process.cpuUsage();
  let maxCpuMs = 0;
  const timer = setInterval(() => {
    const now = process.cpuUsage();
    maxCpuMs = Math.max(maxCpuMs, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
  }, 2);
  return {
    stop: () => {
      clearInterval(timer);
      return { maxCpuMs };
    },
  };
}

type TimedStart = { service: SearchService; ms: number; cpuMs: number; maxBlockMs: number; maxBlockCpuMs: number };

/** Starts a SearchService on `hub` and waits until it is ready (cache written): time to ready and the longest loop block. */
async function timedStart(hub: HubService, dataDir: string): Promise<TimedStart> {
  const ctx = new BackendContext({ bundledHub: hub.realRoot, dataDir, host: 'web', version: 'bench', logger: silentLogger, openExternal: null }, hub);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const probe = cpuLagProbe();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let readyAt = 0;
  let cpuMs = 0;
  ctx.events.subscribe((e) => {
    if (e.type === 'index.progress' && e.phase === 'ready' && readyAt === 0) {
      readyAt = performance.now();
      const used = process.cpuUsage(cpuStart);
      cpuMs = (used.user + used.system) / 1000;
    }
  });
  const service = SearchService.start(ctx);
  await service.whenIdle();
  delay.disable();
  const { maxCpuMs } = probe.stop();
  return { service, ms: readyAt - started, cpuMs, maxBlockMs: delay.max / 1e6, maxBlockCpuMs: maxCpuMs };
}

async function main(): Promise<void> {
  const hubDir = arg('hub');
  if (hubDir === undefined) {
    throw new Error('usage: npm run bench:search -- --hub <dir> [--queries <tsv>]');
  }
  const queries = await loadQueries(arg('queries'));
  const openStart = performance.now();
  // Worker threads parse, as in the app (OpenAPI files too, once: search indexes the models the hub loaded).
  const parser = new ParsePool(silentLogger);
  const hub = await HubService.open(path.resolve(hubDir), false, parser);
  const hubOpenMs = performance.now() - openStart;
  const docs = hub.allDocs();
  const entries = [...docs.flatMap(docEntries), ...hub.endpointTopics().map((op) => endpointEntry(op, op.specPath))];

  // The bare core: one synchronous pass of SearchIndex.add over every entry.
  const coreStart = performance.now();
  const bare = new SearchIndex();
  for (const e of entries) {
    bare.add(e);
  }
  const indexCoreMs = performance.now() - coreStart;

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-bench-'));
  const built = await timedStart(hub, dataDir);
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  await built.service.close();
  const cacheBytes = (await stat(cacheFile(dataDir, hub.realRoot))).size;
  const cached = await timedStart(hub, dataDir);
  if (!cached.service.getStatus().fromCache) {
    throw new Error('the second start did not load the cache');
  }
  await rm(dataDir, { recursive: true, force: true });

  // Latency at the palette's limit (what every keystroke asks for); relevance reads the top 10 of 20.
  const engineAt =
    (limit: number): Engine =>
    (q, typing) =>
      cached.service.query(q, { limit, prefix: typing }).hits.map((h) => ({ docPath: h.docPath, title: h.title.text }));
  const ourQueries = queries.length > 0 ? queries : defaultQueries(entries);
  const at20 = measure(engineAt(20), ourQueries, process.argv.includes('--verbose'));
  const at8 = measure(engineAt(PALETTE_LIMIT), ourQueries);
  const result = {
    hub: hubDir,
    files: docs.length,
    topics: entries.length,
    hub_open_ms: Math.round(hubOpenMs),
    index_ms: Math.round(built.ms),
    index_cpu_ms: Math.round(built.cpuMs),
    index_core_ms: Math.round(indexCoreMs),
    heap_mb: Math.round(heapAfter / 1048576),
    index_heap_mb: Math.round((heapAfter - heapBefore) / 1048576),
    cache_mb: Math.round((cacheBytes / 1048576) * 10) / 10,
    cached_load_ms: Math.round(cached.ms),
    cached_load_cpu_ms: Math.round(cached.cpuMs),
    max_block_ms: Math.round(Math.max(built.maxBlockMs, cached.maxBlockMs)),
    index_max_block_ms: Math.round(built.maxBlockMs),
    cached_max_block_ms: Math.round(cached.maxBlockMs),
    max_block_cpu_ms: Math.round(Math.max(built.maxBlockCpuMs, cached.maxBlockCpuMs)),
    load_avg: os.loadavg().map((l) => Math.round(l * 10) / 10),
    queries: queries.length,
    query_p50_ms: at8.query_p50_ms,
    query_p95_ms: at8.query_p95_ms,
    query_p95_cpu_ms: at8.query_p95_cpu_ms,
    query_p95_limit20_ms: at20.query_p95_ms,
    query_p95_limit20_cpu_ms: at20.query_p95_cpu_ms,
    // Relevance means something only against a queries file; titles searched for themselves are not a measure.
    success_at_1: queries.length > 0 ? at20.success_at_1 : null,
    success_at_3: queries.length > 0 ? at20.success_at_3 : null,
    mrr: queries.length > 0 ? at20.mrr : null,
    ...(queries.length > 0 ? { minisearch: measure(miniSearchEngine(entries), queries), grep: measure(grepEngine(entries), queries) } : {}),
  };
  await cached.service.close();
  await parser.close();
  console.log(JSON.stringify(result));
}

/** Without a queries file, latency is measured over the titles of some topics. */
function defaultQueries(entries: SearchEntry[]): Query[] {
  const step = Math.max(1, Math.floor(entries.length / 50));
  return entries.filter((_, i) => i % step === 0).map((e) => ({ query: e.title, file: e.docPath, heading: e.title, kind: 'title' }));
}

await main();
