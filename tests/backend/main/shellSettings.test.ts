import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Logger, createLogger } from '../../../src/backend/logger';
import { defaultShellSettings, loadShellSettings, readerRouteOf, saveShellSettings, shellSettingsFile, startupHub } from '../../../src/main/shellSettings';

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
