/** The learner-facing summary of a sync and the commit message. */
import type { SyncCounts } from './types';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "3 notes up, 1 down, 12 topics merged" (+ conflict copies, skipped files), or "Already up to date". */
export function syncSummary(c: SyncCounts): string {
  if (c.notesUp === 0 && c.notesDown === 0 && c.topicsMerged === 0 && c.conflicts === 0 && c.skipped === 0) {
    return 'Already up to date';
  }
  const parts = [`${plural(c.notesUp, 'note', 'notes')} up`, `${c.notesDown} down`, `${plural(c.topicsMerged, 'topic', 'topics')} merged`];
  if (c.conflicts > 0) {
    parts.push(plural(c.conflicts, 'conflict copy', 'conflict copies'));
  }
  if (c.skipped > 0) {
    parts.push(plural(c.skipped, 'file skipped', 'files skipped'));
  }
  return parts.join(', ');
}

/** What one export commit changed. */
export type ExportChanges = { added: string[]; changed: string[]; deleted: string[]; topics: number };

/** The commit message of an export: a subject that says what changed and a body listing notes. */
export function commitMessage(handle: string, machine: string, ch: ExportChanges): string {
  const notes = ch.added.length + ch.changed.length + ch.deleted.length;
  const subject = `nexus(${handle}): sync from ${machine} — ${plural(notes, 'note', 'notes')} changed, ${plural(ch.topics, 'topic', 'topics')} of progress`;
  // Titles are the learner's text: git refuses a NUL in a message, and control characters have no place there.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = (t: string): string => t.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  const list = (label: string, titles: string[]): string[] => (titles.length === 0 ? [] : [`${label}:`, ...titles.slice(0, 50).map((t) => `- ${clean(t)}`), ...(titles.length > 50 ? [`- and ${titles.length - 50} more`] : [])]);
  const body = [...list('Added', ch.added), ...list('Changed', ch.changed), ...list('Deleted', ch.deleted)];
  return body.length === 0 ? `${subject}\n` : `${subject}\n\n${body.join('\n')}\n`;
}

/** The machine label used in commit messages and conflict copies (host name, cleaned). */
export function machineLabel(host: string): string {
  const s = host.replace(/[^\w.-]+/g, '-').slice(0, 40);
  return s === '' ? 'another machine' : s;
}

/** A handle from git's user.name: lower case, `[a-z0-9._-]`, at most 40 characters. */
export function handleFromName(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 40);
  return s === '' ? 'me' : s;
}

/** True for a valid handle. */
export function isValidHandle(h: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,39}$/.test(h);
}
