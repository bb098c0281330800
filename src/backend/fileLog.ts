/**
 * A rotating log file sink for the logger: appends lines to `<dir>/nexus.log`; past `maxBytes`
 * the file becomes `nexus.log.1` (older ones shift up to `keep`, the oldest is dropped).
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Options of the rotating sink. */
export type FileLogOptions = { file: string; maxBytes?: number; keep?: number };

/** A sink for createLogger, plus where it writes. */
export type FileLog = { file: string; write: (line: string) => void; files: () => string[] };

/** Creates the sink; writing never throws (a log that cannot be written must not break the app). */
export function createRotatingFileLog(options: FileLogOptions): FileLog {
  const { file } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  mkdirSync(path.dirname(file), { recursive: true });
  let size = existsSync(file) ? statSync(file).size : 0;

  const rotate = (): void => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      }
    }
    if (existsSync(file)) {
      renameSync(file, `${file}.1`);
    }
    size = 0;
  };

  return {
    file,
    write(line: string): void {
      const bytes = Buffer.byteLength(line);
      try {
        if (size > 0 && size + bytes > maxBytes) {
          rotate();
        }
        appendFileSync(file, line);
        size += bytes;
      } catch {
        // Disk full or folder gone: drop the line rather than crash.
      }
    },
    files(): string[] {
      return [file, ...Array.from({ length: keep }, (_, i) => `${file}.${i + 1}`)].filter((f) => existsSync(f));
    },
  };
}
