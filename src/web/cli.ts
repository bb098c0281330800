/**
 * `npm run web [-- --hub <dir>] [--port N]`: serves the app on http://127.0.0.1:<port> and prints the URL.
 * NEXUS_DATA_DIR chooses the data folder (default: ~/.nexus-companion); NEXUS_RENDERER_DIR the built
 * renderer (default: out/renderer).
 *
 * SIGTERM / SIGINT: stop taking requests, let those received finish, flush and close the backend
 * (pending saves are written, the database lock is released), say what could not be saved, exit.
 * A second signal (over two seconds later) exits at once. A failed start prints its reason and exits 1.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/createBackend';
import { createLogger } from '../backend/logger';
import { startWebHost } from './server';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { hub: { type: 'string' }, port: { type: 'string' }, 'print-token': { type: 'boolean' } },
    allowPositionals: false,
  });
  const logger = createLogger((line) => process.stderr.write(line), process.env['NEXUS_LOG_LEVEL'] === 'debug' ? 'debug' : 'warn');
  const dataDir = process.env['NEXUS_DATA_DIR'] ?? path.join(os.homedir(), '.nexus-companion');
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const backend = await createBackend({
    bundledHub: path.join(projectRoot, 'resources/hub'),
    ...(values.hub !== undefined ? { hubRoot: path.resolve(values.hub) } : {}),
    dataDir,
    host: 'web',
    version: pkg.version,
    logger,
    openExternal: null,
    progressiveOpen: true,
  });
  const host = await startWebHost({
    backend,
    rendererDir: process.env['NEXUS_RENDERER_DIR'] ?? path.join(projectRoot, 'out/renderer'),
    logger,
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
  }).catch(async (e: unknown) => {
    // The backend holds the database lock: release it before giving up.
    await backend.close().catch(() => undefined);
    throw e;
  });
  process.stdout.write(`Nexus Companion is running at ${host.url}\n`);
  if (values['print-token'] === true) {
    process.stdout.write(`token ${host.token}\n`);
  }
  let stoppingSince = 0;
  const stop = (signal: string): void => {
    if (stoppingSince > 0) {
      // Ctrl+C in `npm run web` sends SIGINT to both processes and the launcher forwards SIGTERM:
      // a second signal soon after the first is that echo, not an impatient learner.
      if (Date.now() - stoppingSince > 2000) {
        process.stderr.write(`${signal} again: exiting without waiting for pending saves.\n`);
        process.exit(130);
      }
      return;
    }
    stoppingSince = Date.now();
    void (async () => {
      let code = 0;
      try {
        await host.close();
        const report = await backend.close();
        if (report.unsaved !== null) {
          process.stderr.write(`Not everything could be saved: ${report.unsaved}\n`);
          code = 1;
        } else {
          process.stdout.write('Nexus Companion stopped; all changes are saved.\n');
        }
      } catch (e) {
        process.stderr.write(`Nexus Companion did not close cleanly: ${e instanceof Error ? e.message : String(e)}\n`);
        code = 1;
      }
      process.exit(code);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`Nexus Companion could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
