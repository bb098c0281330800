/** Worker-thread entry: runs parse jobs off the backend's event loop. */
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { type ParseJob, runParseJob } from './parseJob';
import { WORKER_READY, type WorkerThreadId } from './parsePool';

parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
  parentPort?.postMessage({ id: message.id, outcome: runParseJob(message.job) });
});
// The Linux thread id (from /proc/thread-self -> /proc/<pid>/task/<tid>): the pool reads this
// thread's CPU time to apply the time limit. Elsewhere the limit is wall time.
try {
  const tid = Number(path.basename(readlinkSync('/proc/thread-self')));
  if (Number.isInteger(tid) && tid > 0) {
    parentPort?.postMessage({ threadId: tid } satisfies WorkerThreadId);
  }
} catch {
  // Not Linux: wall-clock limit.
}
// The pool hands out jobs only once this arrives: a worker that fails to load never gets one.
parentPort?.postMessage(WORKER_READY);
