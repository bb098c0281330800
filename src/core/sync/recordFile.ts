/**
 * The shape shared by the small JSON files a sync keeps in the repo (`progress.json`,
 * `tombstones.json`): `{ "version": 1, "<key>": { "<id>": entry, ... } }`, written as stable text
 * and read leniently (a bad entry is dropped alone, a malformed file is null).
 */
import { z } from 'zod';

/** The text of a versioned record file: ids sorted, two-space indent, trailing newline. */
export function serialiseRecordFile<T, Out>(key: string, record: Readonly<Record<string, T | undefined>>, pick: (entry: T) => Out): string {
  // No prototype: an id "__proto__" is an ordinary key here.
  const entries = Object.create(null) as Record<string, Out>;
  for (const id of Object.keys(record).sort()) {
    const e = record[id];
    if (e !== undefined) {
      entries[id] = pick(e);
    }
  }
  return `${JSON.stringify({ version: 1, [key]: entries }, null, 2)}\n`;
}

/**
 * Reads a versioned record file: null when the text is not JSON or not `{ version: 1, <key>: {...} }`;
 * otherwise the entries `entry` accepts under ids of 1..maxId characters, and how many were dropped.
 */
export function parseRecordFile<T>(text: string, key: string, entry: z.ZodType<T>, maxId: number): { entries: Record<string, T>; dropped: number } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!z.object({ version: z.literal(1), [key]: z.record(z.string(), z.unknown()) }).safeParse(raw).success) {
    return null;
  }
  const entries = Object.create(null) as Record<string, T>;
  let dropped = 0;
  // The raw object, not zod's copy: zod leaves out a "__proto__" key, which is a valid id.
  for (const [id, value] of Object.entries((raw as Record<string, Record<string, unknown>>)[key] ?? {})) {
    const e = entry.safeParse(value);
    if (e.success && id.length >= 1 && id.length <= maxId) {
      entries[id] = e.data;
    } else {
      dropped++;
    }
  }
  return { entries, dropped };
}
