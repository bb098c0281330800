import { describe, expect, it } from 'vitest';
import { type ChromiumDeps, ensureChromium, installLocations } from '../../scripts/chromium.mjs';

const DRY_RUN = `Chrome for Testing 159.0.8154.6 (playwright chromium v1255)
  Install location:    /home/u/.cache/ms-playwright/chromium-1255
  Download url:        https://cdn.playwright.dev/builds/cft/159.0.8154.6/linux64/chrome-linux64.zip

FFmpeg (playwright ffmpeg v1013)
  Install location:    /home/u/.cache/ms-playwright/ffmpeg-1013

Chrome Headless Shell 159.0.8154.6 (playwright chromium-headless-shell v1255)
  Install location:    /home/u/.cache/ms-playwright/chromium_headless_shell-1255
`;

/** A machine with the given files; `install` puts Playwright's browsers there when `installWorks`. */
function machine(files: string[], env: Record<string, string> = {}, installWorks = true) {
  const disk = new Set(files);
  const calls: string[] = [];
  const deps: ChromiumDeps = {
    env,
    exists: (f) => disk.has(f),
    ownLocations: () => installLocations(DRY_RUN),
    install: () => {
      calls.push('install');
      if (!installWorks) {
        return 1;
      }
      installLocations(DRY_RUN).forEach((p) => disk.add(p));
      return 0;
    },
    log: (line) => calls.push(`log: ${line}`),
  };
  return { deps, calls };
}

describe('e2e: finding a Chromium', () => {
  it('reads every install location of the dry run', () => {
    expect(installLocations(DRY_RUN)).toHaveLength(3);
  });

  it('prefers $CHROMIUM_PATH, then Debian’s /usr/bin/chromium, and downloads nothing then', () => {
    const withEnv = machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome' });
    expect(ensureChromium(withEnv.deps)).toEqual({ found: 'env', path: '/opt/chrome' });
    const debian = machine(['/usr/bin/chromium']);
    expect(ensureChromium(debian.deps)).toEqual({ found: 'system', path: '/usr/bin/chromium' });
    expect([...withEnv.calls, ...debian.calls]).toEqual([]);
  });

  it('uses Playwright’s own when it is installed completely', () => {
    const m = machine(installLocations(DRY_RUN));
    expect(ensureChromium(m.deps)).toEqual({ found: 'playwright', path: null });
    expect(m.calls).toEqual([]);
  });

  it('with none found, installs Playwright’s own and uses it', () => {
    const m = machine(installLocations(DRY_RUN).slice(0, 1)); // headless shell missing
    expect(ensureChromium(m.deps)).toEqual({ found: 'installed', path: null });
    expect(m.calls).toEqual([expect.stringMatching(/^log: No Chromium found: installing/), 'install']);
  });

  it('a failed install (offline) ends with the message, not a browser test run', () => {
    const m = machine([], {}, false);
    expect(ensureChromium(m.deps)).toMatchObject({ found: null, reason: 'npx playwright install chromium failed' });
    expect(m.calls).toContain('install');
  });

  it('never downloads on CI or with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD (CI installs Debian’s chromium with apt)', () => {
    for (const env of [{ CI: 'true' }, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }] as Record<string, string>[]) {
      const m = machine([], env);
      expect(ensureChromium(m.deps)).toMatchObject({ found: null });
      expect(m.calls).toEqual([]);
    }
  });
});
