/** "in 3 days (Mon 4 May)" from an ISO due date, relative to `now`. */
export function formatDue(iso: string, now: Date = new Date()): string {
  const due = new Date(iso);
  const days = Math.round((due.getTime() - now.getTime()) / 86_400_000);
  const date = due.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  if (days <= 0) {
    return 'today';
  }
  return days === 1 ? `tomorrow (${date})` : `in ${days} days (${date})`;
}
