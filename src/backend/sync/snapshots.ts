/** Snapshots of the learner's notes: the backup refs a sync leaves (docs/spec/sync.md, "Snapshots"). */
import type { SyncSnapshot } from '../../core/api/syncApi';
import type { Note } from '../../core/db/schema';
import { readSide } from '../../core/sync/repoFiles';
import type { Repo } from '../git/repo';

const REF_PREFIX = 'refs/nexus/backup/';

/** `2025-01-02T10-00-00-000Z` (a ref name) -> `2025-01-02T10:00:00.000Z`. */
function refTime(name: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(name);
  return m === null ? name : `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
}

/** Every backup ref with its time and how many notes of ours it holds, newest first. */
export async function listSnapshots(repo: Repo, prefix: string): Promise<SyncSnapshot[]> {
  const out = await repo.git.run(['for-each-ref', '--format=%(refname)', '--sort=-refname', REF_PREFIX], { cwd: repo.cwd });
  const refs = out.stdout.split('\n').filter((r) => r.startsWith(REF_PREFIX));
  const snapshots: SyncSnapshot[] = [];
  for (const ref of refs) {
    const files = await repo.git.run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', ref, '--', `${prefix}notes/`], { cwd: repo.cwd });
    const notes = files.stdout.split('\0').filter((p) => p.endsWith('.md')).length;
    snapshots.push({ ref, at: refTime(ref.slice(REF_PREFIX.length)), notes });
  }
  return snapshots;
}

/** The notes a snapshot holds, or null when the ref is gone. */
export async function snapshotNotes(repo: Repo, ref: string, prefix: string): Promise<Note[] | null> {
  const sha = await repo.git.run(['rev-parse', '-q', '--verify', `${ref}^{commit}`], { cwd: repo.cwd });
  if (sha.code !== 0) {
    return null;
  }
  return readSide(await repo.readPrefix(sha.stdout.trim(), prefix)).notes;
}
