/** `progress.json`: synced progress keyed by topic id, as stable text. */
import { z } from 'zod';
import { progressStateSchema } from '../db/schema';
import type { SyncProgress, SyncProgressEntry } from './types';

const isoDate = z.string().min(10).max(40);
const entrySchema = z.object({ state: progressStateSchema, updatedAt: isoDate, doneAt: isoDate.nullable() });
const fileSchema = z.object({ version: z.literal(1), topics: z.record(z.string().max(4096), z.unknown()) });

/** The text of `progress.json`: keys sorted, two-space indent, trailing newline. */
export function serialiseProgress(progress: SyncProgress): string {
  const topics: Record<string, SyncProgressEntry> = {};
  for (const id of Object.keys(progress).sort()) {
    const e = progress[id];
    if (e !== undefined) {
      topics[id] = { state: e.state, updatedAt: e.updatedAt, doneAt: e.doneAt };
    }
  }
  return `${JSON.stringify({ version: 1, topics }, null, 2)}\n`;
}

/** Reads `progress.json`; malformed entries are dropped (and counted), a malformed file is null. */
export function parseProgress(text: string): { progress: SyncProgress; dropped: number } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) {
    return null;
  }
  const progress: SyncProgress = Object.create(null) as SyncProgress;
  let dropped = 0;
  for (const [id, value] of Object.entries(file.data.topics)) {
    const e = entrySchema.safeParse(value);
    if (e.success) {
      progress[id] = e.data;
    } else {
      dropped++;
    }
  }
  return { progress, dropped };
}
