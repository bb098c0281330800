/**
 * Parsing off the event loop: a small pool of worker threads with a time limit per job. Remark can
 * spin for seconds on pathological input; such a doc becomes a per-file problem and its worker is
 * replaced, so the app never freezes.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import { type ParseJob, type ParseOutcome, runParseJob } from './parseJob';

/** Something that parses docs; the pool, or in-process for tests and fallbacks. */
export type DocParser = { run(job: ParseJob): Promise<ParseOutcome>; close(): Promise<void> };

/** Parses in the calling thread (no time limit): for tests and when workers cannot start. */
export const inProcessParser: DocParser = {
  run: (job) => Promise.resolve(runParseJob(job)),
  close: () => Promise.resolve(),
};

type Pending = { id: number; job: ParseJob; resolve: (o: ParseOutcome) => void };
type Slot = { worker: Worker; busy: Pending | null; timer: NodeJS.Timeout | null };

const here = path.dirname(fileURLToPath(import.meta.url));

function spawnWorker(): Worker {
  // Built app: parseWorker.js sits beside the bundle. From source (tsx, vitest): load the .ts via tsx.
  if (import.meta.url.endsWith('.ts')) {
    const target = new URL('./parseWorker.ts', import.meta.url).href;
    const boot = "const { workerData } = require('node:worker_threads'); import('tsx/esm/api').then((api) => { api.register(); return import(workerData.target); });";
    return new Worker(boot, { eval: true, workerData: { target } });
  }
  return new Worker(path.join(here, 'parseWorker.js'));
}

/** A pool of parse workers. */
export class ParsePool implements DocParser {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 15_000,
    size = Math.max(1, Math.min(4, os.availableParallelism())),
  ) {
    for (let i = 0; i < size; i++) {
      this.slots.push(this.makeSlot());
    }
  }

  /** Runs a job on a free worker; resolves with a `parse-timeout` problem when it takes too long. */
  run(job: ParseJob): Promise<ParseOutcome> {
    if (this.closed) {
      return Promise.resolve(runParseJob(job));
    }
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      pending.resolve(runParseJob(pending.job));
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private makeSlot(): Slot {
    const slot: Slot = { worker: spawnWorker(), busy: null, timer: null };
    slot.worker.unref();
    slot.worker.on('message', (msg: { id: number; outcome: ParseOutcome }) => {
      if (slot.busy?.id === msg.id) {
        this.finish(slot, msg.outcome);
      }
    });
    slot.worker.on('error', (e) => {
      this.logger.warn('parse worker failed; parsing in-process', e);
      const pending = slot.busy;
      this.replace(slot);
      if (pending !== null) {
        pending.resolve(runParseJob(pending.job));
      }
    });
    return slot;
  }

  private finish(slot: Slot, outcome: ParseOutcome): void {
    const pending = slot.busy;
    if (slot.timer !== null) {
      clearTimeout(slot.timer);
    }
    slot.busy = null;
    slot.timer = null;
    pending?.resolve(outcome);
    this.pump();
  }

  private replace(slot: Slot): void {
    if (slot.timer !== null) {
      clearTimeout(slot.timer);
    }
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index !== -1 && !this.closed) {
      this.slots[index] = this.makeSlot();
    }
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy !== null) {
        continue;
      }
      const next = this.queue.shift();
      if (next === undefined) {
        return;
      }
      slot.busy = next;
      slot.timer = setTimeout(() => {
        this.logger.warn('parse timed out', { path: next.job.path });
        slot.busy = null;
        this.replace(slot);
        next.resolve({
          ok: false,
          problem: { path: next.job.path, code: 'parse-timeout', severity: 'error', message: `Parsing took longer than ${this.timeoutMs / 1000} s; not shown.` },
        });
      }, this.timeoutMs);
      slot.worker.postMessage({ id: next.id, job: next.job });
    }
  }
}
