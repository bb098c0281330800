/** Writes the learner's notes and progress into a folder (UI button and the Electron menu). */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../core/api/result';
import { serialiseReview } from '../../core/review/merge';
import { notesExport, progressExport } from '../../core/study/exportStudy';
import { writeFileDurable } from '../store/durableWrite';
import type { StudyService } from './studyService';

/** A folder name the caller may give: one plain segment (no separators, no `.`/`..`, nothing Windows refuses at the end). */
const EXPORT_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}(?<![ .])$/;

/**
 * Exports into `<data>/exports/<folder>` (created; must be empty if it exists), or a new dated
 * folder there. Exports never go anywhere else: `folder` is a name, not a path, so no caller (a
 * page of the web host, a crafted IPC message) can make the app write into a folder it names
 * (docs/SECURITY.md). The learner opens the folder from the message or File > Open data folder.
 */
export async function exportStudy(study: StudyService, dataDir: string, folder?: string): Promise<{ folder: string; files: number; notes: number }> {
  if (folder !== undefined && !EXPORT_NAME.test(folder)) {
    throw new ApiError('bad-request', 'An export folder is a plain name (letters, digits, space, dot, dash, underscore); exports are written under the data folder’s exports/.');
  }
  const name = folder ?? `nexus-export-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const target = path.join(dataDir, 'exports', name);
  const existing = await readdir(target).catch(() => null);
  if (existing !== null && existing.length > 0) {
    throw new ApiError('conflict', `${target} is not empty; choose an empty or new folder so nothing is overwritten.`);
  }
  const db = study.store.data;
  // review.json: card schedules and history, in the same shape the sync writes.
  const files = [...notesExport(db.notes), ...progressExport(db.progress, study.topics().topics), { path: 'review.json', text: serialiseReview(db.review) }];
  try {
    await mkdir(path.join(target, 'notes'), { recursive: true });
    for (const f of files) {
      await writeFileDurable(path.join(target, f.path), f.text);
    }
  } catch (e) {
    throw new ApiError('io', `The export could not be written to ${target}: ${(e as Error).message}`);
  }
  return { folder: target, files: files.length, notes: db.notes.length };
}
