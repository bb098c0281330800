#!/usr/bin/env node
// `npm start`: build, then open the desktop app; where the Electron runtime is not installed and
// cannot be fetched, say so in one line and serve the same app on http://127.0.0.1:<port>.
// `npm run web [-- --hub <dir>] [--port N]`: build and serve the web host directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const passThrough = webOnly ? args.slice(1) : args;
const require = createRequire(import.meta.url);

function run(cmd, cmdArgs, opts = {}) {
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (!installed()) {
    // electron >= 45 fetches its runtime on first launch; give it one bounded try, quietly.
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  }
  return installed() ? path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
}

if (!process.env.NEXUS_SKIP_BUILD && run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']) !== 0) {
  process.exit(1);
}

const binary = webOnly ? null : electronBinary();
// Ctrl+C / SIGTERM: the app (Electron or the web host) flushes pending saves and releases the
// database lock before it exits; this launcher passes the signal on and waits for it.
function forwardSignals(child) {
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (binary !== null) {
  const child = spawn(binary, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!webOnly) {
    console.log('The Electron runtime is not installed and could not be fetched: serving the app in your browser instead.');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', ...passThrough], { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}
