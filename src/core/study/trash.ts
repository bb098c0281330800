/** The Trash: deleted notes are kept for 30 days, then purged (their tombstones stay). */
import type { TrashEntry } from '../db/schema';

/** How long a deleted note stays restorable. */
export const TRASH_DAYS = 30;

/** When a note deleted at `deletedAt` leaves the Trash. */
export function purgeAt(deletedAt: string): string {
  const t = new Date(deletedAt).getTime();
  return Number.isNaN(t) ? deletedAt : new Date(t + TRASH_DAYS * 86_400_000).toISOString();
}

/** The entries still within their 30 days at `now`; one whose time cannot be read is never purged. */
export function purgeTrash(trash: readonly TrashEntry[], now: Date): TrashEntry[] {
  return trash.filter((t) => {
    const at = new Date(t.deletedAt).getTime();
    return Number.isNaN(at) || at + TRASH_DAYS * 86_400_000 > now.getTime();
  });
}
