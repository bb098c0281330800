/** Which rotating backups to keep: the last few recent ones plus one per day for a week. */

/** A backup file and when it was taken (ms since epoch). */
export type BackupEntry = { name: string; takenAt: number };

/** The rotation rules. */
export type BackupPolicy = { keepRecent: number; minGapMs: number; keepDaily: number };

/** Last 10, at most one per 10 minutes, plus one per day for 7 days. */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keepRecent: 10, minGapMs: 10 * 60_000, keepDaily: 7 };

/** True when a new routine backup is due (the newest is older than the minimum gap). */
export function backupDue(existing: readonly BackupEntry[], now: number, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): boolean {
  const newest = existing.reduce((m, b) => Math.max(m, b.takenAt), -Infinity);
  return now - newest >= policy.minGapMs;
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The backups to delete so that the policy holds. Newest backups always survive. */
export function backupsToPrune(existing: readonly BackupEntry[], now: number, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): BackupEntry[] {
  const sorted = [...existing].sort((a, b) => b.takenAt - a.takenAt);
  const keep = new Set(sorted.slice(0, policy.keepRecent).map((b) => b.name));
  const days = new Set<string>();
  const oldestDay = now - policy.keepDaily * 24 * 3600_000;
  for (const b of sorted) {
    const day = dayOf(b.takenAt);
    if (b.takenAt >= oldestDay && !days.has(day)) {
      days.add(day);
      keep.add(b.name);
    }
  }
  return sorted.filter((b) => !keep.has(b.name));
}
