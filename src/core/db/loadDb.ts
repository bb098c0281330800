/** Classifies the text of a database file: usable (maybe after migration), corrupt, or too new. */
import { CURRENT_SCHEMA_VERSION, type StudyDb, studyDbSchema } from './schema';
import { type Migration, migrations, pendingMigrations } from './migrations';

/** What a database file turned out to be. */
export type LoadOutcome =
  | { kind: 'ok'; db: StudyDb; migrated: string[]; fromVersion: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

/**
 * Parses, migrates and validates database text. Never falls back to defaults: empty, truncated,
 * NUL-filled, invalid JSON, `null` and wrong shapes are all `corrupt`.
 */
export function loadDb(text: string, steps: readonly Migration[] = migrations): LoadOutcome {
  if (text.trim() === '') {
    return { kind: 'corrupt', reason: 'the file is empty' };
  }
  if (text.includes('\0')) {
    return { kind: 'corrupt', reason: 'the file contains NUL bytes (an interrupted write)' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { kind: 'corrupt', reason: `the file is not valid JSON (${(e as Error).message})` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { kind: 'corrupt', reason: 'the file does not hold a database object' };
  }
  const version = (raw as Record<string, unknown>)['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'corrupt', reason: 'the file has no valid schemaVersion' };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return { kind: 'newer', version };
  }
  let data = raw as Record<string, unknown>;
  const applied: string[] = [];
  for (const step of pendingMigrations(version, steps)) {
    data = step.up(data);
    applied.push(step.name);
  }
  const parsed = studyDbSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'corrupt', reason: `the file has the wrong shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})` };
  }
  return { kind: 'ok', db: parsed.data, migrated: applied, fromVersion: version };
}

/** The text written for a database: stable, readable JSON. */
export function serializeDb(db: StudyDb): string {
  return `${JSON.stringify(db, null, 2)}\n`;
}
