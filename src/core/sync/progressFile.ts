/** `progress.json`: synced progress keyed by topic id, as stable text. */
import { z } from 'zod';
import { progressStateSchema } from '../db/schema';
import { parseRecordFile, serialiseRecordFile } from './recordFile';
import type { SyncProgress, SyncProgressEntry } from './types';

const isoDate = z.string().min(10).max(40);
const entrySchema = z.object({ state: progressStateSchema, updatedAt: isoDate, doneAt: isoDate.nullable() });

/** Longest topic id kept. */
const MAX_TOPIC_ID = 4096;

/** The text of `progress.json`: keys sorted, two-space indent, trailing newline. */
export function serialiseProgress(progress: SyncProgress): string {
  return serialiseRecordFile('topics', progress, (e: SyncProgressEntry) => ({ state: e.state, updatedAt: e.updatedAt, doneAt: e.doneAt }));
}

/** Reads `progress.json`; malformed entries are dropped (and counted), a malformed file is null. */
export function parseProgress(text: string): { progress: SyncProgress; dropped: number } | null {
  const read = parseRecordFile(text, 'topics', entrySchema, MAX_TOPIC_ID);
  return read === null ? null : { progress: read.entries, dropped: read.dropped };
}
