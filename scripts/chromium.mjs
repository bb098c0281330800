// Finds the Chromium the browser tests drive, installing Playwright's own only when none is found.
// Used by scripts/e2e.mjs; the decisions are a pure function of what it is given (tested in
// tests/backend/e2eChromium.test.ts). Debian's chromium stays preferred: CI installs it with apt
// (.ci/run), so CI never downloads a browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Printed when no Chromium is found and none could be installed. */
export const NO_CHROMIUM_MESSAGE =
  'No Chromium for the browser tests. Install one:\n' +
  '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
  '  elsewhere:     npx playwright install chromium   (or set CHROMIUM_PATH to a Chromium/Chrome binary)';

/** Where `playwright install --dry-run chromium` says its browsers go (Chromium, headless shell, ffmpeg). */
export function installLocations(dryRunOutput) {
  return [...dryRunOutput.matchAll(/Install location:\s+(\S+)/g)].map((m) => m[1]);
}

/**
 * $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own if installed, else (unless
 * downloads are off: $CI or $PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD) `playwright install chromium`.
 */
export function ensureChromium({ env, exists, ownLocations, install, log }) {
  if (env.CHROMIUM_PATH) {
    return { found: 'env', path: env.CHROMIUM_PATH };
  }
  if (exists('/usr/bin/chromium')) {
    return { found: 'system', path: '/usr/bin/chromium' };
  }
  const installed = () => {
    const where = ownLocations();
    return where !== null && where.length > 0 && where.every((p) => exists(p));
  };
  if (installed()) {
    return { found: 'playwright', path: null };
  }
  if (env.CI || env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD) {
    return { found: null, path: null, reason: 'downloads are off here ($CI or $PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD)' };
  }
  log('No Chromium found: installing Playwright’s own (npx playwright install chromium)…');
  if (install() === 0 && installed()) {
    return { found: 'installed', path: null };
  }
  return { found: null, path: null, reason: 'npx playwright install chromium failed' };
}

/** ensureChromium with the real environment, disk and Playwright CLI of the checkout at `root`. */
export function ensureChromiumHere(root) {
  const cli = path.join(root, 'node_modules/@playwright/test/cli.js');
  return ensureChromium({
    env: process.env,
    exists: existsSync,
    ownLocations: () => {
      const run = spawnSync(process.execPath, [cli, 'install', '--dry-run', 'chromium'], { encoding: 'utf8' });
      return run.status === 0 ? installLocations(run.stdout) : null;
    },
    install: () => spawnSync(process.execPath, [cli, 'install', 'chromium'], { cwd: root, stdio: 'inherit' }).status ?? 1,
    log: (line) => process.stderr.write(`${line}\n`),
  });
}
