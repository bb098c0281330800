/** The study domain over the store: progress, reading activity, notes, dashboard. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Dashboard, ProgressChange, TrashItem } from '../../core/api/studyApi';
import { ApiError } from '../../core/api/result';
import type { Note, ProgressEntry, ProgressState, StudyDb, SyncBase } from '../../core/db/schema';
import type { DbStatus } from '../../core/db/status';
import { addActivity, currentStreak, heatmap, localDay, touchRecent } from '../../core/study/activity';
import { type NoteListItem, type NoteQuery, cleanTags, isOrphaned, queryNotes, tagCounts } from '../../core/study/notes';
import { applyReading, applyState, progressStats } from '../../core/study/progress';
import { type TopicCatalog, buildCatalog } from '../../core/study/topicCatalog';
import { mergeReview } from '../../core/review/merge';
import type { ReviewState } from '../../core/review/reviewSchema';
import { type SyncExport, type SyncImport, applyMerge } from '../../core/sync/applyMerge';
import { noteHash } from '../../core/sync/reconcile';
import { purgeAt, purgeTrash } from '../../core/study/trash';
import type { BackendContext, NoteSnapshot } from '../context';
import { SaveFailedError, StudyStore } from '../store/studyStore';

/** The 20 most recent sync bases (one per repo, branch and handle the learner synced with). */
function keepBases(bases: Record<string, SyncBase>): Record<string, SyncBase> {
  return Object.fromEntries(
    Object.entries(bases)
      .sort((a, b) => b[1].at.localeCompare(a[1].at))
      .slice(0, 20),
  );
}

/** File name of the database inside the data folder. */
export const STUDY_DB_FILE = 'study.json';

const snapshot = (n: Note): NoteSnapshot => ({ id: n.id, topicId: n.topicId, title: n.title, body: n.body, tags: [...n.tags], updatedAt: n.updatedAt });

/** A save that failed is an `io` error the UI shows; the change was rolled back and never lands later. */
async function durable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SaveFailedError) {
      throw new ApiError('io', e.message);
    }
    throw e;
  }
}

/** Progress, activity and notes of the learner. Create with `StudyService.open`. */
export class StudyService {
  private catalog: TopicCatalog;
  /** Run inside the write that sets a topic's state (review keeps the topic's text when it is done). */
  readonly stateHooks: Array<(db: StudyDb, topicId: string, entry: ProgressEntry) => void> = [];

  private constructor(
    private readonly ctx: BackendContext,
    readonly store: StudyStore,
    private readonly clock: () => Date,
  ) {
    this.catalog = this.buildCatalog();
    ctx.onHubChanged(() => {
      this.catalog = this.buildCatalog();
    });
  }

  /** Opens the database in the data folder and wires the other domains to it. */
  static async open(ctx: BackendContext, clock: () => Date = () => new Date()): Promise<StudyService> {
    const store = await StudyStore.open({
      file: path.join(ctx.options.dataDir, STUDY_DB_FILE),
      logger: ctx.logger,
      onStatus: (status) => ctx.events.emit({ type: 'study.status', status }),
      now: () => clock().getTime(),
    });
    const service = new StudyService(ctx, store, clock);
    ctx.study = {
      progressOf: (id) => store.data.progress[id]?.state ?? 'not-started',
      hasNotes: (id) => store.data.notes.some((n) => n.topicId === id),
    };
    const status = store.status();
    if (status.message !== null) {
      ctx.logger.warn('study db opened with a notice', { state: status.state, message: status.message });
    }
    return service;
  }

  /** Tells the other domains (search) every note; call once all domains listen. */
  announce(): void {
    this.ctx.notifyNotes({ kind: 'reset', notes: this.store.data.notes.map(snapshot) });
  }

  private buildCatalog(): TopicCatalog {
    const hub = this.ctx.hub();
    return buildCatalog(hub.allDocs(), hub.endpointTopics(), hub.specTitles());
  }

  private nowIso(): string {
    return this.clock().toISOString();
  }

  /** The catalogue of the hub open now. */
  topics(): TopicCatalog {
    return this.catalog;
  }

  status(): DbStatus {
    return this.store.status();
  }

  progress(): { progress: Record<string, ProgressEntry>; canUndoReset: boolean } {
    return { progress: { ...this.store.data.progress }, canUndoReset: this.store.data.resetUndo !== null };
  }

  setState(topicId: string, state: ProgressState): Promise<ProgressEntry> {
    const now = this.nowIso();
    return durable(() =>
      this.store.update((db) => {
        const next = applyState(db.progress[topicId], state, now);
        db.progress[topicId] = next;
        addActivity(db.days, localDay(this.clock()), 0, 1);
        for (const hook of this.stateHooks) {
          hook(db, topicId, next);
        }
        return next;
      }),
    );
  }

  /**
   * Sets many topics in one durable write; refuses the whole change (nothing written) when an id is
   * not a topic of the open hub or is given twice. Returns the new entries and the changes that put
   * every topic back as it was (a done topic keeps its first done date).
   */
  setMany(changes: readonly ProgressChange[]): Promise<{ entries: Record<string, ProgressEntry>; undo: ProgressChange[] }> {
    this.checkTopics(changes);
    const now = this.nowIso();
    return durable(() =>
      this.store.update((db) => {
        const entries: Record<string, ProgressEntry> = {};
        const undo: ProgressChange[] = [];
        for (const { topicId, state, doneAt } of changes) {
          const prev = db.progress[topicId];
          undo.push({ topicId, state: prev?.state ?? 'not-started', doneAt: prev?.doneAt ?? null });
          const restoring = doneAt !== undefined;
          const next = restoring ? { state, updatedAt: now, doneAt: state === 'done' ? (doneAt ?? now) : null, readSeconds: prev?.readSeconds ?? 0 } : applyState(prev, state, now);
          db.progress[topicId] = next;
          entries[topicId] = next;
          // An undo puts a topic back: the review snapshot taken when it was first done stays.
          if (!restoring) {
            for (const hook of this.stateHooks) {
              hook(db, topicId, next);
            }
          }
        }
        addActivity(db.days, localDay(this.clock()), 0, changes.length);
        return { entries, undo };
      }),
    );
  }

  /** Throws a bad-request naming the first ids that are not topics of the open hub, or are repeated. */
  private checkTopics(changes: readonly ProgressChange[]): void {
    const unknown = (): string[] => changes.map((c) => c.topicId).filter((id) => !this.catalog.topics.has(id));
    let bad = unknown();
    if (bad.length > 0) {
      // The hub may still be parsing (the catalogue is rebuilt once it is ready): look again now.
      this.catalog = this.buildCatalog();
      bad = unknown();
    }
    const list = (ids: string[]): string => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
    if (bad.length > 0) {
      throw new ApiError('bad-request', `Nothing was marked: ${bad.length === 1 ? 'this is not a topic' : `${bad.length} ids are not topics`} of the open hub: ${list(bad)}.`);
    }
    const seen = new Set<string>();
    const twice = changes.map((c) => c.topicId).filter((id) => seen.size === seen.add(id).size);
    if (twice.length > 0) {
      throw new ApiError('bad-request', `Nothing was marked: a topic is given more than once: ${list([...new Set(twice)])}.`);
    }
    const misdated = changes.filter((c) => c.state !== 'done' && typeof c.doneAt === 'string').map((c) => c.topicId);
    if (misdated.length > 0) {
      throw new ApiError('bad-request', `Nothing was marked: a done date is given for a topic not marked done: ${list(misdated)}.`);
    }
  }

  read(topicId: string, seconds: number): Promise<ProgressEntry> {
    const now = this.nowIso();
    const title = this.catalog.topics.get(topicId)?.title ?? topicId;
    return durable(() =>
      this.store.update((db) => {
        const next = applyReading(db.progress[topicId], seconds, now);
        db.progress[topicId] = next;
        addActivity(db.days, localDay(this.clock()), seconds, 0);
        db.recent = touchRecent(db.recent, { topicId, title, at: now });
        return next;
      }),
    );
  }

  /**
   * Sets every topic back to "not started". Entries stay, with a new updatedAt, so the reset syncs
   * (a sync would otherwise bring the old states back from the repo).
   */
  reset(): Promise<{ cleared: number }> {
    const at = this.nowIso();
    return durable(() =>
      this.store.update((db) => {
        const cleared = Object.values(db.progress).filter((e) => e.state !== 'not-started').length;
        db.resetUndo = { at, progress: db.progress };
        db.progress = Object.fromEntries(Object.entries(db.progress).map(([id, e]) => [id, { state: 'not-started', updatedAt: at, doneAt: null, readSeconds: e.readSeconds }]));
        return { cleared };
      }),
    );
  }

  undoReset(): Promise<{ restored: number }> {
    const now = this.nowIso();
    return durable(() =>
      this.store.update((db) => {
        const undo = db.resetUndo;
        if (undo === null) {
          throw new ApiError('conflict', 'There is no reset to undo.');
        }
        // Topics changed since the reset keep their newer state; the others get their old state
        // back as a new change (so it syncs over the reset).
        let restored = 0;
        for (const [id, old] of Object.entries(undo.progress)) {
          const cur = db.progress[id];
          if (cur === undefined || cur.updatedAt === undo.at) {
            db.progress[id] = { ...old, updatedAt: now, readSeconds: cur?.readSeconds ?? old.readSeconds };
            restored++;
          }
        }
        db.resetUndo = null;
        return { restored };
      }),
    );
  }

  dashboard(): Dashboard {
    const db = this.store.data;
    const today = localDay(this.clock());
    const stats = progressStats(this.catalog, db.progress);
    const recent = db.recent.map((r) => {
      const t = this.catalog.topics.get(r.topicId);
      return { ...r, title: t?.title ?? r.title, docPath: t?.docPath ?? r.topicId.split('#')[0] ?? '', exists: t !== undefined, state: db.progress[r.topicId]?.state ?? 'not-started' };
    });
    return { ...stats, heatmap: heatmap(db.days, today), streak: currentStreak(db.days, today), today, recent, continueAt: this.continueAt(), noteCount: db.notes.length, canUndoReset: db.resetUndo !== null };
  }

  /** The most recently read topic that is not finished, else the first unfinished topic after it. */
  private continueAt(): Dashboard['continueAt'] {
    const db = this.store.data;
    const finished = (id: string): boolean => ['done', 'skipped'].includes(db.progress[id]?.state ?? '');
    const order = this.catalog.docs.flatMap((d) => d.topicIds);
    const last = db.recent.find((r) => this.catalog.topics.has(r.topicId));
    let id: string | undefined;
    if (last !== undefined) {
      id = finished(last.topicId) ? order.slice(order.indexOf(last.topicId) + 1).find((x) => !finished(x)) : last.topicId;
    }
    const t = id !== undefined ? this.catalog.topics.get(id) : undefined;
    if (t === undefined) {
      return null;
    }
    return { topicId: t.id, title: t.title, docPath: t.docPath, slug: t.id.slice(t.id.indexOf('#') + 1) };
  }

  listNotes(q: NoteQuery): { notes: NoteListItem[]; tags: Array<{ tag: string; count: number }> } {
    return { notes: queryNotes(this.store.data.notes, new Set(this.catalog.topics.keys()), q), tags: tagCounts(this.store.data.notes) };
  }

  getNote(id: string): NoteListItem {
    const note = this.store.data.notes.find((n) => n.id === id);
    if (note === undefined) {
      throw new ApiError('not-found', 'This note does not exist (it may have been deleted).');
    }
    return { ...note, orphaned: isOrphaned(note, new Set(this.catalog.topics.keys())) };
  }

  async saveNote(input: { id?: string | undefined; create?: boolean | undefined; topicId: string | null; title: string; body: string; tags: string[] }): Promise<Note> {
    const now = this.nowIso();
    const topic = input.topicId !== null ? this.catalog.topics.get(input.topicId) : undefined;
    const saved = await durable(() =>
      this.store.update((db) => {
        let existing = input.id !== undefined ? db.notes.find((n) => n.id === input.id) : undefined;
        const trashed = input.id !== undefined && existing === undefined ? db.trash.find((t) => t.note.id === input.id) : undefined;
        if (trashed?.reason === 'sync' && input.create !== true) {
          // Another machine deleted the note while it was open here: this edit outlives the deletion.
          existing = trashed.note;
          db.trash = db.trash.filter((t) => t !== trashed);
          db.tombstones = Object.fromEntries(Object.entries(db.tombstones).filter(([k]) => k !== trashed.note.id));
          db.notes = [...db.notes, existing];
        } else if (input.id !== undefined && existing === undefined && (input.create !== true || Object.hasOwn(db.tombstones, input.id) || trashed !== undefined)) {
          throw new ApiError('not-found', 'This note was deleted (it is in the Trash); restore it, or save it again as a new note.');
        }
        const note: Note = {
          // A create names its id so a retry after a failed save updates the same note.
          id: existing?.id ?? input.id ?? randomUUID(),
          topicId: input.topicId,
          // An orphaned note keeps the heading it was written under.
          topicTitle: topic?.title ?? (existing?.topicId === input.topicId ? existing.topicTitle : null),
          // NUL has no meaning in a note and would make its synced file binary.
          title: input.title.replaceAll('\u0000', ''),
          body: input.body.replaceAll('\u0000', ''),
          tags: cleanTags(input.tags.map((t) => t.replaceAll('\u0000', ''))),
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        db.notes = existing !== undefined ? db.notes.map((n) => (n.id === note.id ? note : n)) : [...db.notes, note];
        return note;
      }),
    );
    this.ctx.notifyNotes({ kind: 'saved', note: snapshot(saved) });
    return saved;
  }

  /** Moves a note to the Trash and leaves a tombstone, so the deletion syncs as exactly this version. */
  async deleteNote(id: string): Promise<{ deleted: boolean }> {
    const now = this.nowIso();
    const deleted = await durable(() =>
      this.store.update((db) => {
        const note = db.notes.find((n) => n.id === id);
        if (note === undefined) {
          return false;
        }
        db.notes = db.notes.filter((n) => n.id !== id);
        db.trash = [...purgeTrash(db.trash, this.clock()).filter((t) => t.note.id !== id), { note, deletedAt: now, reason: 'deleted' }];
        db.tombstones = { ...db.tombstones, [id]: { deletedAt: now, hash: noteHash(note) } };
        return true;
      }),
    );
    if (deleted) {
      this.ctx.notifyNotes({ kind: 'deleted', id });
    }
    return { deleted };
  }

  /** The Trash, most recently deleted first (entries past 30 days are not listed). */
  trash(): { items: TrashItem[] } {
    const items = purgeTrash(this.store.data.trash, this.clock())
      .map((t) => ({ id: t.note.id, title: t.note.title, topicId: t.note.topicId, deletedAt: t.deletedAt, purgeAt: purgeAt(t.deletedAt), reason: t.reason }))
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    return { items };
  }

  /** Brings a note back from the Trash; it counts as an edit (new updatedAt), so syncs keep it. */
  async restoreNote(id: string): Promise<Note> {
    const now = this.nowIso();
    const restored = await durable(() =>
      this.store.update((db) => {
        const item = db.trash.find((t) => t.note.id === id);
        if (item === undefined) {
          throw new ApiError('not-found', 'This note is no longer in the Trash.');
        }
        const note: Note = { ...item.note, updatedAt: now > item.note.updatedAt ? now : item.note.updatedAt };
        db.trash = db.trash.filter((t) => t.note.id !== id);
        db.notes = [...db.notes.filter((n) => n.id !== id), note];
        db.tombstones = Object.fromEntries(Object.entries(db.tombstones).filter(([k]) => k !== id));
        return note;
      }),
    );
    this.ctx.notifyNotes({ kind: 'saved', note: snapshot(restored) });
    return restored;
  }

  /** Adds notes (a snapshot restore): a note missing here comes back; one that differs comes back as a copy. */
  async restoreNotes(notes: readonly Note[], label: string): Promise<{ restored: number; copies: number }> {
    const now = this.nowIso();
    const out = await durable(() =>
      this.store.update((db) => {
        let restored = 0;
        let copies = 0;
        const byId = new Map(db.notes.map((n) => [n.id, n]));
        const added: Note[] = [];
        for (const n of notes) {
          const have = byId.get(n.id);
          if (have === undefined) {
            added.push({ ...n, updatedAt: now });
            restored++;
          } else if (noteHash(have) !== noteHash(n)) {
            const copyId = `${n.id.slice(0, 80)}~r${noteHash(n).slice(0, 12)}`;
            if (!byId.has(copyId)) {
              added.push({ ...n, id: copyId, title: `${label}: ${n.title}`.slice(0, 500), updatedAt: now });
              copies++;
            }
          }
        }
        const ids = new Set(added.map((n) => n.id));
        db.notes = [...db.notes, ...added];
        db.trash = db.trash.filter((t) => !ids.has(t.note.id));
        db.tombstones = Object.fromEntries(Object.entries(db.tombstones).filter(([id]) => !ids.has(id)));
        return { restored, copies };
      }),
    );
    this.announce();
    return out;
  }

  /** Applies a sync's merged notes and progress in one durable write (edits made meanwhile win). */
  async applySync(exported: SyncExport, merged: SyncImport & { review?: ReviewState }): Promise<void> {
    const now = this.nowIso();
    await durable(() =>
      this.store.update((db) => {
        const next = applyMerge(db, exported, merged, now);
        db.notes = next.notes;
        db.progress = next.progress;
        db.tombstones = next.tombstones;
        db.trash = purgeTrash(next.trash, this.clock());
        db.syncBases = keepBases({ ...db.syncBases, [next.syncBase.key]: next.syncBase });
        // Reviews graded meanwhile survive: the merge keeps the latest review of each card.
        if (merged.review !== undefined) {
          db.review = mergeReview(db.review, merged.review);
        }
      }),
    );
    this.announce();
  }

  close(): Promise<void> {
    this.ctx.study = null;
    return this.store.close();
  }
}
