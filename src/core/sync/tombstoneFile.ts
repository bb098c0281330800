/** `tombstones.json`: the note ids deleted on some machine, with the hash of the version deleted. */
import { tombstoneSchema } from '../db/schema';
import { parseRecordFile, serialiseRecordFile } from './recordFile';
import type { Tombstones } from './types';

/** Longest note id (as in the database schema). */
const MAX_ID = 100;

/** The text of `tombstones.json`: ids sorted, two-space indent, trailing newline. */
export function serialiseTombstones(tombstones: Tombstones): string {
  return serialiseRecordFile('notes', tombstones, (t) => ({ deletedAt: t.deletedAt, hash: t.hash }));
}

/** Reads `tombstones.json`; malformed entries are dropped alone (one odd id must not hide every other deletion), a malformed file is null. */
export function parseTombstones(text: string): Tombstones | null {
  return parseRecordFile(text, 'notes', tombstoneSchema, MAX_ID)?.entries ?? null;
}
