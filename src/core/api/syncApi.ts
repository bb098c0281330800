/** StudyApi domain `sync.*`: the learner's git repository (docs/spec/sync.md). */
import { z } from 'zod';
import type { SyncCounts } from '../sync/types';

const folder = z.string().min(1).max(4096);

/** Argument schemas of the sync domain. */
export const syncSchemas = {
  /** The connected repo (branch, remote), the handle, the last sync and any interrupted sync. */
  'sync.status': z.object({}).strict(),
  /** Connects a local clone; `handle` names `.nexus/<handle>/`; `useAsHub` opens its docs as the hub. */
  'sync.configure': z.object({ repoPath: folder, handle: z.string().max(40).optional(), useAsHub: z.boolean().optional() }).strict(),
  /** Clones `url` into the folder `into` (which must not exist or be empty), then connects it. */
  'sync.clone': z.object({ url: z.string().min(1).max(2048), into: folder }).strict(),
  /**
   * Runs one sync now; steps arrive as `sync.step` events. A sync that would delete most of this
   * learner's notes in the repo stops with `confirm-deletions` and lists them; running again with
   * those ids in `confirmDeletions` lets exactly them go.
   */
  'sync.run': z.object({ confirmDeletions: z.array(z.string().min(1).max(100)).max(100_000).optional() }).strict(),
  /** The sync log, newest first. */
  'sync.log': z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
  /** Note pairs a sync left as conflicts (a note and its conflict copy). */
  'sync.conflicts': z.object({}).strict(),
  /** Resolves a pair: keep the local note, keep the copy's text, or keep both as separate notes. */
  'sync.resolve': z.object({ copyId: z.string().min(1).max(100), keep: z.enum(['local', 'copy', 'both']) }).strict(),
  /** The snapshots of the repo's notes taken before each sync (backup refs), newest first. */
  'sync.snapshots': z.object({}).strict(),
  /**
   * Restores the notes of a snapshot: notes missing here come back, notes that differ come back as
   * separate "Restored" copies. Nothing here is deleted or overwritten.
   */
  'sync.restoreSnapshot': z.object({ ref: z.string().min(1).max(200).regex(/^refs\/nexus\/backup\/[0-9A-Za-z-]+$/) }).strict(),
} as const;

/** The steps of a sync, in order. */
export type SyncStepName = 'check' | 'export' | 'fetch' | 'merge' | 'commit' | 'import' | 'push';

/** Every step name in order (the UI lists them). */
export const SYNC_STEPS: readonly SyncStepName[] = ['check', 'export', 'fetch', 'merge', 'commit', 'import', 'push'];

/** How a step went. */
export type SyncStepState = 'running' | 'done' | 'failed' | 'skipped';

/** One step's report; `ms` is how long the step took (0 while it runs). */
export type SyncStepReport = { step: SyncStepName; state: SyncStepState; detail: string; ms: number };

/** The outcome of one sync (also one line of the sync log). */
export type SyncRunResult = {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  summary: string;
  counts: SyncCounts;
  steps: SyncStepReport[];
  error: { code: string; message: string; detail: string } | null;
  /** The commit the branch points at after the sync. */
  commit: string | null;
  /** [note id, conflict copy id] pairs this sync created. */
  conflicts: Array<[string, string]>;
  hubReloaded: boolean;
  /** With error code `confirm-deletions`: the notes this sync would delete from the repo. */
  pendingDeletions: Array<{ id: string; title: string }>;
};

/** A snapshot of the repo's notes before a sync (a backup ref). */
export type SyncSnapshot = { ref: string; at: string; notes: number };

/** The connected repo as Settings shows it. */
export type SyncStatus = {
  configured: boolean;
  repoPath: string | null;
  handle: string | null;
  /** From git's user.name, offered when no handle is set. */
  suggestedHandle: string;
  useAsHub: boolean;
  branch: string | null;
  remote: string | null;
  remoteUrl: string | null;
  /** Why the repo cannot sync now (not a repo, no remote...), or null. */
  problem: { code: string; message: string } | null;
  running: boolean;
  lastSync: SyncRunResult | null;
  /** Set when the previous sync was interrupted (crash, kill): what happened and what to do. */
  interrupted: string | null;
};

/** A note and its conflict copy. */
export type ConflictPair = { noteId: string; copyId: string; title: string; copyTitle: string; updatedAt: string; copyUpdatedAt: string };

/** Results of the sync domain. */
export type SyncResults = {
  'sync.status': SyncStatus;
  'sync.configure': SyncStatus;
  'sync.clone': SyncStatus;
  'sync.run': SyncRunResult;
  'sync.log': { entries: SyncRunResult[] };
  'sync.conflicts': { pairs: ConflictPair[] };
  'sync.resolve': { resolved: boolean };
  'sync.snapshots': { snapshots: SyncSnapshot[] };
  'sync.restoreSnapshot': { restored: number; copies: number };
};

export type { SyncCounts };
