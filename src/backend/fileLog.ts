/**
 * A rotating log file sink for the logger: appends lines to `<dir>/nexus.log`; past `maxBytes`
 * the file becomes `nexus.log.1` (older ones shift up to `keep`, the oldest is dropped).
 *
 * Writing never touches the disk on the caller's turn: lines go to an in-memory buffer that one
 * asynchronous writer drains (one batch at a time, in order). The buffer is bounded: past
 * `maxBufferBytes` new lines are dropped and counted, and the next batch says how many were lost.
 * `flush()` / `close()` wait for the buffer to reach the disk; at process exit (when the event loop
 * is gone and nothing can be blocked any more) whatever is still buffered is written synchronously.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Options of the rotating sink. */
export type FileLogOptions = {
  file: string;
  /** Size at which the file rotates (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept (default 3). */
  keep?: number;
  /** Bytes waiting for the disk at most; lines past it are dropped and counted (default 1 MiB). */
  maxBufferBytes?: number;
  /** Write what is still buffered when the process exits (default true; removed by close()). */
  flushOnExit?: boolean;
};

/** A sink for createLogger, plus where it writes. */
export type FileLog = {
  file: string;
  /** Queues a line; never throws, never blocks (a log that cannot be written must not break the app). */
  write: (line: string) => void;
  /** Resolves once every line written before the call is on disk (or was dropped by a disk error). */
  flush: () => Promise<void>;
  /** Writes what is buffered synchronously: only for exit paths where the loop will not run again. */
  flushSync: () => void;
  /** Flushes and stops listening for process exit; lines written later are still written. */
  close: () => Promise<void>;
  /** The log file and its rotated copies that exist. */
  files: () => string[];
};

/** Lines that go to one file in one append; the file rotates first when `rotateFirst` (rotation falls between lines, as with one write per line). */
type Segment = { text: string; bytes: number; rotateFirst: boolean };

/** Creates the sink. */
export function createRotatingFileLog(options: FileLogOptions): FileLog {
  const { file } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const maxBufferBytes = options.maxBufferBytes ?? 1024 * 1024;

  let pending: string[] = [];
  let pendingBytes = 0;
  let dropped = 0;
  /** Current size of the file; null until the writer has looked (first batch). */
  let size: number | null = null;
  /** The running drain, if any: every flush waits for it. */
  let draining: Promise<void> | null = null;

  const take = (): string[] => {
    const lines = pending;
    if (dropped > 0) {
      lines.push(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', message: `${dropped} log lines dropped: the log could not keep up` })}\n`);
      dropped = 0;
    }
    pending = [];
    pendingBytes = 0;
    return lines;
  };

  const segments = (lines: string[], startSize: number): { list: Segment[]; endSize: number } => {
    const list: Segment[] = [];
    let current: Segment = { text: '', bytes: 0, rotateFirst: false };
    let fileSize = startSize;
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      if (fileSize > 0 && fileSize + bytes > maxBytes) {
        if (current.bytes > 0 || current.rotateFirst) {
          list.push(current);
        }
        current = { text: '', bytes: 0, rotateFirst: true };
        fileSize = 0;
      }
      current.text += line;
      current.bytes += bytes;
      fileSize += bytes;
    }
    if (current.bytes > 0) {
      list.push(current);
    }
    return { list, endSize: fileSize };
  };

  const rotateAsync = async (): Promise<void> => {
    await rm(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 0; i--) {
      const from = i === 0 ? file : `${file}.${i}`;
      await rename(from, `${file}.${i + 1}`).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') {
          throw e;
        }
      });
    }
  };

  const rotateSync = (): void => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 0; i--) {
      const from = i === 0 ? file : `${file}.${i}`;
      if (existsSync(from)) {
        renameSync(from, `${file}.${i + 1}`);
      }
    }
  };

  const currentSize = async (): Promise<number> => {
    if (size === null) {
      await mkdir(path.dirname(file), { recursive: true });
      size = await stat(file).then(
        (s) => s.size,
        () => 0,
      );
    }
    return size;
  };

  /** Writes batches until the buffer is empty; a failed batch is dropped (disk full, folder gone). */
  const drain = async (): Promise<void> => {
    while (pending.length > 0 || dropped > 0) {
      const lines = take();
      try {
        const { list, endSize } = segments(lines, await currentSize());
        for (const segment of list) {
          if (segment.rotateFirst) {
            await rotateAsync();
          }
          await appendFile(file, segment.text);
        }
        size = endSize;
      } catch {
        // Drop the batch rather than crash; look at the file again next time.
        size = null;
      }
    }
  };

  /** Starts the writer unless it runs; `later` lets the caller's turn finish first (a burst becomes one write). */
  const startDrain = (later: boolean): Promise<void> => {
    if (draining === null) {
      const run = later ? new Promise<void>((resolve) => setImmediate(resolve)).then(drain) : drain();
      draining = run.finally(() => {
        draining = null;
        // A line queued between the writer's last look and now must not wait for the next one.
        if (pending.length > 0 || dropped > 0) {
          void startDrain(true);
        }
      });
    }
    return draining;
  };

  const flush = async (): Promise<void> => {
    while (draining !== null || pending.length > 0 || dropped > 0) {
      await (draining ?? startDrain(false));
    }
  };

  // A batch the async writer already took is left to it (the process may still finish it).
  const flushSync = (): void => {
    if (pending.length === 0 && dropped === 0) {
      return;
    }
    const lines = take();
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const start = size ?? (existsSync(file) ? statSync(file).size : 0);
      const { list, endSize } = segments(lines, start);
      for (const segment of list) {
        if (segment.rotateFirst) {
          rotateSync();
        }
        appendFileSync(file, segment.text);
      }
      size = endSize;
    } catch {
      size = null;
    }
  };

  const onExit = (): void => flushSync();
  if (options.flushOnExit ?? true) {
    process.on('exit', onExit);
  }

  return {
    file,
    write(line: string): void {
      const bytes = Buffer.byteLength(line);
      if (pendingBytes + bytes > maxBufferBytes) {
        dropped++;
        return;
      }
      pending.push(line);
      pendingBytes += bytes;
      void startDrain(true);
    },
    flush,
    flushSync,
    async close(): Promise<void> {
      process.off('exit', onExit);
      await flush();
    },
    files(): string[] {
      return [file, ...Array.from({ length: keep }, (_, i) => `${file}.${i + 1}`)].filter((f) => existsSync(f));
    },
  };
}
