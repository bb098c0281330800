/** Writes our files under `.nexus/<handle>/` in the working tree, never through a symlink. */
import { lstat, mkdir, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RepoFile } from '../../core/sync/types';

async function isSymlink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Every file path under `dir`, relative to it (symlinks are listed as files to be removed). */
async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) {
      out.push(...(await listFiles(dir, r)));
    } else {
      out.push(r);
    }
  }
  return out;
}

/**
 * Makes `<top>/<prefix>` hold exactly `files` (our folder only). A symlink anywhere on the way is
 * removed rather than followed, so a hostile commit cannot make us write outside the repo.
 */
export async function writeOurFiles(top: string, prefix: string, files: readonly RepoFile[]): Promise<void> {
  const parts = prefix.split('/').filter((p) => p !== '');
  let dir = top;
  for (const p of parts) {
    dir = path.join(dir, p);
    if (await isSymlink(dir)) {
      await unlink(dir);
    }
  }
  await mkdir(dir, { recursive: true });
  const keep = new Set(files.map((f) => f.path));
  for (const existing of await listFiles(dir)) {
    if (!keep.has(existing) && (existing === 'progress.json' || existing.startsWith('notes/'))) {
      await rm(path.join(dir, existing), { force: true });
    }
  }
  for (const f of files) {
    const segments = f.path.split('/');
    let d = dir;
    for (const s of segments.slice(0, -1)) {
      d = path.join(d, s);
      if (await isSymlink(d)) {
        await unlink(d);
      }
      await mkdir(d, { recursive: true });
    }
    const target = path.join(dir, ...segments);
    if (await isSymlink(target)) {
      await unlink(target);
    }
    await writeFile(target, f.text, 'utf8');
  }
}
