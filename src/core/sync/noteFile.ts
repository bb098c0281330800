/** One note <-> one markdown file with YAML front matter, and the file path of each note. */
import { stringify } from 'yaml';
import { z } from 'zod';
import { noteSchema } from '../db/schema';
import { isMapping, safeParseYaml } from '../openapi/safeYaml';
import type { SyncNote } from './types';

const FENCE = '---';

const frontSchema = z.object({
  id: noteSchema.shape.id,
  topic: z.string().max(4096).nullable(),
  topicTitle: z.string().max(1000).nullable().optional(),
  title: z.string().max(500),
  tags: z.array(z.string().max(100)).max(100),
  created: z.string().min(10).max(40),
  updated: z.string().min(10).max(40),
});

/** The file text of a note: front matter (id, topic, title, tags, created, updated) then the body. */
export function serialiseNote(note: SyncNote): string {
  const front = stringify(
    { id: note.id, topic: note.topicId, topicTitle: note.topicTitle, title: note.title, tags: note.tags, created: note.createdAt, updated: note.updatedAt },
    { lineWidth: 0 },
  );
  // A NUL would make the file binary to git and to our decoder (the note could never arrive).
  return `${FENCE}\n${front}${FENCE}\n${note.body.replaceAll('\u0000', '\uFFFD')}`;
}

/** A note file read back, or why it could not be. */
export type ParsedNote = { ok: true; note: SyncNote } | { ok: false; reason: string };

/** Parses a note file (untrusted: someone may have edited it on GitHub). Never throws. */
export function parseNote(text: string): ParsedNote {
  const normalised = text.replace(/^\uFEFF/, '');
  if (!normalised.startsWith(`${FENCE}\n`) && !normalised.startsWith(`${FENCE}\r\n`)) {
    return { ok: false, reason: 'no front matter' };
  }
  const rest = normalised.slice(normalised.indexOf('\n') + 1);
  const end = /^---\r?\n?/m.exec(rest);
  if (end === null) {
    return { ok: false, reason: 'front matter is not closed' };
  }
  const yaml = safeParseYaml(rest.slice(0, end.index));
  if (!yaml.ok) {
    return { ok: false, reason: yaml.message };
  }
  if (!isMapping(yaml.value)) {
    return { ok: false, reason: 'front matter is not a mapping' };
  }
  const front = frontSchema.safeParse({ ...yaml.value });
  if (!front.success) {
    const issue = front.error.issues[0];
    return { ok: false, reason: `front matter: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}` };
  }
  const f = front.data;
  const body = rest.slice(end.index + end[0].length);
  const note: SyncNote = { id: f.id, topicId: f.topic, topicTitle: f.topicTitle ?? null, title: f.title, body, tags: f.tags, createdAt: f.created, updatedAt: f.updated };
  const checked = noteSchema.safeParse(note);
  return checked.success ? { ok: true, note: checked.data } : { ok: false, reason: 'note is too large or malformed' };
}

/** A safe path segment: no dot-leading names, separators, control or Windows-reserved characters. */
export function safeSegment(s: string): string {
  const cleaned = s
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*\\/]+/g, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  if (cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)) {
    return `_${cleaned}`;
  }
  return cleaned;
}

function slugOf(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return s === '' ? 'note' : s;
}

/**
 * The path (relative to `.nexus/<handle>/`) of every note: `notes/<doc path>/<topic slug>.md`
 * for the oldest note of a topic, `<slug>--<id8>.md` for others, `notes/_free/<title>--<id8>.md`
 * for free notes. Deterministic for a given set of notes. `reserved` paths are never used.
 */
export function notePaths(notes: readonly SyncNote[], reserved: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>(reserved);
  const sorted = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const n of sorted) {
    const short = safeSegment(n.id.slice(0, 8));
    let p: string;
    if (n.topicId === null) {
      p = `notes/_free/${safeSegment(slugOf(n.title))}--${short}.md`;
    } else {
      const hash = n.topicId.indexOf('#');
      const docPath = hash === -1 ? n.topicId : n.topicId.slice(0, hash);
      const slug = hash === -1 ? 'top' : n.topicId.slice(hash + 1);
      const dir = docPath.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(safeSegment).join('/');
      const base = `notes/${dir === '' ? '_' : dir}/${safeSegment(slug === '' ? 'top' : slug)}`;
      p = used.has(`${base}.md`) ? `${base}--${short}.md` : `${base}.md`;
    }
    let unique = p;
    for (let i = 2; used.has(unique); i++) {
      unique = p.replace(/\.md$/, `-${i}.md`);
    }
    used.add(unique);
    out.set(n.id, unique);
  }
  return out;
}
