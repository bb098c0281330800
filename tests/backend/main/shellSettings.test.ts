import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Logger, createLogger } from '../../../src/backend/logger';
import { errorCode, sweepTempFiles } from '../../../src/backend/store/durableWrite';
import {
  type ShellSettingsIo,
  defaultShellSettings,
  loadShellSettings,
  readerRouteOf,
  saveShellSettings,
  shellSettingsFile,
  startupHub,
} from '../../../src/main/shellSettings';

const realIo: ShellSettingsIo = { openSync, writeFileSync, fsyncSync, closeSync, renameSync };
const fault = (code: string) => (): never => {
  throw Object.assign(new Error(`${code}: injected`), { code });
};

describe('shell settings', () => {
  let dir: string;
  let lines: string[];
  let logger: Logger;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-shell-'));
    lines = [];
    logger = createLogger((line) => lines.push(line));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts from defaults and round-trips what was saved', () => {
    const file = shellSettingsFile(dir);
    expect(loadShellSettings(file, logger)).toEqual(defaultShellSettings);
    const saved = {
      ...defaultShellSettings,
      lastHub: '/home/me/alx-project-nexus',
      lastRoute: '#/read/docs%2Fguide.md/setup',
      theme: 'dark' as const,
      windows: { '1@0,0,1440x860': { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: true } },
    };
    saveShellSettings(file, saved);
    expect(loadShellSettings(file, logger)).toEqual(saved);
    expect(readdirSync(dir)).toEqual(['shell.json']); // no temp file left behind
  });

  it('keeps a damaged file aside, logs it and starts from defaults', () => {
    const file = shellSettingsFile(dir);
    writeFileSync(file, '{"version":1,"theme":"neon"');
    expect(loadShellSettings(file, logger)).toEqual(defaultShellSettings);
    expect(readFileSync(`${file}.bad`, 'utf8')).toContain('neon');
    expect(lines.join('')).toContain('shell settings unreadable');
    writeFileSync(file, JSON.stringify({ ...defaultShellSettings, theme: 'neon' }));
    expect(loadShellSettings(file, logger).theme).toBe('system');
  });

  it('refuses to write invalid settings', () => {
    expect(() => saveShellSettings(shellSettingsFile(dir), { ...defaultShellSettings, lastRoute: 'x'.repeat(5000) })).toThrow();
    expect(existsSync(shellSettingsFile(dir))).toBe(false);
  });

  describe('a save that fails (issue 12: no partial or temp file is left behind)', () => {
    const saved = { ...defaultShellSettings, theme: 'dark' as const };
    const newer = { ...defaultShellSettings, theme: 'light' as const, lastRoute: '#/read/README.md/intro' };

    it.each<[string, Partial<ShellSettingsIo>]>([
      [
        'the disk fills while writing',
        {
          writeFileSync: (fd, text) => {
            // Half the text lands, then the disk is full.
            writeFileSync(fd, text.slice(0, text.length / 2));
            fault('ENOSPC')();
          },
        },
      ],
      ['fsync reports an I/O error', { fsyncSync: fault('EIO') }],
      ['the rename is refused', { renameSync: fault('EPERM') }],
    ])('%s: throws, removes its temp file and keeps the old settings (fault injection)', (_what, broken) => {
      const file = shellSettingsFile(dir);
      saveShellSettings(file, saved);
      const error = (() => {
        try {
          saveShellSettings(file, newer, { ...realIo, ...broken });
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(['ENOSPC', 'EIO', 'EPERM']).toContain(errorCode(error));
      expect(readdirSync(dir)).toEqual(['shell.json']);
      expect(loadShellSettings(file, logger)).toEqual(saved);
      // Once the disk has room again, the next save lands.
      saveShellSettings(file, newer);
      expect(loadShellSettings(file, logger)).toEqual(newer);
      expect(readdirSync(dir)).toEqual(['shell.json']);
    });

    it('a temp file that cannot even be created leaves nothing (fault injection: read-only folder)', () => {
      const file = shellSettingsFile(dir);
      expect(() => saveShellSettings(file, saved, { ...realIo, openSync: fault('EROFS') })).toThrow(/EROFS/);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('names its temp file so the data folder sweep at start removes one a killed process left', async () => {
      const file = shellSettingsFile(dir);
      const opened: string[] = [];
      // The process "dies" between open and rename: the temp file stays, as after a kill -9.
      expect(() =>
        saveShellSettings(file, saved, {
          ...realIo,
          openSync: (f, flags, mode) => {
            opened.push(f);
            return openSync(f, flags, mode);
          },
          renameSync: fault('EINTR'),
        }),
      ).toThrow();
      const temp = path.basename(opened[0] ?? '');
      expect(temp).toMatch(new RegExp(`^\\.shell\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
      // A leftover of a dead process under this name is swept (the study store sweeps the data folder at start).
      const leftover = temp.replace(`.${process.pid}.`, '.999999999.');
      writeFileSync(path.join(dir, leftover), '{"version":1,');
      expect(await sweepTempFiles(dir)).toEqual([leftover]);
    });

    it('on load, removes temp files an older version left (no pid in the name) once they are over an hour old', () => {
      const file = shellSettingsFile(dir);
      saveShellSettings(file, saved);
      const old = path.join(dir, 'shell.json.0123456789ab.tmp');
      const recent = path.join(dir, 'shell.json.ba9876543210.tmp');
      writeFileSync(old, '{"version":1,');
      writeFileSync(recent, '{"version":1,');
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
      utimesSync(old, twoHoursAgo, twoHoursAgo);
      expect(loadShellSettings(file, logger)).toEqual(saved);
      expect(readdirSync(dir).sort()).toEqual(['shell.json', 'shell.json.ba9876543210.tmp']);
    });
  });

  it('remembers only reader routes of the app', () => {
    expect(readerRouteOf('app://nexus/index.html#/read/README.md/intro')).toBe('#/read/README.md/intro');
    expect(readerRouteOf('app://nexus/index.html#/')).toBeNull();
    expect(readerRouteOf('app://nexus/index.html')).toBeNull();
    expect(readerRouteOf('::')).toBeNull();
  });

  it('reopens the last hub only while it still exists; NEXUS_HUB wins', () => {
    const hub = path.join(dir, 'hub');
    mkdirSync(hub);
    const settings = { ...defaultShellSettings, lastHub: hub };
    expect(startupHub(undefined, settings)).toBe(hub);
    expect(startupHub('/elsewhere', settings)).toBe('/elsewhere');
    expect(startupHub(undefined, { ...settings, lastHub: path.join(dir, 'gone') })).toBeUndefined();
    expect(startupHub('', defaultShellSettings)).toBeUndefined();
  });
});
