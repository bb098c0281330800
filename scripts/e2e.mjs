#!/usr/bin/env node
// Runs the Playwright suites: builds the renderer, finds a Chromium (installing Playwright's own
// only when none is found, see chromium.mjs), then `playwright test`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_CHROMIUM_MESSAGE, ensureChromiumHere } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = ensureChromiumHere(root);
if (chromium.found === null) {
  console.error(`${NO_CHROMIUM_MESSAGE}\n(${chromium.reason})`);
  process.exit(1);
}
const step = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
if (step([path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']) !== 0) {
  process.exit(1);
}
process.exit(step([path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)]));
