/** The notes model: orphans, list filtering and sorting, tag cleanup. */
import type { Note } from '../db/schema';

/** A note as the notes list shows it. */
export type NoteListItem = Note & {
  /** The topic no longer exists in the hub; `topicTitle` is the heading it belonged to. */
  orphaned: boolean;
};

/** How the notes list is ordered. */
export type NoteSort = 'updated' | 'created' | 'title';

/** What the notes list asks for. */
export type NoteQuery = { text?: string; tag?: string; topicId?: string | null; sort?: NoteSort; orphanedOnly?: boolean };

/** Trims, lower-cases and de-duplicates tags; drops empty ones and a leading `#`. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim().replace(/^#+/, '').toLowerCase().slice(0, 100);
    if (tag !== '' && !out.includes(tag)) {
      out.push(tag);
    }
  }
  return out;
}

/** True when the note is tied to a topic that is not in `topicIds`. Free notes are never orphaned. */
export function isOrphaned(note: Pick<Note, 'topicId'>, topicIds: ReadonlySet<string>): boolean {
  return note.topicId !== null && !topicIds.has(note.topicId);
}

/** Filters and sorts notes for the list (text search over title, body, tags and heading). */
export function queryNotes(notes: readonly Note[], topicIds: ReadonlySet<string>, q: NoteQuery = {}): NoteListItem[] {
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const items = notes
    .map((n) => ({ ...n, orphaned: isOrphaned(n, topicIds) }))
    .filter((n) => {
      if (q.topicId !== undefined && n.topicId !== q.topicId) {
        return false;
      }
      if (q.tag !== undefined && q.tag !== '' && !n.tags.includes(q.tag)) {
        return false;
      }
      if (q.orphanedOnly === true && !n.orphaned) {
        return false;
      }
      const hay = `${n.title}\n${n.body}\n${n.tags.join(' ')}\n${n.topicTitle ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  const sort = q.sort ?? 'updated';
  return items.sort((a, b) =>
    sort === 'title' ? a.title.localeCompare(b.title) || b.updatedAt.localeCompare(a.updatedAt) : sort === 'created' ? b.createdAt.localeCompare(a.createdAt) : b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** Every tag in use, with counts, most used first. */
export function tagCounts(notes: readonly Note[]): Array<{ tag: string; count: number }> {
  const counts = new Map<string, number>();
  for (const n of notes) {
    for (const t of n.tags) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return [...counts.entries()].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
