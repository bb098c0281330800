/** Classifies the text of a database file: usable (maybe after migration), corrupt, or too new. */
import { CURRENT_SCHEMA_VERSION, type StudyDb, studyDbSchema } from './schema';
import { type Migration, migrations, pendingMigrations } from './migrations';
import { boundText } from './status';

/** The longest reason a corrupt file gets (it ends up in the learner's banner). */
export const MAX_REASON = 300;

/** What a database file turned out to be. */
export type LoadOutcome =
  | { kind: 'ok'; db: StudyDb; migrated: string[]; fromVersion: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

/**
 * Parses, migrates and validates database text. Never falls back to defaults: empty, truncated,
 * NUL-filled, invalid JSON, `null` and wrong shapes are all `corrupt`. A reason is at most
 * MAX_REASON characters, however much is wrong with the file.
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
    return { kind: 'corrupt', reason: boundText(`the file is not valid JSON (${(e as Error).message})`, MAX_REASON) };
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
    // A file full of junk keys makes zod list every one of them: each part is cut short.
    const issue = parsed.error.issues[0];
    const where = boundText(issue?.path.join('.') ?? '', 80);
    const what = boundText(issue?.message ?? 'invalid', 160);
    const more = parsed.error.issues.length > 1 ? `, and ${parsed.error.issues.length - 1} more problems` : '';
    return { kind: 'corrupt', reason: boundText(`the file has the wrong shape (${where}: ${what}${more})`, MAX_REASON) };
  }
  return { kind: 'ok', db: parsed.data, migrated: applied, fromVersion: version };
}

/** The text written for a database: stable, readable JSON. */
export function serializeDb(db: StudyDb): string {
  return `${JSON.stringify(db, null, 2)}\n`;
}
