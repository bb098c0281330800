/** StudyApi domains `progress.*`, `notes.*` and `study.*`: the learner's own data. */
import { z } from 'zod';
import type { DbStatus } from '../db/status';
import type { Note, ProgressEntry, ProgressState, RecentTopic } from '../db/schema';
import type { HeatCell } from '../study/activity';
import type { NoteListItem } from '../study/notes';
import type { Completion, ProgressStats } from '../study/progress';

const topicId = z.string().min(1).max(4096);
const state = z.enum(['not-started', 'in-progress', 'done', 'skipped']);
const noteId = z.string().min(1).max(100);
/** One topic's new state; `doneAt` (an undo putting back a done topic) keeps the date it was first done. */
const progressChange = z.object({ topicId, state, doneAt: z.iso.datetime().nullable().optional() }).strict();
/** Most topics one `progress.setMany` sets (a whole hub of the biggest corpora fits). */
export const SET_MANY_LIMIT = 50_000;

/** Argument schemas of the study domains. */
export const studySchemas = {
  /** Progress of every topic that has some. */
  'progress.get': z.object({}).strict(),
  /** Sets a topic's state. */
  'progress.set': z.object({ topicId, state }).strict(),
  /**
   * Sets the state of many topics in one durable write (marking a doc or folder). Every id must be a
   * topic of the open hub and appear once, else nothing is written. The result's `undo` puts each
   * topic back as it was (pass it to `progress.setMany` again).
   */
  'progress.setMany': z.object({ changes: z.array(progressChange).min(1).max(SET_MANY_LIMIT) }).strict(),
  /** Records reading time on a topic (study days, recent topics, automatic "in progress"). */
  'progress.read': z.object({ topicId, seconds: z.number().min(0).max(600) }).strict(),
  /** Clears all progress; the previous progress is kept for `progress.undoReset`. */
  'progress.reset': z.object({}).strict(),
  /** Brings back the progress cleared by the last reset. */
  'progress.undoReset': z.object({}).strict(),
  /** Overall, per-doc and per-folder progress, heatmap, streak, recent topics. */
  'study.dashboard': z.object({}).strict(),
  /** Database health (restored from a backup, save failing...). */
  'study.status': z.object({}).strict(),
  /** Writes every note (markdown) and the progress (JSON, CSV) into a folder; default: a new folder under the data folder. */
  'study.export': z.object({ folder: z.string().min(1).max(4096).optional() }).strict(),
  /** Notes, filtered and sorted. `topicId: null` lists free notes. */
  'notes.list': z
    .object({
      text: z.string().max(500).optional(),
      tag: z.string().max(100).optional(),
      topicId: topicId.nullable().optional(),
      sort: z.enum(['updated', 'created', 'title']).optional(),
      orphanedOnly: z.boolean().optional(),
    })
    .strict(),
  /** One note. */
  'notes.get': z.object({ id: noteId }).strict(),
  /**
   * Creates or updates a note; resolves once it is durably saved. A create passes a new id made by
   * the caller with `create: true`, so a retried create updates the same note (idempotent); without
   * an id the back end makes one. Without `create`, `id` must name an existing note.
   */
  'notes.save': z
    .object({
      id: noteId.optional(),
      create: z.boolean().optional(),
      topicId: topicId.nullable(),
      title: z.string().max(500),
      body: z.string().max(1_000_000),
      tags: z.array(z.string().max(100)).max(100),
    })
    .strict(),
  /** Moves a note to the Trash (restorable for 30 days); the deletion syncs as a tombstone. */
  'notes.delete': z.object({ id: noteId }).strict(),
  /** Notes in the Trash, most recently deleted first. */
  'notes.trash': z.object({}).strict(),
  /** Brings a note back from the Trash (it counts as an edit, so a sync keeps it everywhere). */
  'notes.restore': z.object({ id: noteId }).strict(),
} as const;

/** One topic's state as `progress.setMany` takes it. */
export type ProgressChange = z.infer<typeof progressChange>;

/** A note in the Trash. `reason`: deleted here, or deleted by a sync (another machine deleted it). */
export type TrashItem = { id: string; title: string; topicId: string | null; deletedAt: string; purgeAt: string; reason: 'deleted' | 'sync' };

/** What the dashboard shows. */
export type Dashboard = ProgressStats & {
  heatmap: HeatCell[];
  streak: number;
  today: string;
  recent: Array<RecentTopic & { docPath: string; exists: boolean; state: ProgressState }>;
  /** The topic to continue with: the most recent not done, or the next one after it. */
  continueAt: { topicId: string; title: string; docPath: string; slug: string } | null;
  noteCount: number;
  canUndoReset: boolean;
};

/** Results of the study domains. */
export type StudyResults = {
  'progress.get': { progress: Record<string, ProgressEntry>; canUndoReset: boolean };
  'progress.set': ProgressEntry;
  'progress.setMany': { entries: Record<string, ProgressEntry>; undo: ProgressChange[] };
  'progress.read': ProgressEntry;
  'progress.reset': { cleared: number };
  'progress.undoReset': { restored: number };
  'study.dashboard': Dashboard;
  'study.status': DbStatus;
  'study.export': { folder: string; files: number; notes: number };
  'notes.list': { notes: NoteListItem[]; tags: Array<{ tag: string; count: number }> };
  'notes.get': NoteListItem;
  'notes.save': Note;
  'notes.delete': { deleted: boolean };
  'notes.trash': { items: TrashItem[] };
  'notes.restore': Note;
};

export type { Completion, DbStatus, Note, NoteListItem, ProgressEntry, ProgressState };
