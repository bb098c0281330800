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
  /** False when changes cannot be saved in this session (newer, locked). */
  writable: boolean;
  /** Where the corrupt file was moved, when it was. */
  corruptPath: string | null;
  /** The backup that was restored, when one was. */
  restoredFrom: string | null;
  /** Migrations applied on open (a backup was taken before them). */
  migrated: string[];
  /** The last save failed (disk full, read-only folder...): changes are kept in memory and retried. */
  saveError: string | null;
  /** Changes not yet on disk. */
  pendingChanges: boolean;
  /** A sentence for the learner, or null when all is well. */
  message: string | null;
};
