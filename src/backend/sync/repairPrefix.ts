/**
 * Puts our folder `.nexus/<handle>/` in the index and the working tree back to HEAD before a sync
 * moves the branch (docs/spec/sync.md, "Our folder in the working tree"). An interrupted sync or
 * an older version can leave a staged deletion there that the learner's next `git commit` would
 * turn into a lost note; a file someone changed there by hand is copied aside first, never lost.
 */
import { copyFile, lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { GitRunner } from '../git/gitRunner';

/** What the repair found: files that differed from HEAD and where their copies are. */
export type PrefixRepair = { changed: string[]; rescuedTo: string | null };

/** Repairs `prefix` (relative to `top`, ending in `/`); changed files are copied under `rescueDir`. */
export async function repairPrefix(git: GitRunner, top: string, prefix: string, rescueDir: string): Promise<PrefixRepair> {
  const status = await git.ok(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--ignored=no', '--ignore-submodules=all', '--', prefix], { cwd: top });
  const changed = status
    .split('\0')
    .filter((l) => l.length > 3)
    .map((l) => l.slice(3))
    .filter((p) => p.startsWith(prefix));
  if (changed.length === 0) {
    return { changed: [], rescuedTo: null };
  }
  let rescued = 0;
  for (const rel of changed) {
    const from = path.join(top, rel);
    const st = await lstat(from).catch(() => null);
    // Only regular files hold text worth keeping; a symlink is never followed.
    if (st?.isFile() === true) {
      const to = path.join(rescueDir, rel);
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(from, to);
      rescued++;
    }
  }
  // The index for our paths only: `reset -- <paths>` is a mixed reset of those paths, never --hard.
  await git.ok(['reset', '-q', '--', prefix], { cwd: top });
  // Removed without following a symlink on the way (a hostile commit could point it anywhere).
  let dir = top;
  for (const part of prefix.split('/').filter((p) => p !== '')) {
    dir = path.join(dir, part);
    const st = await lstat(dir).catch(() => null);
    if (st === null || st.isSymbolicLink() || !st.isDirectory()) {
      if (st !== null) {
        await rm(dir, { force: true });
      }
      break;
    }
    if (dir === path.join(top, prefix)) {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const tracked = await git.ok(['ls-files', '-z', '--', prefix], { cwd: top });
  if (tracked !== '') {
    await git.ok(['checkout-index', '-f', '-z', '--stdin'], { cwd: top, input: tracked });
  }
  return { changed, rescuedTo: rescued > 0 ? rescueDir : null };
}
