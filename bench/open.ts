/**
 * Open benchmark: `npm run bench:open -- --hub <dir>`, or `-- --attack` for a generated hub of 40
 * docs and one file that makes the markdown parser spin past the pool's 15 s time limit (the
 * second start should spend no time on it).
 *
 * Starts the real backend (createBackend: worker pool, parse cache and search index in a fresh data
 * folder) on the hub twice, each time in a fresh child process, and prints ONE JSON line:
 * - files, md_files, mb: what the scan found (every file; markdown docs; their megabytes);
 * - tree_ms: from the start until `hub.overview` answers (the sidebar tree);
 * - first_doc_ms: until `hub.doc` of the doc the renderer opens first (startDoc of that tree, or
 *   `--doc <path>`, as a last-read doc) answers: the API call the reader makes;
 * - searchable_ms: until every doc is parsed and `search.status` is ready;
 * - peak_rss_mb: the process's peak resident set (VmHWM: the parse workers are threads of it);
 * - memory: where it went, sampled every 25 ms: peak RSS while docs are parsed (`parsing_rss_mb`)
 *   and after (`settled_rss_mb`: search finishing, caches written), and the main thread's peak V8
 *   heap (`main_heap_mb`, used / committed); the rest of the RSS is the parse workers' heaps, code
 *   and the runtime (the backend loaded from its TypeScript sources through tsx takes about 160 MB
 *   before any hub is open, the bundled backend about 70);
 * - the same under `cached` for a second start with the same data folder.
 * Each child measures its own peak, so the cached figures do not inherit the first start's. The
 * parse worker is bundled with esbuild first, as the app ships it (run from source through tsx,
 * each worker would spend seconds compiling TypeScript before its first job).
 */
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../src/backend/createBackend';
import { scanHub, isMarkdown } from '../src/backend/hub/scanHub';
import { silentLogger } from '../src/backend/logger';
import { startDoc } from '../src/renderer/src/hubStart';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const round = (x: number): number => Math.round(x);
const WORKER_FILE = 'parseWorker.mjs';

/** Peak resident set of this process (threads included), in MB. */
async function peakRssMb(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m !== null ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576);
}

type Run = {
  tree_ms: number;
  first_doc: string | null;
  first_doc_ms: number;
  searchable_ms: number;
  docs: number;
  topics: number;
  /** Problems by code (a file over the time or nesting limit shows here). */
  problems: Record<string, number>;
  peak_rss_mb: number;
  memory: { parsing_rss_mb: number; settled_rss_mb: number; main_heap_mb: [used: number, committed: number] };
};

/** Samples this process's memory every 25 ms: peak RSS before and after the hub settles, peak main-thread heap. */
function memorySampler(settled: () => boolean): { stop(): Run['memory'] } {
  const mb = (x: number): number => Math.round(x / 1048576);
  const peak = { parsing_rss_mb: 0, settled_rss_mb: 0, used: 0, committed: 0 };
  const sample = (): void => {
    const m = process.memoryUsage();
    const key = settled() ? 'settled_rss_mb' : 'parsing_rss_mb';
    peak[key] = Math.max(peak[key], mb(m.rss));
    peak.used = Math.max(peak.used, mb(m.heapUsed));
    peak.committed = Math.max(peak.committed, mb(m.heapTotal));
  };
  const timer = setInterval(sample, 25);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return { parsing_rss_mb: peak.parsing_rss_mb, settled_rss_mb: peak.settled_rss_mb, main_heap_mb: [peak.used, peak.committed] };
    },
  };
}

/** One start of the backend in this process (the child side). */
async function child(hub: string, dataDir: string, doc: string | undefined, worker: string): Promise<Run> {
  const started = performance.now();
  let isSettled = (): boolean => false;
  const memory = memorySampler(() => isSettled());
  const backend = await createBackend({
    parseWorkerFile: worker,
    progressiveOpen: true,
    bundledHub: path.resolve(hub),
    dataDir,
    host: 'web',
    version: 'bench',
    logger: silentLogger,
    openExternal: null,
  });
  const { api } = backend;
  isSettled = () => backend.context.hub().settled;
  const overview = await api['hub.overview']({});
  const treeMs = performance.now() - started;
  const first = doc ?? startDoc(overview.tree);
  if (first !== null) {
    await api['hub.doc']({ path: first });
  }
  const firstMs = performance.now() - started;
  for (;;) {
    const status = await api['search.status']({});
    if (status.phase === 'ready' && backend.context.hub().settled) {
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const searchableMs = performance.now() - started;
  const done = await api['hub.overview']({});
  if (done.problems.some((p) => p.path === '(background parsing)')) {
    throw new Error('the parse workers did not start: the figures would be of in-process parsing');
  }
  await backend.close();
  const sampled = memory.stop();
  return {
    tree_ms: round(treeMs),
    first_doc: first,
    first_doc_ms: round(firstMs),
    searchable_ms: round(searchableMs),
    docs: done.docCount,
    topics: done.topicCount,
    problems: done.problems.reduce<Record<string, number>>((n, p) => ({ ...n, [p.code]: (n[p.code] ?? 0) + 1 }), {}),
    peak_rss_mb: await peakRssMb(),
    memory: sampled,
  };
}

function runChild(hub: string, dataDir: string, doc: string | undefined): Promise<Run> {
  const self = fileURLToPath(import.meta.url);
  const args = ['--import', 'tsx', self, '--child', '--hub', hub, '--data', dataDir, ...(doc !== undefined ? ['--doc', doc] : [])];
  args.push('--worker', path.join(dataDir, WORKER_FILE));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || line === '') {
        reject(new Error(`bench child exited with ${code}: ${out.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line) as Run);
    });
  });
}

/** A hub of ordinary docs plus one pathological file, in `dir`. */
async function attackHub(dir: string): Promise<string> {
  const root = path.join(dir, 'attack-hub');
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'README.md'), '# Attack-like hub\n\nOrdinary docs and one hostile file.\n');
  for (let i = 0; i < 40; i++) {
    await writeFile(path.join(root, `doc${i}.md`), `# Doc ${i}\n\n## Part\n\n${'Some words about topic. '.repeat(200)}\n`);
  }
  // Nested brackets: remark spends tens of seconds on these 80 KB.
  await writeFile(path.join(root, 'spin.md'), `${'['.repeat(40_000)}a${']'.repeat(40_000)}\n`);
  return root;
}

async function main(): Promise<void> {
  const attack = process.argv.includes('--attack') && !process.argv.includes('--child');
  const attackDir = attack ? await mkdtemp(path.join(os.tmpdir(), 'nexus-bench-attack-')) : null;
  const hub = attackDir !== null ? await attackHub(attackDir) : arg('hub');
  if (hub === undefined) {
    console.error('usage: npm run bench:open -- --hub <dir> [--doc <path in hub>] | --attack');
    process.exit(2);
  }
  const doc = arg('doc');
  if (process.argv.includes('--child')) {
    const data = arg('data');
    const worker = arg('worker');
    if (data === undefined || worker === undefined) {
      throw new Error('--data and --worker are required with --child');
    }
    process.stdout.write(`${JSON.stringify(await child(hub, data, doc, worker))}\n`);
    // Parse workers are unref'd, but a stray handle must not keep the child alive.
    process.exit(0);
  }
  const scan = await scanHub(hub);
  const md = scan.files.filter((f) => isMarkdown(f.path));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nexus-bench-open-'));
  try {
    await build({
      entryPoints: [path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/backend/hub/parseWorker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: path.join(dataDir, WORKER_FILE),
      // Bundled CommonJS libraries require node built-ins.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const cold = await runChild(hub, dataDir, doc);
    const cached = await runChild(hub, dataDir, doc);
    console.log(
      JSON.stringify({
        hub: path.resolve(hub),
        files: scan.files.length,
        md_files: md.length,
        mb: Math.round((md.reduce((n, f) => n + f.bytes, 0) / 1048576) * 100) / 100,
        cpus: os.availableParallelism(),
        loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
        ...cold,
        cached,
      }),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    if (attackDir !== null) {
      await rm(attackDir, { recursive: true, force: true });
    }
  }
}

await main();
