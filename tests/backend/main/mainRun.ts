/**
 * Runs the Electron main process on Node with `electron` resolved to stub/electron.mjs: from the
 * sources (under tsx) or from a build (plain Node, no tsx, any folder). The stub reports calls as
 * `STUB {json}` lines; `send` drives it (protocol, IPC, guards) and `waitFor` reads the reports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const register = path.join(import.meta.dirname, 'stub/register.mjs');

/** One report of the stub. */
export type StubEvent = { event: string; [key: string]: unknown };

/** A running main process. */
export type MainRun = {
  proc: ChildProcess;
  events: StubEvent[];
  output: () => string;
  exited: Promise<number | null>;
  /** The first report named `event` (and matching `where`), waiting for it when needed. */
  waitFor(event: string, where?: (e: StubEvent) => boolean, timeoutMs?: number): Promise<StubEvent>;
  /** A command to the stub; resolves with its answer (the report named `answer`). */
  ask(command: Record<string, unknown>, answer: string): Promise<StubEvent>;
};

/** Where the main process comes from: the TypeScript sources, or a built `out/main/index.js`. */
export type MainEntry = { kind: 'source' } | { kind: 'built'; indexJs: string };

let nextId = 1;

/** Starts main with `env` added to the test's environment. */
export function runMain(entry: MainEntry, env: Record<string, string>): MainRun {
  const args =
    entry.kind === 'source' ? ['--import', 'tsx', '--import', register, 'src/main/index.ts'] : ['--import', register, entry.indexJs];
  const proc = spawn(process.execPath, args, {
    cwd: entry.kind === 'source' ? repoRoot : path.dirname(entry.indexJs),
    env: { ...process.env, STUB_CONTROL: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: StubEvent[] = [];
  let out = '';
  let partial = '';
  const listeners = new Set<() => void>();
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('STUB ')) {
        events.push(JSON.parse(line.slice(5)) as StubEvent);
      }
    }
    listeners.forEach((l) => l());
  });
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stdin?.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
    setTimeout(() => listeners.forEach((l) => l()), 50);
  });
  const waitFor = (event: string, where: (e: StubEvent) => boolean = () => true, timeoutMs = 60_000): Promise<StubEvent> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = events.find((e) => e.event === event && where(e));
        if (found !== undefined) {
          stop();
          resolve(found);
        } else if (done) {
          stop();
          reject(new Error(`exited without "${event}"; output:\n${out}`));
        }
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no "${event}" within ${timeoutMs} ms; output:\n${out}`));
      }, timeoutMs);
      const stop = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  return {
    proc,
    events,
    output: () => out,
    exited,
    waitFor,
    ask(command, answer) {
      const id = nextId++;
      const before = events.length;
      proc.stdin?.write(`${JSON.stringify({ ...command, id })}\n`);
      return waitFor(
        answer,
        (e) =>
          events.indexOf(e) >= before &&
          (e['id'] === undefined || e['id'] === id) &&
          (e['url'] === undefined || e['url'] === command['url']),
      );
    },
  };
}
