/** Writes the learner's notes and progress into a folder (UI button and the Electron menu). */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../core/api/result';
import { serialiseReview } from '../../core/review/merge';
import { notesExport, progressExport } from '../../core/study/exportStudy';
import { writeFileDurable } from '../store/durableWrite';
import type { StudyService } from './studyService';

/** Exports into `folder` (created; must be empty if it exists) or a new dated folder under `<data>/exports`. */
export async function exportStudy(study: StudyService, dataDir: string, folder?: string): Promise<{ folder: string; files: number; notes: number }> {
  const target = folder !== undefined ? path.resolve(folder) : path.join(dataDir, 'exports', `nexus-export-${new Date().toISOString().replace(/[:.]/g, '-')}`);
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
