/** The sync domain: settings, one sync at a time, events, the log, crash recovery, conflicts. */
import { existsSync } from 'node:fs';
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConflictPair, SyncRunResult, SyncSnapshot, SyncStatus, SyncStepName, SyncStepReport } from '../../core/api/syncApi';
import { ApiError } from '../../core/api/result';
import { CONFLICT_TAG } from '../../core/sync/merge';
import { repoKey } from '../../core/sync/repoKey';
import { handleFromName, isValidHandle, machineLabel, syncSummary } from '../../core/sync/summary';
import type { BackendContext } from '../context';
import { classifyLocal } from '../git/classify';
import { SyncError, syncError } from '../git/gitErrors';
import { type GitRunnerOptions, GitRunner } from '../git/gitRunner';
import { Repo } from '../git/repo';
import { HubService } from '../hub/hubService';
import type { StudyService } from '../study/studyService';
import { SyncFiles, type SyncJournal, type SyncSettings } from './syncFiles';
import { ConfirmDeletionsError, runSync } from './syncRun';
import { listSnapshots, snapshotNotes } from './snapshots';

/** How the service is built (tests inject git options, a clock and step hooks). */
export type SyncServiceOptions = {
  git?: GitRunnerOptions;
  now?: () => Date;
  machine?: string;
  /** Test seam: awaited after each step reports (a test pauses here and kills the process). */
  afterStep?: (step: SyncStepName, state: string) => Promise<void>;
};

const EMPTY_COUNTS = { notesUp: 0, notesDown: 0, topicsMerged: 0, conflicts: 0, skipped: 0 };

/** A remote on disk (a path or file:// URL) as its real absolute path; any other URL as it is. */
async function resolveLocalRemote(url: string, top: string): Promise<string> {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.toLowerCase().startsWith('file://');
  const isScp = /^(?:[^@/\s]+@)?[^:/\s]+:(?!\/\/)/.test(url) && !/^[a-zA-Z]:[\\/]/.test(url);
  if (isUrl || isScp || url === '') {
    return url;
  }
  const p = url.toLowerCase().startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const abs = path.resolve(top, p);
  return realpath(abs).catch(() => abs);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Syncs notes and progress with the learner's repository. Create with `SyncService.open`. */
export class SyncService {
  private running: Promise<SyncRunResult> | null = null;
  private interrupted: string | null = null;
  private readonly files: SyncFiles;
  private readonly git: GitRunner;
  private readonly now: () => Date;
  readonly machine: string;

  private constructor(
    private readonly ctx: BackendContext,
    private readonly study: StudyService,
    private readonly options: SyncServiceOptions,
  ) {
    this.files = new SyncFiles(ctx.options.dataDir);
    this.git = new GitRunner(options.git);
    this.now = options.now ?? (() => new Date());
    this.machine = options.machine ?? machineLabel(os.hostname());
  }

  /** Opens the service and recovers from an interrupted sync (see the spec, "Crash safety"). */
  static async open(ctx: BackendContext, study: StudyService, options: SyncServiceOptions = {}): Promise<SyncService> {
    const s = new SyncService(ctx, study, options);
    await s.recover();
    const settings = await s.files.settings();
    if (settings.useAsHub && settings.repoPath !== null && existsSync(settings.repoPath) && ctx.hub().root !== path.resolve(settings.repoPath)) {
      await s.openHub(settings.repoPath).catch((e: unknown) => ctx.logger.warn('could not open the sync repo as hub', { error: String(e) }));
    }
    return s;
  }

  private async recover(): Promise<void> {
    const j = await this.files.journal();
    if (j === null || alive(j.pid) && j.pid !== process.pid) {
      return;
    }
    const lock = path.join(j.repoPath, '.git', 'index.lock');
    const lockStat = await stat(lock).catch(() => null);
    // The lock is ours when it appeared after the interrupted sync started and its process is gone.
    if (lockStat !== null && lockStat.mtime.toISOString() >= j.startedAt) {
      await rm(lock, { force: true });
    }
    await rm(path.join(this.files.dir, 'tmp'), { recursive: true, force: true });
    this.interrupted = `The last sync was interrupted during "${j.step}". Your notes are safe${j.backupRef !== null ? ` (the previous state is kept as ${j.backupRef})` : ''}. Sync again to finish.`;
    this.ctx.logger.warn('sync: recovered an interrupted sync', { step: j.step, backupRef: j.backupRef });
    await this.files.clearJournal();
  }

  private async openHub(repoPath: string): Promise<void> {
    const hub = await HubService.open(path.resolve(repoPath), false, this.ctx.parser, this.ctx.parseCache);
    this.ctx.setHub(hub);
  }

  /** The connected repo, its branch and remote, the last sync. */
  async status(): Promise<SyncStatus> {
    const s = await this.files.settings();
    const [last] = await this.files.log(1);
    const userName = await this.git.run(['config', '--get', 'user.name'], { cwd: s.repoPath !== null && existsSync(s.repoPath) ? s.repoPath : os.homedir() }).catch(() => null);
    const base: SyncStatus = {
      configured: s.repoPath !== null,
      repoPath: s.repoPath,
      handle: s.handle,
      suggestedHandle: handleFromName(userName?.stdout.trim() ?? ''),
      useAsHub: s.useAsHub,
      branch: null,
      remote: null,
      remoteUrl: null,
      problem: null,
      running: this.running !== null,
      lastSync: last ?? null,
      interrupted: this.interrupted,
    };
    if (s.repoPath === null) {
      return base;
    }
    try {
      const info = await new Repo(this.git, s.repoPath).preflight();
      const url = await this.git.run(['remote', 'get-url', info.remote], { cwd: info.top });
      return { ...base, branch: info.branch, remote: info.remote, remoteUrl: url.stdout.trim() || null };
    } catch (e) {
      return e instanceof SyncError ? { ...base, problem: { code: e.code, message: e.message } } : { ...base, problem: { code: 'git-failed', message: String(e) } };
    }
  }

  /** Connects a clone (checked with git) and saves the choice. */
  async configure(input: { repoPath: string; handle?: string | undefined; useAsHub?: boolean | undefined }): Promise<SyncStatus> {
    const repoPath = path.resolve(input.repoPath);
    // A file (or nothing) there is not a repository; git cannot even start in it.
    const isFolder = await stat(repoPath).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const top = isFolder ? await this.git.run(['rev-parse', '--show-toplevel'], { cwd: repoPath }) : null;
    if (top === null || top.code !== 0) {
      throw new ApiError('bad-request', syncError('not-a-repo').message);
    }
    const prev = await this.files.settings();
    const handle = input.handle !== undefined && input.handle !== '' ? input.handle.trim().toLowerCase() : (prev.handle ?? (await this.status()).suggestedHandle);
    if (!isValidHandle(handle)) {
      throw new ApiError('bad-request', 'A handle is 1-40 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.');
    }
    const settings: SyncSettings = { repoPath: top.stdout.trim(), handle, useAsHub: input.useAsHub ?? prev.useAsHub };
    await this.files.saveSettings(settings);
    if (settings.useAsHub && settings.repoPath !== null) {
      await this.openHub(settings.repoPath);
    }
    return this.status();
  }

  /** Clones `url` into a new or empty folder and connects it. */
  async clone(url: string, into: string): Promise<SyncStatus> {
    const dest = path.resolve(into);
    const inWay = await readdir(dest).then(
      (names) => names.length > 0,
      (e: NodeJS.ErrnoException) => e.code !== 'ENOENT', // a file there, or a folder we cannot read
    );
    if (inWay) {
      throw new ApiError('bad-request', 'Clone into a new or empty folder.');
    }
    if (/^(ext|fd)::/i.test(url) || url.startsWith('-')) {
      throw new ApiError('bad-request', 'This kind of URL is not allowed.');
    }
    const r = await this.git.run(['clone', '--no-recurse-submodules', '--', url, dest], { cwd: os.tmpdir() });
    if (r.code !== 0) {
      throw new ApiError('io', classifyLocal(['clone'], r).message);
    }
    return this.configure({ repoPath: dest });
  }

  /** Runs one sync; a second call while one runs fails with `busy`. */
  run(confirmDeletions: readonly string[] = []): Promise<SyncRunResult> {
    if (this.running !== null) {
      return Promise.reject(new ApiError('conflict', syncError('busy').message));
    }
    this.running = this.runOnce(new Set(confirmDeletions)).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(confirmDeletions: ReadonlySet<string>): Promise<SyncRunResult> {
    const startedAt = this.now().toISOString();
    const steps: SyncStepReport[] = [];
    let current: SyncStepName = 'check';
    const settings = await this.files.settings();
    const journal: SyncJournal = { pid: process.pid, startedAt, step: current, backupRef: null, repoPath: settings.repoPath ?? '' };
    const began = new Map<SyncStepName, number>();
    const report = async (step: SyncStepName, state: 'running' | 'done' | 'skipped' | 'failed', detail = ''): Promise<void> => {
      current = step;
      const at = steps.findIndex((s) => s.step === step);
      if (!began.has(step)) {
        began.set(step, performance.now());
      }
      // Per-step timings go to the log and the sync log: how a slow sync is diagnosed.
      const ms = state === 'running' ? 0 : Math.round(performance.now() - (began.get(step) ?? performance.now()));
      const entry = { step, state, detail, ms };
      if (state !== 'running') {
        this.ctx.logger.debug('sync step', entry);
      }
      if (at === -1) {
        steps.push(entry);
      } else {
        steps[at] = entry;
      }
      this.ctx.events.emit({ type: 'sync.step', step, state, detail });
      if (state === 'running' && journal.repoPath !== '') {
        journal.step = step;
        await this.files.writeJournal(journal);
      }
      await this.options.afterStep?.(step, state);
    };
    let result: SyncRunResult;
    try {
      await report('check', 'running');
      if (settings.repoPath === null || settings.handle === null) {
        throw syncError('not-configured');
      }
      // A read-only store cannot record what it synced, so it never pushes (or pulls) anything.
      if (!this.study.store.status().writable) {
        throw syncError('read-only');
      }
      const repo = new Repo(this.git, settings.repoPath);
      const info = await repo.preflight();
      const remoteUrl = (await this.git.run(['remote', 'get-url', info.remote], { cwd: info.top })).stdout.trim();
      const fallbackIdentity = await repo.useIdentity(settings.handle);
      await report('check', 'done', `${info.branch} -> ${info.remote}${fallbackIdentity ? ` (git has no user.name/user.email here: commits are signed "${settings.handle}")` : ''}`);
      const outcome = await runSync({
        repo,
        info,
        handle: settings.handle,
        machine: this.machine,
        study: this.study,
        scratch: await this.files.scratch(),
        rescueDir: path.join(this.files.dir, 'rescued', startedAt.replace(/[:.]/g, '-')),
        baseKey: repoKey(settings.handle, await resolveLocalRemote(remoteUrl, info.top), info.branch),
        confirmDeletions,
        now: this.now,
        step: (s, st, d) => report(s, st, d),
        backedUp: async (ref) => {
          journal.backupRef = ref;
          await this.files.writeJournal(journal);
          await this.pruneBackups(repo);
        },
      });
      let hubReloaded = false;
      if (settings.useAsHub && outcome.theirFilesChanged) {
        await this.openHub(settings.repoPath);
        hubReloaded = true;
      }
      this.interrupted = null;
      for (const notice of outcome.notices) {
        this.ctx.logger.warn('sync notice', { notice });
      }
      const summary = [syncSummary(outcome.counts), ...outcome.notices].join('; ');
      result = { ok: true, startedAt, finishedAt: this.now().toISOString(), summary, counts: outcome.counts, steps, error: null, commit: outcome.commit, conflicts: outcome.conflicts, hubReloaded, pendingDeletions: [] };
    } catch (e) {
      const err = e instanceof SyncError ? e : e instanceof ApiError ? new SyncError('git-failed', e.message) : new SyncError('git-failed', `${syncError('git-failed').message} ${String(e)}`);
      this.ctx.logger.warn('sync failed', { step: current, code: err.code, detail: err.detail });
      await report(current, 'failed', err.detail);
      const pendingDeletions = e instanceof ConfirmDeletionsError ? e.pending : [];
      result = { ok: false, startedAt, finishedAt: this.now().toISOString(), summary: err.message, counts: EMPTY_COUNTS, steps, error: { code: err.code, message: err.message.slice(0, 500), detail: err.detail.slice(0, 500) }, commit: null, conflicts: [], hubReloaded: false, pendingDeletions };
    }
    await this.files.clearJournal();
    await this.files.appendLog(result).catch((e: unknown) => this.ctx.logger.warn('sync log write failed', { error: String(e) }));
    this.ctx.events.emit({ type: 'sync.finished', result });
    return result;
  }

  /** Keeps the 20 newest backup refs. */
  private async pruneBackups(repo: Repo): Promise<void> {
    const refs = (await this.git.run(['for-each-ref', '--format=%(refname)', '--sort=-refname', 'refs/nexus/backup/'], { cwd: repo.cwd })).stdout.split('\n').filter((r) => r !== '');
    for (const ref of refs.slice(20)) {
      await this.git.run(['update-ref', '-d', ref], { cwd: repo.cwd });
    }
  }

  /** The sync log, newest first. */
  log(limit = 50): Promise<SyncRunResult[]> {
    return this.files.log(limit);
  }

  /** Notes paired with their conflict copies. */
  conflicts(): ConflictPair[] {
    const notes = this.study.store.data.notes;
    const byId = new Map(notes.map((n) => [n.id, n]));
    const pairs: ConflictPair[] = [];
    for (const copy of notes) {
      const at = copy.id.lastIndexOf('~c');
      const original = at > 0 ? byId.get(copy.id.slice(0, at)) : undefined;
      if (original !== undefined && copy.tags.includes(CONFLICT_TAG)) {
        pairs.push({ noteId: original.id, copyId: copy.id, title: original.title, copyTitle: copy.title, updatedAt: original.updatedAt, copyUpdatedAt: copy.updatedAt });
      }
    }
    return pairs;
  }

  /** Resolves a pair: keep the local note (copy deleted), the copy's text (copied over, copy deleted), or both. */
  async resolve(copyId: string, keep: 'local' | 'copy' | 'both'): Promise<{ resolved: boolean }> {
    const pair = this.conflicts().find((p) => p.copyId === copyId);
    const copy = this.study.store.data.notes.find((n) => n.id === copyId);
    if (pair === undefined || copy === undefined) {
      throw new ApiError('not-found', 'This conflict is already resolved.');
    }
    const tags = copy.tags.filter((t) => t !== CONFLICT_TAG);
    if (keep === 'copy') {
      const original = this.study.getNote(pair.noteId);
      await this.study.saveNote({ id: original.id, topicId: original.topicId, title: copy.title.replace(/^Conflict copy from [^:]*: /, ''), body: copy.body, tags });
    }
    if (keep === 'both') {
      await this.study.saveNote({ id: copy.id, topicId: copy.topicId, title: copy.title, body: copy.body, tags });
    } else {
      await this.study.deleteNote(copyId);
    }
    return { resolved: true };
  }

  /** The snapshots (backup refs) of the connected repo, newest first. */
  async snapshots(): Promise<{ snapshots: SyncSnapshot[] }> {
    const s = await this.files.settings();
    if (s.repoPath === null || s.handle === null || !existsSync(s.repoPath)) {
      return { snapshots: [] };
    }
    return { snapshots: await listSnapshots(new Repo(this.git, s.repoPath), `.nexus/${s.handle}/`) };
  }

  /** Restores a snapshot's notes: missing ones come back, differing ones come back as copies. */
  async restoreSnapshot(ref: string): Promise<{ restored: number; copies: number }> {
    const s = await this.files.settings();
    if (s.repoPath === null || s.handle === null) {
      throw new ApiError('bad-request', syncError('not-configured').message);
    }
    if (this.running !== null) {
      throw new ApiError('conflict', syncError('busy').message);
    }
    const found = await snapshotNotes(new Repo(this.git, s.repoPath), ref, `.nexus/${s.handle}/`);
    if (found === null) {
      throw new ApiError('not-found', 'This snapshot no longer exists.');
    }
    const at = ref.slice('refs/nexus/backup/'.length);
    return this.study.restoreNotes(found, `Restored from snapshot ${at}`);
  }

  /** Waits for a running sync (on quit). */
  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
