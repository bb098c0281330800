import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The installed Electron executable, or null. Reads node_modules/electron/path.txt and dist/
 * directly: requiring 'electron' from Node would try to download the runtime.
 */
export function electronBinary(projectRoot: string): string | null {
  const dir = path.join(projectRoot, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(dir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}
