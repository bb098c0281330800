/**
 * The desktop shell's own settings, kept in the data folder as `shell.json`: window state per
 * display layout, the last hub and the last topic read in it, and the theme. Validated on load
 * (a damaged file falls back to defaults and is kept aside), written atomically.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../backend/logger';
import { type DurableSyncIo, writeFileDurableSync } from '../backend/store/durableWrite';

const rect = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });

const schema = z.object({
  version: z.literal(1),
  windows: z.record(z.string(), z.object({ bounds: rect, maximized: z.boolean() })),
  /** A hub folder the learner opened (null: the bundled hub). */
  lastHub: z.string().nullable(),
  /** The last reader route (`#/read/...`) in that hub. */
  lastRoute: z.string().max(4096).nullable(),
  theme: z.enum(['system', 'light', 'dark']),
});

/** The shell settings. */
export type ShellSettings = z.infer<typeof schema>;

/** Settings of a first run. */
export const defaultShellSettings: ShellSettings = { version: 1, windows: {}, lastHub: null, lastRoute: null, theme: 'system' };

/** The settings file in a data folder. */
export function shellSettingsFile(dataDir: string): string {
  return path.join(dataDir, 'shell.json');
}

/** Reads the settings; a missing file gives defaults, a damaged one is renamed `.bad` and logged. */
export function loadShellSettings(file: string, logger: Logger): ShellSettings {
  sweepLegacyTemps(file);
  if (!existsSync(file)) {
    return { ...defaultShellSettings };
  }
  try {
    return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    logger.warn('shell settings unreadable: starting from defaults', e);
    try {
      renameSync(file, `${file}.bad`);
    } catch {
      // Keeping the damaged copy is best effort.
    }
    return { ...defaultShellSettings };
  }
}

/**
 * Writes the settings durably with `writeFileDurableSync`: unique temp file beside it (so the data folder's
 * sweep at start removes one a killed process left), fsync, rename. A write that fails (disk
 * full...) removes its temp file, leaves the old file as it was, and throws.
 */
export function saveShellSettings(file: string, settings: ShellSettings, io?: ShellSettingsIo): void {
  const valid = schema.parse(settings);
  writeFileDurableSync(file, `${JSON.stringify(valid, null, 2)}\n`, io);
}

/** The file operations a save uses (a test seam: fault injection for a full disk). */
export type ShellSettingsIo = DurableSyncIo;

/** The suffix of temp files of the saves before they were named by pid: `shell.json.<12 hex>.tmp`. */
const LEGACY_TEMP_SUFFIX = /^\.[0-9a-f]{12}\.tmp$/;
/** Such a temp file this old is abandoned (a save takes milliseconds). */
const ABANDONED_MS = 60 * 60_000;

/**
 * Removes the temp files of saves that an older version's process never finished (they name no
 * pid, so only those over an hour old). Newer temp files are swept with the rest of the data
 * folder's when the database opens. Never throws.
 */
function sweepLegacyTemps(file: string, now: number = Date.now()): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(base) || !LEGACY_TEMP_SUFFIX.test(name.slice(base.length))) {
      continue;
    }
    try {
      const full = path.join(dir, name);
      if (now - statSync(full).mtimeMs > ABANDONED_MS) {
        rmSync(full, { force: true });
      }
    } catch {
      // Best effort: a file that cannot be removed now is tried again at the next start.
    }
  }
}

/** The reader route of an app URL (`app://nexus/index.html#/read/...`), or null for any other. */
export function readerRouteOf(url: string): string | null {
  try {
    const hash = new URL(url).hash;
    return hash.startsWith('#/read/') ? hash : null;
  } catch {
    return null;
  }
}

/**
 * The hub to open at start: `NEXUS_HUB` when set, else the last opened hub if it is still a
 * folder, else undefined (the bundled hub).
 */
export function startupHub(envHub: string | undefined, settings: ShellSettings): string | undefined {
  if (envHub !== undefined && envHub !== '') {
    return envHub;
  }
  if (settings.lastHub === null) {
    return undefined;
  }
  try {
    return statSync(settings.lastHub).isDirectory() ? settings.lastHub : undefined;
  } catch {
    return undefined;
  }
}
