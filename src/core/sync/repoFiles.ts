/** The database's notes and progress <-> the files under `.nexus/<handle>/`. */
import { parseReviewText, serialiseReview } from '../review/merge';
import type { ReviewState } from '../review/reviewSchema';
import { contentHash } from '../search/contentHash';
import { CONFLICT_TAG } from './merge';
import { notePaths, parseNote, serialiseNote } from './noteFile';
import { parseProgress, serialiseProgress } from './progressFile';
import { parseTombstones, serialiseTombstones } from './tombstoneFile';
import type { RepoFile, SyncNote, SyncProgress, SyncSide, Tombstones } from './types';

/** Name of the progress file inside the handle folder. */
export const PROGRESS_FILE = 'progress.json';
/** Folder of the note files inside the handle folder. */
export const NOTES_DIR = 'notes/';
/** Name of the review state file (card schedules, history) inside the handle folder. */
export const REVIEW_FILE = 'review.json';
/** Name of the tombstones file (deleted note ids) inside the handle folder. */
export const TOMBSTONES_FILE = 'tombstones.json';

const sameText = (a: SyncNote, b: SyncNote): boolean => a.title === b.title && a.body === b.body && a.topicId === b.topicId && a.tags.join('\u0001') === b.tags.join('\u0001');

/**
 * The files that represent `notes` and `progress` (and `review` and `tombstones`, when given),
 * sorted by path. `reserved` paths (repo files we could not read and keep as they are) are not
 * used for notes.
 */
export function exportFiles(notes: readonly SyncNote[], progress: SyncProgress, review?: ReviewState, tombstones?: Tombstones, reserved: ReadonlySet<string> = new Set()): RepoFile[] {
  const paths = notePaths(notes, reserved);
  const files: RepoFile[] = notes.map((n) => ({ path: paths.get(n.id) ?? `notes/_free/${n.id}.md`, text: serialiseNote(n) }));
  files.push({ path: PROGRESS_FILE, text: serialiseProgress(progress) });
  if (review !== undefined) {
    files.push({ path: REVIEW_FILE, text: serialiseReview(review) });
  }
  if (tombstones !== undefined && Object.keys(tombstones).length > 0) {
    files.push({ path: TOMBSTONES_FILE, text: serialiseTombstones(tombstones) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Reads one side (local, remote or base) from its files. Unreadable files are listed in
 * `skipped`. A note id seen twice (a file copied by hand) keeps the most recently updated
 * version under the id; another text under the same id becomes a note of its own
 * (`<id>~d<hash>`, tagged `conflict`), so nothing a file holds is dropped.
 */
export function readSide(files: readonly RepoFile[]): SyncSide {
  const byId = new Map<string, SyncNote>();
  const skipped: string[] = [];
  let progress: SyncProgress = {};
  let review: ReviewState | undefined;
  let tombstones: Tombstones = {};
  for (const f of files) {
    if (f.path === TOMBSTONES_FILE) {
      const parsed = parseTombstones(f.text);
      if (parsed === null) {
        skipped.push(f.path);
      } else {
        tombstones = parsed;
      }
    } else if (f.path === REVIEW_FILE) {
      const parsed = parseReviewText(f.text);
      if (parsed === null) {
        skipped.push(f.path);
      } else {
        review = parsed;
      }
    } else if (f.path === PROGRESS_FILE) {
      const parsed = parseProgress(f.text);
      if (parsed === null) {
        skipped.push(f.path);
      } else {
        progress = parsed.progress;
      }
    } else if (f.path.startsWith(NOTES_DIR) && f.path.endsWith('.md')) {
      const parsed = parseNote(f.text);
      if (!parsed.ok) {
        skipped.push(f.path);
        continue;
      }
      const n = parsed.note;
      const prev = byId.get(n.id);
      if (prev === undefined) {
        byId.set(n.id, n);
      } else if (!sameText(prev, n)) {
        const [keep, other] = n.updatedAt > prev.updatedAt || (n.updatedAt === prev.updatedAt && serialiseNote(n) > serialiseNote(prev)) ? [n, prev] : [prev, n];
        byId.set(keep.id, keep);
        const dup = { ...other, id: `${other.id.slice(0, 80)}~d${contentHash([serialiseNote(other)]).slice(0, 12)}`, tags: other.tags.includes(CONFLICT_TAG) ? other.tags : [...other.tags, CONFLICT_TAG].slice(-100) };
        byId.set(dup.id, dup);
      }
    }
  }
  return { notes: [...byId.values()], progress, skipped, tombstones, ...(review !== undefined ? { review } : {}) };
}
