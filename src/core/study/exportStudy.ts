/** Export formats: notes as markdown files with front matter, progress as JSON and CSV. */
import type { Note, ProgressEntry } from '../db/schema';
import { serialiseNote } from '../sync/noteFile';
import type { CatalogTopic } from './topicCatalog';

/** A file to write, relative to the export folder. */
export type ExportFile = { path: string; text: string };

function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'note' : slug;
}

/**
 * Every note as `notes/<slug>-<id>.md`, names unique and safe on every OS, in the same file format
 * the sync writes (`serialiseNote`: one front-matter writer, so an exported note reads back).
 */
export function notesExport(notes: readonly Note[]): ExportFile[] {
  return notes.map((n) => ({ path: `notes/${fileSlug(n.title || n.topicTitle || 'note')}-${n.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 24)}.md`, text: serialiseNote(n) }));
}

function csvCell(value: string): string {
  // Quote every cell; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Progress as JSON (keyed by topic id) and CSV (one row per topic with a state). */
export function progressExport(progress: Readonly<Record<string, ProgressEntry>>, topics: ReadonlyMap<string, CatalogTopic>): ExportFile[] {
  const ids = Object.keys(progress).sort();
  const json = JSON.stringify({ exportedFormat: 1, progress: Object.fromEntries(ids.map((id) => [id, progress[id]])) }, null, 2);
  const header = ['topicId', 'title', 'doc', 'state', 'updatedAt', 'doneAt', 'readSeconds'].join(',');
  const rows = ids.map((id) => {
    const p = progress[id];
    const t = topics.get(id);
    return [id, t?.title ?? '', t?.docPath ?? id.split('#')[0] ?? '', p?.state ?? '', p?.updatedAt ?? '', p?.doneAt ?? '', String(p?.readSeconds ?? 0)].map(csvCell).join(',');
  });
  return [
    { path: 'progress.json', text: `${json}\n` },
    { path: 'progress.csv', text: `${[header, ...rows].join('\r\n')}\r\n` },
  ];
}
