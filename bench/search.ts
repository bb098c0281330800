/**
 * Search benchmark: `npm run bench:search -- --hub <dir> [--queries <tsv>]`.
 * Prints ONE JSON line: corpus size, index time and heap, cached load, query latency (every query
 * and every prefix of it as typed, snippets included) and relevance, for our index and for two
 * baselines on the same corpus and queries (MiniSearch defaults + prefix + fuzzy 0.2; grep-style).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { HubService } from '../src/backend/hub/hubService';
import { docEntries } from '../src/core/search/entries';
import { SearchIndex, type SearchIndexDump } from '../src/core/search/searchIndex';
import type { SearchEntry } from '../src/core/search/types';

type Query = { query: string; file: string; heading: string; kind: string };
type Ranked = Array<{ docPath: string; title: string }>;
type Engine = (q: string, typing: boolean) => Ranked;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Heading text as the queries file writes it: inline markdown, `{ #id }` and spaces stripped. */
function normHeading(s: string): string {
  return s
    .replace(/\s*\{\s*#[^}]*\}\s*$/, '')
    .replace(/[`*]/g, '')
    .replace(/(^|\W)_+|_+(?=\W|$)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[[\]]/g, '')
    .trim();
}

async function loadQueries(file: string | undefined): Promise<Query[]> {
  if (file === undefined) {
    return [];
  }
  const lines = (await readFile(file, 'utf8')).split('\n').slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [query = '', f = '', heading = '', kind = ''] = l.split('\t');
      return { query, file: f, heading, kind };
    });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function measure(engine: Engine, queries: Query[], verbose = false): Record<string, number> {
  const times: number[] = [];
  let s1 = 0;
  let s3 = 0;
  let rr = 0;
  for (const q of queries) {
    for (let i = 1; i <= q.query.length; i++) {
      const t = performance.now();
      engine(q.query.slice(0, i), true);
      times.push(performance.now() - t);
    }
    // Relevance is judged on the query as typed into the palette: its last word is a prefix.
    const hits = engine(q.query, true).slice(0, 10);
    const want = normHeading(q.heading);
    const rank = hits.findIndex((h) => h.docPath === q.file && normHeading(h.title) === want);
    if (verbose && rank !== 0) {
      console.error(`${rank}\t${q.query}\t=> ${q.file} ${want}\n\t${hits.slice(0, 3).map((h) => `${h.docPath} ${h.title}`).join('\n\t')}`);
    }
    s1 += rank === 0 ? 1 : 0;
    s3 += rank >= 0 && rank < 3 ? 1 : 0;
    rr += rank >= 0 ? 1 / (rank + 1) : 0;
  }
  times.sort((a, b) => a - b);
  const n = Math.max(1, queries.length);
  const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
  return {
    query_p50_ms: round(percentile(times, 0.5)),
    query_p95_ms: round(percentile(times, 0.95)),
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

async function main(): Promise<void> {
  const hubDir = arg('hub');
  if (hubDir === undefined) {
    throw new Error('usage: npm run bench:search -- --hub <dir> [--queries <tsv>]');
  }
  const queries = await loadQueries(arg('queries'));
  const openStart = performance.now();
  const hub = await HubService.open(path.resolve(hubDir), false);
  const hubOpenMs = performance.now() - openStart;
  const docs = hub.allDocs();
  const entries = docs.flatMap(docEntries);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;

  const indexStart = performance.now();
  const index = new SearchIndex();
  for (const e of entries) {
    index.add(e);
  }
  const indexMs = performance.now() - indexStart;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'nexus-bench-'));
  const cacheFile = path.join(tmp, 'index.json');
  await writeFile(cacheFile, JSON.stringify(index.export()));
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const loadStart = performance.now();
  const dump = JSON.parse(await readFile(cacheFile, 'utf8')) as SearchIndexDump;
  const loaded = SearchIndex.import(dump, (key) => byKey.get(key) ?? null);
  const cachedLoadMs = performance.now() - loadStart;
  const cacheBytes = (await readFile(cacheFile)).length;
  await rm(tmp, { recursive: true, force: true });

  const ours: Engine = (q, typing) =>
    loaded.search(q, { limit: 20, prefix: typing }).hits.map((h) => ({ docPath: h.docPath, title: h.title.text }));
  const result = {
    hub: hubDir,
    files: docs.length,
    topics: entries.length,
    hub_open_ms: Math.round(hubOpenMs),
    index_ms: Math.round(indexMs),
    heap_mb: Math.round(heapAfter / 1048576),
    index_heap_mb: Math.round((heapAfter - heapBefore) / 1048576),
    cache_mb: Math.round((cacheBytes / 1048576) * 10) / 10,
    cached_load_ms: Math.round(cachedLoadMs),
    queries: queries.length,
    ...measure(ours, queries.length > 0 ? queries : defaultQueries(entries), process.argv.includes('--verbose')),
    minisearch: measure(miniSearchEngine(entries), queries),
    grep: measure(grepEngine(entries), queries),
  };
  console.log(JSON.stringify(result));
}

/** Without a queries file, latency is measured over the titles of some topics. */
function defaultQueries(entries: SearchEntry[]): Query[] {
  const step = Math.max(1, Math.floor(entries.length / 50));
  return entries.filter((_, i) => i % step === 0).map((e) => ({ query: e.title, file: e.docPath, heading: e.title, kind: 'title' }));
}

await main();
