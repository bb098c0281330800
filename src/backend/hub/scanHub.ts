/** Walks a hub folder: which files exist, which are docs, and which cannot be read and why. */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HubProblem } from '../../core/hub/types';
import { isInside } from '../pathInside';

/** Largest file listed at all (docs are capped lower when parsed). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_FILES = 50_000;
const MAX_DEPTH = 32;
const SKIPPED_DIRS = new Set(['node_modules']);

/** A readable file of the hub. */
export type ScannedFile = { path: string; bytes: number; mtimeMs: number };

/** What a scan found. */
export type HubScan = { realRoot: string; files: ScannedFile[]; problems: HubProblem[] };

/** True for the files the reader shows as docs. */
export function isMarkdown(p: string): boolean {
  return /\.(md|mdx|markdown)$/i.test(p);
}

/** Scans `root`. Never throws for a bad file: each becomes a problem. Throws if root is unusable. */
export async function scanHub(root: string): Promise<HubScan> {
  const realRoot = await realpath(root);
  const rootStat = await stat(realRoot);
  if (!rootStat.isDirectory()) {
    throw new Error(`${root} is not a folder`);
  }
  const files: ScannedFile[] = [];
  const problems: HubProblem[] = [];
  const visitedDirs = new Set<string>([realRoot]);

  const walk = async (dirReal: string, rel: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dirReal, { withFileTypes: true });
    } catch (e) {
      problems.push({
        path: rel || '.',
        code: 'unreadable',
        severity: 'error',
        message: `Folder could not be read: ${(e as Error).message}`,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= MAX_FILES) {
        problems.push({
          path: rel || '.',
          code: 'too-large',
          severity: 'error',
          message: `More than ${MAX_FILES} files: the rest are not read.`,
        });
        return;
      }
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const childAbs = path.join(dirReal, entry.name);
      if (entry.name === '.git') {
        problems.push({ path: childRel, code: 'git-internal', severity: 'warning', message: 'git internals are never read.' });
        continue;
      }
      if (SKIPPED_DIRS.has(entry.name) && entry.isDirectory()) {
        continue;
      }
      let info = await lstat(childAbs).catch(() => null);
      if (info === null) {
        problems.push({ path: childRel, code: 'unreadable', severity: 'error', message: 'Could not be read.' });
        continue;
      }
      let real = childAbs;
      if (info.isSymbolicLink()) {
        const target = await realpath(childAbs).catch(() => null);
        if (target === null) {
          problems.push({ path: childRel, code: 'unreadable', severity: 'error', message: 'Broken symbolic link.' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          problems.push({
            path: childRel,
            code: 'symlink-outside',
            severity: 'error',
            message: 'Symbolic link to a place outside the hub: not read.',
          });
          continue;
        }
        real = target;
        info = await stat(target);
      }
      if (info.isDirectory()) {
        if (visitedDirs.has(real) || depth >= MAX_DEPTH) {
          continue;
        }
        visitedDirs.add(real);
        await walk(real, childRel, depth + 1);
      } else if (info.isFile()) {
        if (info.size > MAX_FILE_BYTES) {
          problems.push({
            path: childRel,
            code: 'too-large',
            severity: 'error',
            message: `Larger than ${MAX_FILE_BYTES / 1048576} MiB: not read.`,
          });
          continue;
        }
        files.push({ path: childRel, bytes: info.size, mtimeMs: info.mtimeMs });
      } else if (isMarkdown(childRel) || !entry.name.startsWith('.')) {
        problems.push({
          path: childRel,
          code: 'special-file',
          severity: 'error',
          message: 'Not a regular file (FIFO, socket or device): not read.',
        });
      }
    }
  };
  await walk(realRoot, '', 0);
  return { realRoot, files, problems };
}
