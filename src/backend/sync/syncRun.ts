/** One sync, step by step (docs/spec/sync.md, "The algorithm"). */
import type { SyncStepName } from '../../core/api/syncApi';
import type { Note, ProgressEntry } from '../../core/db/schema';
import { mergeReview } from '../../core/review/merge';
import { emptyReviewState } from '../../core/review/reviewSchema';
import { mergeNotes, mergeProgress } from '../../core/sync/merge';
import { exportFiles, readSide } from '../../core/sync/repoFiles';
import { commitMessage } from '../../core/sync/summary';
import type { RepoFile, SyncCounts, SyncProgress, SyncSide } from '../../core/sync/types';
import { SyncError, classifyRemoteError, firstErrorLine, syncError } from '../git/gitErrors';
import type { Repo, RepoInfo, TreeEntry } from '../git/repo';
import type { StudyService } from '../study/studyService';
import { writeOurFiles } from './ourFiles';

/** What a run needs. */
export type RunDeps = {
  repo: Repo;
  info: RepoInfo;
  handle: string;
  machine: string;
  study: StudyService;
  scratch: string;
  now: () => Date;
  /** Reports a step's state (events, journal). */
  step(step: SyncStepName, state: 'running' | 'done' | 'skipped', detail?: string): Promise<void>;
  /** Saves the backup ref name in the journal. */
  backedUp(ref: string): Promise<void>;
};

/** What a run produced. */
export type RunOutcome = { counts: SyncCounts; commit: string | null; conflicts: Array<[string, string]>; theirFilesChanged: boolean };

const toSync = (p: Readonly<Record<string, ProgressEntry>>): SyncProgress =>
  Object.fromEntries(Object.entries(p).map(([id, e]) => [id, { state: e.state, updatedAt: e.updatedAt, doneAt: e.doneAt }]));

async function hashAll(d: RunDeps, prefix: string, files: readonly RepoFile[]): Promise<TreeEntry[]> {
  const shas = await d.repo.hashTexts(files.map((f) => f.text), d.scratch);
  return files.map((f, i) => ({ path: `${prefix}${f.path}`, sha: shas[i] ?? '' }));
}

function exportChanges(before: SyncSide, after: readonly Note[], progressBefore: SyncProgress, progressAfter: SyncProgress): Parameters<typeof commitMessage>[2] {
  const old = new Map(before.notes.map((n) => [n.id, n]));
  const ids = new Set(after.map((n) => n.id));
  const topics = Object.keys(progressAfter).filter((id) => JSON.stringify(progressAfter[id]) !== JSON.stringify(progressBefore[id])).length;
  return {
    added: after.filter((n) => !old.has(n.id)).map((n) => n.title || '(untitled)'),
    changed: after.filter((n) => old.has(n.id) && JSON.stringify(old.get(n.id)) !== JSON.stringify(n)).map((n) => n.title || '(untitled)'),
    deleted: before.notes.filter((n) => !ids.has(n.id)).map((n) => n.title || '(untitled)'),
    topics,
  };
}

/** Runs export -> commit -> fetch -> merge -> import -> push. Throws SyncError on failure. */
export async function runSync(d: RunDeps): Promise<RunOutcome> {
  const { repo, info } = d;
  const git = repo.git;
  const cwd = info.top;
  const prefix = `.nexus/${d.handle}/`;
  const branchRef = `refs/heads/${info.branch}`;

  await d.step('export', 'running');
  const db = d.study.store.data;
  const exported: Note[] = db.notes.map((n) => ({ ...n, tags: [...n.tags] }));
  const localProgress = toSync(db.progress);
  const files = exportFiles(exported, localProgress, db.review);
  await writeOurFiles(cwd, prefix, files);
  const entries = await hashAll(d, prefix, files);
  const headFiles = await repo.readPrefix(info.head, prefix);
  const tree = await repo.treeWith(info.head, prefix, entries, d.scratch);
  await d.step('export', 'done', `${exported.length} notes, ${Object.keys(localProgress).length} topics`);

  await d.step('commit', 'running');
  let head = info.head;
  if (tree !== (await repo.treeOf(head))) {
    if (head !== null) {
      const ref = `refs/nexus/backup/${d.now().toISOString().replace(/[:.]/g, '-')}`;
      await repo.casRef(ref, head, null, 'nexus: backup before sync');
      await d.backedUp(ref);
    }
    const before = readSide(headFiles);
    const message = commitMessage(d.handle, d.machine, exportChanges(before, exported, before.progress, localProgress));
    const commit = await repo.commitTree(tree, head !== null ? [head] : [], message);
    await repo.casRef(branchRef, commit, head, 'nexus: sync export');
    const kept = new Set(files.map((f) => f.path));
    await repo.setIndexPrefix(prefix, entries, headFiles.filter((f) => !kept.has(f.path)).map((f) => `${prefix}${f.path}`));
    head = commit;
    await d.step('commit', 'done', commit.slice(0, 10));
  } else {
    await d.step('commit', 'skipped', 'nothing new here');
  }

  await d.step('fetch', 'running');
  const remoteRef = `refs/remotes/${info.remote}/${info.branch}`;
  const fetched = await git.run(['fetch', '--no-tags', '--no-recurse-submodules', info.remote, `+${branchRef}:${remoteRef}`], { cwd });
  let remoteHead: string | null = null;
  if (fetched.code === 0) {
    remoteHead = (await git.ok(['rev-parse', '--verify', `${remoteRef}^{commit}`], { cwd })).trim();
  } else if (!/couldn't find remote ref/i.test(fetched.stderr)) {
    const code = classifyRemoteError(fetched.stderr);
    throw code === 'git-failed' ? syncError('git-failed', `git fetch: ${firstErrorLine(fetched.stderr)}`) : new SyncError(code, syncError(code).message, firstErrorLine(fetched.stderr));
  }
  await d.step('fetch', 'done', remoteHead === null ? 'the remote branch does not exist yet' : remoteHead.slice(0, 10));

  await d.step('merge', 'running');
  const local = readSide(files);
  const remote = readSide(await repo.readPrefix(remoteHead, prefix));
  // A conflict copy names the machine and time of the remote sync commit it came from.
  const origin = (remoteHead !== null ? await repo.syncOrigin(remoteHead) : null) ?? { machine: 'the repo', time: d.now().toISOString().slice(0, 16).replace('T', ' ') };
  let target = head;
  let conflicts: Array<[string, string]> = [];
  let notesDown = 0;
  let notesUp: number;
  const pm = mergeProgress(local.progress, remote.progress);
  let theirFilesChanged = false;
  if (remoteHead === null || (head !== null && (await repo.isAncestor(remoteHead, head)))) {
    notesUp = mergeNotes(remote.notes, local.notes, remote.notes, origin).up.length;
    await d.step('merge', 'skipped', 'nothing new in the repo');
    await d.step('import', 'skipped', 'nothing came down');
  } else {
    const baseCommit = head !== null ? await repo.mergeBase(head, remoteHead) : null;
    const base = readSide(await repo.readPrefix(baseCommit, prefix));
    const nm = mergeNotes(base.notes, local.notes, remote.notes, origin);
    notesUp = nm.up.length;
    notesDown = nm.down.length;
    conflicts = nm.conflicts;
    // Review state merges per card by last review time (src/core/review/merge.ts).
    const review = mergeReview(local.review ?? emptyReviewState(), remote.review ?? emptyReviewState());
    const mergedEntries = await hashAll(d, prefix, exportFiles(nm.notes, pm.progress, review));
    if (head === null || (await repo.isAncestor(head, remoteHead))) {
      const t = await repo.treeWith(remoteHead, prefix, mergedEntries, d.scratch);
      target = t === (await repo.treeOf(remoteHead)) ? remoteHead : await repo.commitTree(t, [remoteHead], `nexus(${d.handle}): merge progress from ${d.machine}\n`);
    } else {
      const mt = await repo.mergeTree(head, remoteHead);
      const theirs = mt.conflicted.filter((p) => !p.startsWith(prefix));
      if (theirs.length > 0) {
        throw new SyncError('repo-conflict', syncError('repo-conflict').message, theirs.slice(0, 10).join(', '));
      }
      const t = await repo.treeWith(mt.tree, prefix, mergedEntries, d.scratch);
      target = await repo.commitTree(t, [head, remoteHead], `nexus(${d.handle}): merge sync from ${d.machine}\n\n${nm.down.length} notes down, ${nm.up.length} up, ${nm.conflicts.length} conflict copies\n`);
    }
    await d.step('merge', 'done', `${notesDown} down, ${conflicts.length} conflict copies`);

    await d.step('import', 'running');
    // The database first, then the branch: a crash in between is repaired by the next sync.
    await d.study.applySync(exported, { notes: nm.notes, progress: pm.progress, review });
    if (head !== null) {
      const changed = await git.ok(['diff-tree', '-r', '--name-only', '--no-commit-id', '--no-renames', head, target], { cwd });
      theirFilesChanged = changed.split('\n').some((p) => p !== '' && !p.startsWith('.nexus/'));
    }
    const ff = await git.run(['merge', '--ff-only', '--no-stat', '--no-edit', '--no-verify', target], { cwd });
    if (ff.code !== 0) {
      if (/would be overwritten|untracked working tree files/i.test(ff.stderr)) {
        const filesList = ff.stderr.split('\n').filter((l) => /^\s+\S/.test(l)).map((l) => l.trim()).slice(0, 10);
        throw new SyncError('dirty', syncError('dirty').message, filesList.join(', '));
      }
      throw syncError('git-failed', `git merge --ff-only: ${firstErrorLine(ff.stderr)}`);
    }
    await d.step('import', 'done', `${notesDown} notes, ${pm.down.length} topics`);
  }

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
  const skipped = new Set([...local.skipped, ...remote.skipped]).size;
  return { counts: { notesUp, notesDown, topicsMerged: pm.merged, conflicts: conflicts.length, skipped }, commit: target, conflicts, theirFilesChanged };
}
