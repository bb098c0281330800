/** Worker-thread entry: runs parse jobs off the backend's event loop. */
import { parentPort } from 'node:worker_threads';
import { type ParseJob, runParseJob } from './parseJob';
import { WORKER_READY } from './parsePool';

parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
  parentPort?.postMessage({ id: message.id, outcome: runParseJob(message.job) });
});
// The pool hands out jobs only once this arrives: a worker that fails to load never gets one.
parentPort?.postMessage(WORKER_READY);
