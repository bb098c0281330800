/** Shapes shared by the sync planner: repo files, synced progress, merge outcomes. */
import type { Note, ProgressState, Tombstone } from '../db/schema';
import type { ReviewState } from '../review/reviewSchema';

/** A note as sync carries it (the database's note). */
export type SyncNote = Note;

/** Progress of one topic as it is synced (reading time stays on each machine). */
export type SyncProgressEntry = { state: ProgressState; updatedAt: string; doneAt: string | null };

/** Synced progress, keyed by topic id. */
export type SyncProgress = Record<string, SyncProgressEntry>;

/** Deleted note ids, each with the hash of the version that was deleted. */
export type Tombstones = Record<string, Tombstone>;

/**
 * A file under `.nexus/<handle>/`, its path relative to that folder (`notes/docs/a.md/x.md`).
 * `sha` is the blob id when the file was read from git.
 */
export type RepoFile = { path: string; text: string; sha?: string; /** Git file mode (`100644`, `120000` symlink, `160000` submodule) when read from git. */ mode?: string };

/** Notes and progress read from a set of repo files. */
export type SyncSide = {
  notes: SyncNote[];
  progress: SyncProgress;
  /** Paths of files that could not be read (kept in the repo as they are, never deleted by us). */
  skipped: string[];
  /** From `review.json` (src/core/review/merge.ts); absent in older repos. */
  review?: ReviewState;
  /** From `tombstones.json`; empty in older repos. */
  tombstones: Tombstones;
};

/** Who made a conflict copy: shown in the copy's title. */
export type ConflictOrigin = { machine: string; time: string };

/** What a sync changed, for the summary and the commit message. */
export type SyncCounts = {
  /** Notes added, changed or deleted here that go to the repo. */
  notesUp: number;
  /** Notes added, changed or deleted in the repo that come here (conflict copies included). */
  notesDown: number;
  /** Topics whose progress differed between the two sides and was merged. */
  topicsMerged: number;
  /** Conflict copies created. */
  conflicts: number;
  /** Repo files that could not be read. */
  skipped: number;
};
