/**
 * The shell settings in memory, written to `shell.json` at most once per `delayMs` (a route change
 * per click must not mean an fsync per click on the main thread), and at once on `flush()`.
 */
import type { Logger } from '../backend/logger';
import { type ShellSettings, saveShellSettings } from './shellSettings';

/** The settings and their deferred writer. */
export type SettingsWriter = {
  get(): ShellSettings;
  update(patch: Partial<ShellSettings>): void;
  /** Writes pending changes now (quit, a failed start). */
  flush(): void;
};

/** Creates the writer; `save` is the durable write (tests pass a recorder). */
export function createSettingsWriter(
  file: string,
  initial: ShellSettings,
  logger: Logger,
  delayMs = 1000,
  save: (file: string, settings: ShellSettings) => void = saveShellSettings,
): SettingsWriter {
  let settings = initial;
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer === null) {
      return;
    }
    clearTimeout(timer);
    timer = null;
    try {
      save(file, settings);
    } catch (e) {
      logger.warn('shell settings not saved', e);
    }
  };
  return {
    get: () => settings,
    update(patch) {
      settings = { ...settings, ...patch };
      timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}
