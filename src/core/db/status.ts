/** The health of the study database, as the UI reports it to the learner. */

/** What happened when the database was opened and whether saving works now. */
export type DbStatus = {
  /** Full path of the database file. */
  file: string;
  /**
   * ok: read and writable. restored: the file was corrupt and a backup was restored.
   * reset-empty: the file was corrupt and no good backup existed, so a new database was started.
   * newer: written by a newer version of the app; left untouched and opened read-only.
   * locked: another running app writes it; opened read-only.
   */
  state: 'ok' | 'restored' | 'reset-empty' | 'newer' | 'locked';
  /** False when changes cannot be saved in this session (newer, locked, closed). */
  writable: boolean;
  /** Where the corrupt file was moved, when it was. */
  corruptPath: string | null;
  /** The backup that was restored, when one was. */
  restoredFrom: string | null;
  /** Migrations applied on open (a backup was taken before them). */
  migrated: string[];
  /**
   * Why the last save failed (disk full, read-only folder...), or null once a save succeeds again.
   * A change whose save failed was rolled back: it is not in memory and is never written later.
   */
  saveError: string | null;
  /** A save is queued or being written right now (it is not visible until it is on disk). */
  pendingChanges: boolean;
  /** A sentence for the learner (at most MAX_STATUS_MESSAGE characters), or null when all is well. */
  message: string | null;
};

/** The longest message shown to the learner (banner, dialogs); the rest goes to the log. */
export const MAX_STATUS_MESSAGE = 400;

/** The longest text written to the log for one reason (a corrupt file's zod report can be huge). */
export const MAX_LOG_TEXT = 4096;

/**
 * `text` cut to at most `max` characters (an ellipsis and the number of characters left out mark
 * the cut). Never splits a surrogate pair.
 */
export function boundText(text: string, max: number = MAX_STATUS_MESSAGE): string {
  if (text.length <= max) {
    return text;
  }
  const tail = ` … (${text.length} characters in all)`;
  let end = Math.max(0, max - tail.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) {
    end--;
  }
  return `${text.slice(0, end)}${tail}`.slice(0, max);
}
