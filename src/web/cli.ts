/**
 * `npm run web [-- --hub <dir>] [--port N]`: serves the app on http://127.0.0.1:<port> and prints the URL.
 * NEXUS_DATA_DIR chooses the data folder (default: ~/.nexus-companion).
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
  });
  const host = await startWebHost({
    backend,
    rendererDir: path.join(projectRoot, 'out/renderer'),
    logger,
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
  });
  process.stdout.write(`Nexus Companion is running at ${host.url}\n`);
  if (values['print-token'] === true) {
    process.stdout.write(`token ${host.token}\n`);
  }
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
