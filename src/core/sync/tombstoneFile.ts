/** `tombstones.json`: the note ids deleted on some machine, with the hash of the version deleted. */
import { z } from 'zod';
import { tombstoneSchema } from '../db/schema';
import type { Tombstones } from './types';

const fileSchema = z.object({ version: z.literal(1), notes: z.record(z.string().max(100), z.unknown()) });

/** The text of `tombstones.json`: ids sorted, two-space indent, trailing newline. */
export function serialiseTombstones(tombstones: Tombstones): string {
  const notes: Tombstones = {};
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
  for (const [id, value] of Object.entries(file.data.notes)) {
    const t = tombstoneSchema.safeParse(value);
    if (t.success) {
      out[id] = t.data;
    }
  }
  return out;
}
