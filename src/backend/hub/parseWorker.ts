/** Worker-thread entry: runs parse jobs off the backend's event loop. */
import { parentPort } from 'node:worker_threads';
import { type ParseJob, runParseJob } from './parseJob';

parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
  parentPort?.postMessage({ id: message.id, outcome: runParseJob(message.job) });
});
