/** A small leveled logger that writes JSON lines; hosts choose the sink (stderr, a file). */

/** Log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The logger every backend service receives. */
export type Logger = {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
};

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function describe(detail: unknown): unknown {
  if (detail instanceof Error) {
    return { name: detail.name, message: detail.message, stack: detail.stack };
  }
  return detail;
}

/** A logger writing one JSON line per entry to `write`, dropping entries under `min`. */
export function createLogger(write: (line: string) => void, min: LogLevel = 'info'): Logger {
  const log = (level: LogLevel) => (message: string, detail?: unknown) => {
    if (ORDER[level] < ORDER[min]) {
      return;
    }
    write(`${JSON.stringify({ time: new Date().toISOString(), level, message, detail: describe(detail) })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger(() => undefined, 'error');
