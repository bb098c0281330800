#!/usr/bin/env node
// Runs the Playwright suites: builds the renderer, finds a Chromium, then `playwright test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
if (chromium === null) {
  const own = spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'install', '--dry-run', 'chromium'], { encoding: 'utf8' });
  const hasOwn = own.status === 0 && /Install location:\s+(\S+)/.test(own.stdout) && existsSync(RegExp.$1);
  if (!hasOwn) {
    console.error(
      'No Chromium for the browser tests. Install one:\n' +
        '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  elsewhere:     npx playwright install chromium   (or set CHROMIUM_PATH to a Chromium/Chrome binary)',
    );
    process.exit(1);
  }
}
const step = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
if (step([path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']) !== 0) {
  process.exit(1);
}
process.exit(step([path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)]));
