/**
 * Parsing off the event loop: a small pool of worker threads with a time limit per job. Remark can
 * spin for seconds on pathological input; such a doc becomes a per-file problem and its worker is
 * replaced, so the app never freezes.
 *
 * A worker that fails to load (a broken build, a missing file) is respawned a few times with a
 * growing delay; after that the pool stops trying, parses in the calling thread (no time limit)
 * and reports a problem so the learner knows why a pathological file could now stall the app.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HubProblem } from '../../core/hub/types';
import type { Logger } from '../logger';
import { type ParseJob, type ParseOutcome, runParseJob } from './parseJob';

/** Something that parses docs; the pool, or in-process for tests and fallbacks. */
export type DocParser = {
  run(job: ParseJob): Promise<ParseOutcome>;
  close(): Promise<void>;
  /** Problems of the parser itself (not of one file), shown with the hub's problems. */
  problems?(): HubProblem[];
  /** Gives back what idle background workers hold (the hub's background parse is done). */
  trim?(): void;
};

/** Parses in the calling thread (no time limit): for tests and when workers cannot start. */
export const inProcessParser: DocParser = {
  run: (job) => Promise.resolve(runParseJob(job)),
  close: () => Promise.resolve(),
};

/** The message a worker posts once its module has loaded. */
export const WORKER_READY = 'parse-worker-ready';

/** The problem shown when the pool gave up on workers. */
export const WORKERS_UNAVAILABLE: HubProblem = {
  path: '(background parsing)',
  code: 'parse-failed',
  severity: 'warning',
  message:
    'The background parser could not start, so files are read in the main process without a time limit: a pathological file may make the app slow. Details are in the log.',
};

/**
 * The worker script for a module URL: beside the bundle when built (out/main/parseWorker.js, also
 * inside app.asar), the TypeScript source when run from source (tsx, vitest).
 */
export function parseWorkerScript(moduleUrl: string): { kind: 'file'; file: string } | { kind: 'source'; url: string } {
  if (moduleUrl.endsWith('.ts')) {
    return { kind: 'source', url: new URL('./parseWorker.ts', moduleUrl).href };
  }
  return { kind: 'file', file: path.join(path.dirname(fileURLToPath(moduleUrl)), 'parseWorker.js') };
}

/** Starts a parse worker from the script `parseWorkerScript` names. */
export function spawnParseWorker(): Worker {
  const script = parseWorkerScript(import.meta.url);
  if (script.kind === 'source') {
    const boot =
      "const { workerData } = require('node:worker_threads'); import('tsx/esm/api').then((api) => { api.register(); return import(workerData.target); });";
    return new Worker(boot, { eval: true, workerData: { target: script.url }, resourceLimits: WORKER_LIMITS });
  }
  return new Worker(script.file, { resourceLimits: WORKER_LIMITS });
}

/**
 * Heap bounds of one worker: a file that needs more is a per-file problem (the worker is replaced),
 * so a hostile hub cannot take the machine's memory; ordinary docs use a few MB.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };

/** Tuning and seams of the pool. */
export type ParsePoolOptions = {
  /** Starts one worker (tests pass one that fails to load). */
  spawn?: () => Worker;
  /** Load failures in a row (no worker became ready in between) before parsing in-process. */
  maxLoadFailures?: number;
  /** Delay before the first respawn; doubles with each failure in a row. */
  backoffMs?: number;
  /**
   * Workers kept for jobs the learner waits for (rendering the doc opened), on top of `size`: a
   * background parse that fills the others, or a file spinning until its time limit, never delays them.
   */
  interactive?: number;
};

/** Jobs the learner is waiting for: they go before background parsing, and may use the interactive workers. */
function isInteractive(job: ParseJob): boolean {
  return job.kind === 'render' || (job.kind === 'spec' && job.interactive === true);
}

type Pending = { id: number; job: ParseJob; resolve: (o: ParseOutcome) => void };
/** The message a worker posts first: its Linux thread id, so the pool can read its CPU time. */
export type WorkerThreadId = { threadId: number };

/**
 * CPU time (ms) a thread of this process has used, from /proc (Linux); null elsewhere. A time
 * limit counted in CPU time means the same on a busy machine as on an idle one.
 */
export function threadCpuMs(tid: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** A job may run this many times its CPU limit in wall time on a starved machine before it is cut off anyway. */
const WALL_FACTOR = 8;

type Slot = {
  tid: number | null;
  worker: Worker | null;
  ready: boolean;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  respawn: NodeJS.Timeout | null;
  /** Takes interactive jobs only. */
  interactive: boolean;
  /** Stopped by `trim` while idle: started again when a job needs it. */
  parked: boolean;
};

/** A pool of parse workers. */
export class ParsePool implements DocParser {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly spawn: () => Worker;
  private readonly maxLoadFailures: number;
  private readonly backoffMs: number;
  private nextId = 1;
  private closed = false;
  private loadFailures = 0;
  private inProcess = false;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 15_000,
    size = Math.max(1, Math.min(4, os.availableParallelism())),
    options: ParsePoolOptions = {},
  ) {
    this.spawn = options.spawn ?? spawnParseWorker;
    this.maxLoadFailures = Math.max(1, options.maxLoadFailures ?? 3);
    this.backoffMs = options.backoffMs ?? 200;
    const interactive = Math.max(0, options.interactive ?? 0);
    for (let i = 0; i < size + interactive; i++) {
      const slot: Slot = { tid: null, worker: null, ready: false, busy: null, timer: null, respawn: null, interactive: i >= size, parked: false };
      this.slots.push(slot);
      this.start(slot);
    }
  }

  /** Runs a job on a free worker; resolves with a `parse-timeout` problem when it takes too long. */
  run(job: ParseJob): Promise<ParseOutcome> {
    if (this.closed || this.inProcess) {
      return Promise.resolve(runParseJob(job));
    }
    return new Promise((resolve) => {
      const pending = { id: this.nextId++, job, resolve };
      if (isInteractive(job)) {
        // Before every background job, after the interactive ones already waiting.
        const at = this.queue.findIndex((p) => !isInteractive(p.job));
        this.queue.splice(at === -1 ? this.queue.length : at, 0, pending);
      } else {
        this.queue.push(pending);
      }
      this.pump();
    });
  }

  /** True once the pool gave up on workers and parses in the calling thread. */
  get parsingInProcess(): boolean {
    return this.inProcess;
  }

  problems(): HubProblem[] {
    return this.inProcess ? [WORKERS_UNAVAILABLE] : [];
  }

  /**
   * Stops the idle background workers: a worker's heap grows with the docs it parsed (tens of MB
   * after a large hub) and is only given back when its thread ends. They start again when a job
   * needs them; the interactive workers stay, so opening a doc never waits for a start.
   */
  trim(): void {
    if (this.closed || this.inProcess) {
      return;
    }
    for (const slot of this.slots) {
      if (slot.interactive || slot.busy !== null || slot.parked) {
        continue;
      }
      if (slot.respawn !== null) {
        clearTimeout(slot.respawn);
        slot.respawn = null;
      }
      const worker = slot.worker;
      slot.worker = null;
      slot.ready = false;
      slot.tid = null;
      slot.parked = true;
      // Its exit is not a failure: `failed` ignores a worker that is no longer its slot's.
      void worker?.terminate();
    }
  }

  /** Stops every worker; queued jobs are parsed in-process. */
  async close(): Promise<void> {
    this.closed = true;
    this.drainInProcess();
    await Promise.all(this.slots.map((s) => this.stop(s)));
  }

  private start(slot: Slot): void {
    let worker: Worker;
    try {
      worker = this.spawn();
    } catch (e) {
      this.loadFailed(slot, e);
      return;
    }
    slot.worker = worker;
    slot.ready = false;
    slot.tid = null;
    worker.unref();
    worker.on('message', (msg: unknown) => {
      if (msg === WORKER_READY) {
        slot.ready = true;
        this.pump();
      } else if (typeof msg === 'object' && msg !== null && typeof (msg as WorkerThreadId).threadId === 'number') {
        slot.tid = (msg as WorkerThreadId).threadId;
      } else if (typeof msg === 'object' && msg !== null && slot.busy?.id === (msg as { id: unknown }).id) {
        this.finish(slot, (msg as { outcome: ParseOutcome }).outcome);
      }
    });
    worker.on('error', (e) => this.failed(slot, worker, e));
    worker.on('exit', (code) => this.failed(slot, worker, new Error(`parse worker exited (code ${code})`)));
  }

  /**
   * A worker died. With a job, that job killed it: the file becomes a problem and a new worker
   * starts. Before it was ready, or idle, it is a failure to load, which counts towards giving up.
   */
  private failed(slot: Slot, worker: Worker, e: unknown): void {
    if (slot.worker !== worker || this.closed) {
      return;
    }
    slot.worker = null;
    void worker.terminate();
    const pending = slot.busy;
    this.clearJob(slot);
    if (!slot.ready || pending === null) {
      this.loadFailed(slot, e);
      return;
    }
    this.logger.warn('parse worker stopped', e);
    if (pending !== null) {
      // The file that brought the worker down is not retried on the main thread.
      pending.resolve({
        ok: false,
        problem: {
          path: pending.job.path,
          code: 'parse-failed',
          severity: 'error',
          message: 'The parser stopped on this file; not shown.',
        },
      });
    }
    this.start(slot);
    this.pump();
  }

  private loadFailed(slot: Slot, e: unknown): void {
    this.loadFailures++;
    if (this.inProcess) {
      return;
    }
    if (this.loadFailures >= this.maxLoadFailures) {
      this.logger.error('parse workers cannot start; parsing in-process from now on', e);
      this.inProcess = true;
      for (const s of this.slots) {
        void this.stop(s);
      }
      this.drainInProcess();
      return;
    }
    const delay = this.backoffMs * 2 ** (this.loadFailures - 1);
    this.logger.warn(`parse worker failed to load; retrying in ${delay} ms`, e);
    slot.respawn = setTimeout(() => {
      slot.respawn = null;
      if (!this.closed && !this.inProcess) {
        this.start(slot);
      }
    }, delay);
    slot.respawn.unref();
  }

  private drainInProcess(): void {
    for (const pending of this.queue.splice(0)) {
      pending.resolve(runParseJob(pending.job));
    }
  }

  private async stop(slot: Slot): Promise<void> {
    if (slot.respawn !== null) {
      clearTimeout(slot.respawn);
      slot.respawn = null;
    }
    const pending = slot.busy;
    this.clearJob(slot);
    const worker = slot.worker;
    slot.worker = null;
    if (pending !== null) {
      pending.resolve(runParseJob(pending.job));
    }
    await worker?.terminate();
  }

  private clearJob(slot: Slot): void {
    if (slot.timer !== null) {
      clearInterval(slot.timer);
    }
    slot.busy = null;
    slot.timer = null;
  }

  private finish(slot: Slot, outcome: ParseOutcome): void {
    const pending = slot.busy;
    this.clearJob(slot);
    this.loadFailures = 0;
    pending?.resolve(outcome);
    this.pump();
  }

  /** Starts parked workers for the jobs no running worker is free to take. */
  private wake(): void {
    // Interactive workers are never parked: background jobs, and reader jobs beyond the free
    // interactive workers, are the ones that may need a start.
    const free = (interactive: boolean): number => this.slots.filter((s) => s.interactive === interactive && s.busy === null && s.worker !== null).length;
    const readerJobs = this.queue.filter((p) => isInteractive(p.job)).length;
    let waiting = this.queue.length - readerJobs + Math.max(0, readerJobs - free(true)) - free(false);
    for (const slot of this.slots) {
      if (waiting <= 0) {
        return;
      }
      if (slot.parked && !this.closed && !this.inProcess) {
        slot.parked = false;
        waiting--;
        this.start(slot);
      }
    }
  }

  private pump(): void {
    this.wake();
    for (const slot of this.slots) {
      if (slot.busy !== null || slot.worker === null || !slot.ready) {
        continue;
      }
      if (this.queue.length === 0) {
        return;
      }
      if (slot.interactive && !isInteractive(this.queue[0]!.job)) {
        continue;
      }
      const next = this.queue.shift()!;
      const worker = slot.worker;
      slot.busy = next;
      const cpuAtStart = slot.tid !== null ? threadCpuMs(slot.tid) : null;
      const started = Date.now();
      // The limit is CPU time where it can be read (a file that spins is cut off whatever the load,
      // and a slow file on a busy machine is not), else wall time.
      const over = (): 'cpu' | 'wall' | null => {
        const cpu = cpuAtStart !== null && slot.tid !== null ? threadCpuMs(slot.tid) : null;
        if (cpu === null || cpuAtStart === null) {
          return Date.now() - started >= this.timeoutMs ? 'cpu' : null;
        }
        if (cpu - cpuAtStart >= this.timeoutMs) {
          return 'cpu';
        }
        return Date.now() - started >= this.timeoutMs * WALL_FACTOR ? 'wall' : null;
      };
      slot.timer = setInterval(
        () => {
          const reason = over();
          if (reason === null) {
            return;
          }
          this.logger.warn('parse timed out', { path: next.job.path, reason });
          this.clearJob(slot);
          slot.worker = null;
          void worker.terminate();
          this.start(slot);
          next.resolve({
            ok: false,
            problem: {
              path: next.job.path,
              code: 'parse-timeout',
              severity: 'error',
              message:
                reason === 'cpu'
                  ? `Parsing took longer than ${this.timeoutMs / 1000} s; not shown.`
                  : `Parsing took longer than ${(this.timeoutMs * WALL_FACTOR) / 1000} s on a busy machine; not shown (tried again next time).`,
            },
            ...(reason === 'wall' ? { transient: true as const } : {}),
          });
          this.pump();
        },
        Math.max(1, Math.min(250, this.timeoutMs)),
      );
      worker.postMessage({ id: next.id, job: next.job });
    }
  }
}
