/** One sync, step by step (docs/spec/sync.md, "The algorithm"). */
import type { SyncStepName } from '../../core/api/syncApi';
import type { Note, ProgressEntry, SyncBase } from '../../core/db/schema';
import { mergeReview } from '../../core/review/merge';
import { emptyReviewState } from '../../core/review/reviewSchema';
import { mergeProgress } from '../../core/sync/merge';
import { type Reconciled, noteHash, reconcileNotes } from '../../core/sync/reconcile';
import { NOTES_DIR, exportFiles, readSide } from '../../core/sync/repoFiles';
import { commitMessage } from '../../core/sync/summary';
import type { ConflictOrigin, RepoFile, SyncCounts, SyncProgress, SyncSide, Tombstones } from '../../core/sync/types';
import { SyncError, classifyRemoteError, firstErrorLine, syncError } from '../git/gitErrors';
import type { Repo, RepoInfo, TreeEntry } from '../git/repo';
import type { StudyService } from '../study/studyService';
import { repairPrefix } from './repairPrefix';

/** What a run needs. */
export type RunDeps = {
  repo: Repo;
  info: RepoInfo;
  handle: string;
  machine: string;
  study: StudyService;
  scratch: string;
  /** Where files changed by hand under our folder are copied before it is repaired. */
  rescueDir: string;
  /** Names the repo in the sync base (handle and remote URL). */
  baseKey: string;
  /** Note ids the learner confirmed may be deleted from the repo (the mass-deletion guard). */
  confirmDeletions: ReadonlySet<string>;
  now: () => Date;
  /** Reports a step's state (events, journal). */
  step(step: SyncStepName, state: 'running' | 'done' | 'skipped', detail?: string): Promise<void>;
  /** Saves the backup ref name in the journal. */
  backedUp(ref: string): Promise<void>;
};

/** What a run produced. */
export type RunOutcome = { counts: SyncCounts; commit: string | null; conflicts: Array<[string, string]>; theirFilesChanged: boolean; notices: string[] };

/** The sync stopped before changing anything because it would delete most of the repo's notes. */
export class ConfirmDeletionsError extends SyncError {
  constructor(readonly pending: Array<{ id: string; title: string }>) {
    super('confirm-deletions', syncError('confirm-deletions').message, `${pending.length} notes would be deleted`);
  }
}

/** The guard: more than half of the repo's notes, and at least 3 of them. */
export function needsConfirmation(deleting: number, repoNotes: number): boolean {
  return deleting >= 3 && deleting * 2 > repoNotes;
}

const toSync = (p: Readonly<Record<string, ProgressEntry>>): SyncProgress =>
  Object.fromEntries(Object.entries(p).map(([id, e]) => [id, { state: e.state, updatedAt: e.updatedAt, doneAt: e.doneAt }]));

const SPECIAL = new Set(['progress.json', 'review.json', 'tombstones.json']);

/** The repo's files under our folder that we keep as they are: not ours to rewrite (unreadable notes, other files). */
function keptFiles(files: readonly RepoFile[], side: SyncSide): RepoFile[] {
  const skipped = new Set(side.skipped);
  return files.filter((f) => f.sha !== undefined && !SPECIAL.has(f.path) && (!(f.path.startsWith(NOTES_DIR) && f.path.endsWith('.md')) || skipped.has(f.path)));
}

/**
 * Kept files that would clash with our files as file vs folder (a file or symlink named `notes`,
 * say, where note files must go) move to `kept/<blob>-<path>`; nothing is dropped, and the notes
 * still get their paths.
 */
function placeKept(kept: readonly RepoFile[], ours: readonly RepoFile[]): { files: RepoFile[]; moved: number } {
  const paths = ours.map((f) => f.path);
  let moved = 0;
  const files = kept.map((k) => {
    const clash = paths.some((p) => p.startsWith(`${k.path}/`) || k.path.startsWith(`${p}/`) || p === k.path);
    if (!clash) {
      return k;
    }
    moved++;
    return { ...k, path: `kept/${(k.sha ?? '').slice(0, 8)}-${k.path.replace(/\//g, '__')}` };
  });
  return { files, moved };
}

/** One commit's side of our folder. */
type RepoState = { side: SyncSide; kept: RepoFile[] };

async function stateAt(repo: Repo, commit: string | null, prefix: string): Promise<RepoState> {
  const files = await repo.readPrefix(commit, prefix);
  const side = readSide(files);
  return { side, kept: keptFiles(files, side) };
}

const hashesOf = (notes: readonly Note[]): Record<string, string> => Object.fromEntries(notes.map((n) => [n.id, noteHash(n)]));

/** The repo's side when the local branch and the remote diverged: both merged against their git merge base. */
async function divergedSide(repo: Repo, head: string, remoteHead: string, prefix: string, origin: ConflictOrigin): Promise<RepoState> {
  const [h, r] = await Promise.all([stateAt(repo, head, prefix), stateAt(repo, remoteHead, prefix)]);
  const gb = await repo.mergeBase(head, remoteHead);
  const base = (await stateAt(repo, gb, prefix)).side;
  const nm = reconcileNotes(h.side, r.side, hashesOf(base.notes), origin);
  const review = mergeReview(h.side.review ?? emptyReviewState(), r.side.review ?? emptyReviewState());
  const kept = new Map([...h.kept, ...r.kept].map((f) => [f.path, f]));
  return {
    side: { notes: nm.notes, tombstones: nm.tombstones, progress: mergeProgress(h.side.progress, r.side.progress).progress, review, skipped: [...new Set([...h.side.skipped, ...r.side.skipped])] },
    kept: [...kept.values()],
  };
}

/** Runs fetch -> merge -> commit -> import -> push. Throws SyncError on failure. */
export async function runSync(d: RunDeps): Promise<RunOutcome> {
  const { repo, info } = d;
  const git = repo.git;
  const cwd = info.top;
  const prefix = `.nexus/${d.handle}/`;
  const branchRef = `refs/heads/${info.branch}`;
  const notices: string[] = [];

  // What this database holds now, and what it last synced with this repo (its sync base).
  await d.step('export', 'running');
  const db = d.study.store.data;
  const exported: Note[] = db.notes.map((n) => ({ ...n, tags: [...n.tags] }));
  const exportedTombstones: Tombstones = { ...db.tombstones };
  const known = Object.hasOwn(db.syncBases, d.baseKey) ? db.syncBases[d.baseKey] : undefined;
  const base = known?.notes ?? {};
  const localProgress = toSync(db.progress);
  const localReview = db.review;
  await d.step('export', 'done', `${exported.length} notes, ${Object.keys(localProgress).length} topics${known === undefined ? ', first sync of this database with this repo' : ''}`);

  await d.step('fetch', 'running');
  const remoteRef = `refs/remotes/${info.remote}/${info.branch}`;
  const fetched = await git.run(['fetch', '--no-tags', '--no-recurse-submodules', '--no-write-fetch-head', info.remote, `+${branchRef}:${remoteRef}`], { cwd });
  let remoteHead: string | null = null;
  if (fetched.code === 0) {
    remoteHead = (await git.ok(['rev-parse', '--verify', `${remoteRef}^{commit}`], { cwd })).trim();
  } else if (!/couldn't find remote ref/i.test(fetched.stderr)) {
    const code = classifyRemoteError(fetched.stderr);
    throw code === 'git-failed' ? syncError('git-failed', `git fetch: ${firstErrorLine(fetched.stderr)}`) : new SyncError(code, syncError(code).message, firstErrorLine(fetched.stderr));
  }
  await d.step('fetch', 'done', remoteHead === null ? 'the remote branch does not exist yet' : remoteHead.slice(0, 10));

  await d.step('merge', 'running');
  const head = info.head;
  // A conflict copy names the machine and time of the remote sync commit it came from.
  const origin = (remoteHead !== null ? await repo.syncOrigin(remoteHead) : null) ?? { machine: 'the repo', time: d.now().toISOString().slice(0, 16).replace('T', ' ') };
  let parents: string[];
  let treeBase: string | null;
  let repoState: RepoState;
  if (remoteHead === null || remoteHead === head || (head !== null && (await repo.isAncestor(remoteHead, head)))) {
    parents = head !== null ? [head] : [];
    treeBase = head;
    repoState = await stateAt(repo, head, prefix);
  } else if (head === null || (await repo.isAncestor(head, remoteHead))) {
    parents = [remoteHead];
    treeBase = remoteHead;
    repoState = await stateAt(repo, remoteHead, prefix);
  } else {
    const mt = await repo.mergeTree(head, remoteHead);
    const theirs = mt.conflicted.filter((p) => !p.startsWith(prefix));
    if (theirs.length > 0) {
      throw new SyncError('repo-conflict', syncError('repo-conflict').message, theirs.slice(0, 10).join(', '));
    }
    parents = [head, remoteHead];
    treeBase = mt.tree;
    repoState = await divergedSide(repo, head, remoteHead, prefix, origin);
  }
  const repoSide = repoState.side;
  const nm: Reconciled = reconcileNotes({ notes: exported, tombstones: exportedTombstones }, { notes: repoSide.notes, tombstones: repoSide.tombstones }, base, origin);
  const unconfirmed = nm.deletedRemotely.filter((n) => !d.confirmDeletions.has(n.id));
  if (unconfirmed.length > 0 && needsConfirmation(nm.deletedRemotely.length, repoSide.notes.length)) {
    throw new ConfirmDeletionsError(nm.deletedRemotely.map((n) => ({ id: n.id, title: n.title || '(untitled)' })));
  }
  const pm = mergeProgress(localProgress, repoSide.progress);
  const review = mergeReview(localReview, repoSide.review ?? emptyReviewState());
  const reserved = new Set(repoState.kept.map((f) => f.path));
  const files = exportFiles(nm.notes, pm.progress, review, nm.tombstones, reserved);
  const kept = placeKept(repoState.kept, files);
  if (kept.moved > 0) {
    notices.push(`${kept.moved} file(s) under ${prefix} that were in the way of notes were moved to ${prefix}kept/`);
  }
  const shas = await repo.hashTexts(files.map((f) => f.text), d.scratch);
  const entries: TreeEntry[] = [...files.map((f, i) => ({ path: `${prefix}${f.path}`, sha: shas[i] ?? '' })), ...kept.files.map((f) => ({ path: `${prefix}${f.path}`, sha: f.sha ?? '', ...(f.mode !== undefined ? { mode: f.mode } : {}) }))];
  const tree = await repo.treeWith(treeBase, prefix, entries, d.scratch);
  const first = parents[0] ?? null;
  let target: string | null = first;
  if (parents.length > 1 || tree !== (await repo.treeOf(first))) {
    // By id, once: a sync of thousands of notes must not search the lists for each note.
    const inRepo = new Set(repoSide.notes.map((r) => r.id));
    const merged = new Map(nm.notes.map((n) => [n.id, n]));
    const message = commitMessage(d.handle, d.machine, {
      added: nm.notes.filter((n) => !inRepo.has(n.id)).map((n) => n.title || '(untitled)'),
      changed: nm.up.filter((id) => inRepo.has(id) && merged.has(id)).map((id) => merged.get(id)?.title || '(untitled)'),
      deleted: nm.deletedRemotely.map((n) => n.title || '(untitled)'),
      topics: Object.keys(pm.progress).filter((id) => JSON.stringify(pm.progress[id]) !== JSON.stringify(repoSide.progress[id])).length,
    });
    target = await repo.commitTree(tree, parents, message);
  }
  await d.step('merge', 'done', `${nm.down.length} down, ${nm.up.length} up, ${nm.conflicts.length} conflict copies`);

  // The branch moves first (a fast-forward that also updates the working tree), then the database:
  // a crash in between leaves a commit holding everything, which the next sync merges as usual.
  await d.step('commit', 'running');
  // Always, even with nothing to commit: a staged deletion left there by an interrupted sync must
  // not wait for the learner's next `git commit`.
  const repair = await repairPrefix(git, cwd, prefix, d.rescueDir);
  if (repair.rescuedTo !== null) {
    notices.push(`${repair.changed.length} uncommitted file(s) under ${prefix} were copied to ${repair.rescuedTo} before the sync rewrote that folder`);
  }
  let theirFilesChanged = false;
  if (target !== null && target !== head) {
    if (head !== null) {
      const ref = `refs/nexus/backup/${d.now().toISOString().replace(/[:.]/g, '-')}`;
      await repo.casRef(ref, head, null, 'nexus: backup before sync');
      await d.backedUp(ref);
      const changed = await git.ok(['diff-tree', '-r', '--name-only', '--no-commit-id', '--no-renames', head, target], { cwd });
      theirFilesChanged = changed.split('\n').some((p) => p !== '' && !p.startsWith('.nexus/'));
    }
    const ff = await git.run(['merge', '--ff-only', '--no-stat', '--no-edit', '--no-verify', target], { cwd });
    if (ff.code !== 0) {
      if (/would be overwritten|untracked working tree files/i.test(ff.stderr)) {
        const filesList = ff.stderr
          .split('\n')
          .filter((l) => /^\s+\S/.test(l))
          .map((l) => l.trim())
          .slice(0, 10);
        throw new SyncError('dirty', syncError('dirty').message, filesList.join(', '));
      }
      throw syncError('git-failed', `git merge --ff-only: ${firstErrorLine(ff.stderr)}`);
    }
    await d.step('commit', 'done', target.slice(0, 10));
  } else {
    await d.step('commit', 'skipped', 'nothing new here');
  }

  await d.step('import', 'running');
  const syncBase: SyncBase = { key: d.baseKey, commit: target, at: d.now().toISOString(), notes: hashesOf(nm.notes) };
  await d.study.applySync(
    { notes: exported, tombstones: exportedTombstones },
    { notes: nm.notes, tombstones: nm.tombstones, progress: pm.progress, review, deleted: nm.deletedLocally, base: syncBase },
  );
  await d.step('import', 'done', `${nm.down.length} notes, ${pm.down.length} topics`);

  await d.step('push', 'running');
  if (target !== null && target !== remoteHead) {
    const pushed = await git.run(['push', '--no-verify', '--porcelain', info.remote, `${target}:${branchRef}`], { cwd });
    if (pushed.code !== 0) {
      const code = classifyRemoteError(`${pushed.stderr}\n${pushed.stdout}`);
      throw code === 'git-failed' ? syncError('git-failed', `git push: ${firstErrorLine(pushed.stderr)}`) : new SyncError(code, syncError(code).message, firstErrorLine(pushed.stderr));
    }
    await git.run(['update-ref', remoteRef, target], { cwd });
    await d.step('push', 'done', target.slice(0, 10));
  } else {
    await d.step('push', 'skipped', 'the repo already has everything');
  }
  const skipped = new Set(repoSide.skipped).size;
  return { counts: { notesUp: nm.up.length, notesDown: nm.down.length, topicsMerged: pm.merged, conflicts: nm.conflicts.length, skipped }, commit: target, conflicts: nm.conflicts, theirFilesChanged, notices };
}
