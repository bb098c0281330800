/**
 * The desktop shell's own settings, kept in the data folder as `shell.json`: window state per
 * display layout, the last hub and the last topic read in it, and the theme. Validated on load
 * (a damaged file falls back to defaults and is kept aside), written atomically.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../backend/logger';

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

/** Writes the settings durably: unique temp file, fsync, rename. */
export function saveShellSettings(file: string, settings: ShellSettings): void {
  const valid = schema.parse(settings);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
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
