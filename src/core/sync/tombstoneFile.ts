/** `tombstones.json`: the note ids deleted on some machine, with the hash of the version deleted. */
import { z } from 'zod';
import { tombstoneSchema } from '../db/schema';
import type { Tombstones } from './types';

const fileSchema = z.object({ version: z.literal(1), notes: z.record(z.string(), z.unknown()) });

/** Longest note id (as in the database schema). */
const MAX_ID = 100;

/** The text of `tombstones.json`: ids sorted, two-space indent, trailing newline. */
export function serialiseTombstones(tombstones: Tombstones): string {
  // No prototype: a note id "__proto__" is an ordinary key here.
  const notes = Object.create(null) as Tombstones;
  for (const id of Object.keys(tombstones).sort()) {
    const t = tombstones[id];
    if (t !== undefined) {
      notes[id] = { deletedAt: t.deletedAt, hash: t.hash };
    }
  }
  return `${JSON.stringify({ version: 1, notes }, null, 2)}\n`;
}

/** Reads `tombstones.json`; malformed entries are dropped, a malformed file is null. */
export function parseTombstones(text: string): Tombstones | null {
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
  const out: Tombstones = Object.create(null) as Tombstones;
  // The raw object, not zod's copy: zod leaves out a "__proto__" key, which is a valid note id.
  const notes = (raw as { notes: Record<string, unknown> }).notes;
  for (const [id, value] of Object.entries(notes)) {
    const t = tombstoneSchema.safeParse(value);
    // A bad entry is dropped alone: one odd id must not hide every other deletion.
    if (t.success && id.length >= 1 && id.length <= MAX_ID) {
      out[id] = t.data;
    }
  }
  return out;
}
