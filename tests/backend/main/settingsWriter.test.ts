import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/backend/logger';
import { createSettingsWriter } from '../../../src/main/settingsWriter';
import { type ShellSettings, defaultShellSettings } from '../../../src/main/shellSettings';

describe('settings writer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a burst of route changes once, after the delay, with the latest values', () => {
    vi.useFakeTimers();
    const writes: ShellSettings[] = [];
    const settings = createSettingsWriter('shell.json', { ...defaultShellSettings }, silentLogger, 1000, (_f, s) => writes.push(s));
    for (let i = 0; i < 50; i++) {
      settings.update({ lastRoute: `#/read/doc.md/${i}` });
    }
    expect(settings.get().lastRoute).toBe('#/read/doc.md/49');
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(writes.map((w) => w.lastRoute)).toEqual(['#/read/doc.md/49']);
  });

  it('flush writes pending changes at once, and only when there are some', () => {
    const writes: ShellSettings[] = [];
    const settings = createSettingsWriter('shell.json', { ...defaultShellSettings }, silentLogger, 60_000, (_f, s) => writes.push(s));
    settings.flush();
    expect(writes).toEqual([]);
    settings.update({ theme: 'dark' });
    settings.flush();
    settings.flush();
    expect(writes.map((w) => w.theme)).toEqual(['dark']);
  });

  it('a failed write is logged, not thrown', () => {
    const warned: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => void warned.push(m) };
    const settings = createSettingsWriter('shell.json', { ...defaultShellSettings }, logger, 10, () => {
      throw new Error('EROFS');
    });
    settings.update({ theme: 'light' });
    expect(() => settings.flush()).not.toThrow();
    expect(warned).toEqual(['shell settings not saved']);
  });
});
