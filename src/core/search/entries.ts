/** Hub docs, API operations and notes -> search entries. */
import type { Nodes as HastNodes } from 'hast';
import type { ParsedDoc, Topic } from '../hub/types';
import type { ApiSpec, EndpointTopic } from '../openapi/types';
import { fold } from './tokenize';
import type { SearchEntry } from './types';

/** A note as search needs it. */
export type NoteInput = { id: string; topicId: string | null; title: string; body: string; tags: string[] };

/** One entry per topic of a parsed doc, with its heading path (doc title, then parent headings). */
export function docEntries(doc: ParsedDoc): SearchEntry[] {
  const byId = new Map(doc.topics.map((t) => [t.id, t]));
  const texts = new Map(doc.texts.map((t) => [t.topicId, t]));
  const elsewhere = headingsElsewhere(doc);
  return doc.topics.map((topic, i) => {
    const text = texts.get(topic.id);
    const toc = text !== undefined && text.text !== '' && isTableOfContents(text.text, topic.title, elsewhere(i));
    return {
      key: topic.id,
      kind: 'section',
      docPath: doc.path,
      docTitle: doc.title,
      topicId: topic.id,
      slug: topic.slug,
      title: topic.title,
      headingPath: headingPath(doc, topic, byId),
      keywords: '',
      body: text?.text ?? '',
      code: text?.code ?? '',
      ...(toc ? { toc: true } : {}),
    };
  });
}

/** Only letters and digits, folded: `Reading a .env file` and its anchor `reading-a-env-file` agree. */
function squeeze(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * For the topic at index `i`: the doc's headings outside its own section, squeezed, longest first.
 * A section's own sub-headings (depth 4 and below, bold-line pseudo-headings) are part of its
 * text: a section made only of them is an outline of itself, not a table of contents.
 */
function headingsElsewhere(doc: ParsedDoc): (i: number) => string[] {
  // Anchors are in document order: a topic's section runs from its anchor to the next topic's.
  const squeezed = doc.anchors.map(squeeze);
  const starts = doc.topics.map((t) => doc.anchors.indexOf(t.slug));
  const titles = doc.topics.map((t) => squeeze(t.title));
  return (i) => {
    const from = starts[i]!;
    const to = starts.slice(i + 1).find((s) => s > from) ?? squeezed.length;
    const phrases = new Set<string>(titles.filter((_, j) => j !== i));
    squeezed.forEach((a, k) => {
      if (from === -1 || k < from || k >= to) {
        phrases.add(a);
      }
    });
    return [...phrases].filter((p) => p.length >= 3).sort((x, y) => y.length - x.length);
  };
}

/** At least this many of the doc's headings must be listed... */
const TOC_MIN_HEADINGS = 3;
/** ...and they must make up this share of the section's letters and digits at least. */
const TOC_MIN_SHARE = 0.7;

/**
 * True when a section's text (after its own title) is mostly the titles of other headings of
 * the same doc: a table of contents, whatever its title, list style or numbering. Compared on
 * letters and digits only, so glued list items and punctuation do not matter.
 */
export function isTableOfContents(text: string, title: string, headings: readonly string[]): boolean {
  const body = squeeze(text.startsWith(title) ? text.slice(title.length) : text);
  const own = squeeze(title);
  if (body.length === 0) {
    return false;
  }
  // Listing a heading twice is as much as a table of contents does: longer text cannot be one.
  let room = 0;
  for (const h of headings) {
    room += h.length * 2;
    if (room >= body.length) {
      break;
    }
  }
  if (room < body.length) {
    return false;
  }
  let rest = body;
  let listed = 0;
  for (const h of headings) {
    if (h === own || !rest.includes(h)) {
      continue;
    }
    const parts = rest.split(h);
    listed += parts.length - 1;
    // A separator no heading contains keeps the pieces around a match from joining into another.
    rest = parts.join(' ');
  }
  const left = rest.replace(/ /g, '').length;
  return listed >= TOC_MIN_HEADINGS && left <= body.length * (1 - TOC_MIN_SHARE);
}

function headingPath(doc: ParsedDoc, topic: Topic, byId: Map<string, Topic>): string[] {
  const path: string[] = [];
  let parent = topic.parentId !== null ? byId.get(topic.parentId) : undefined;
  while (parent !== undefined) {
    path.unshift(parent.title);
    parent = parent.parentId !== null ? byId.get(parent.parentId) : undefined;
  }
  if (path[0] !== doc.title && topic.title !== doc.title) {
    path.unshift(doc.title);
  }
  return path;
}

/** An API operation: found by method, path, summary, tags and operationId. */
export function endpointEntry(op: EndpointTopic, specTitle: string): SearchEntry {
  // The id is `<spec path>#<operation slug>`; a spec path may itself hold a '#'.
  const prefix = `${op.specPath}#`;
  const hash = op.id.startsWith(prefix) ? prefix.length - 1 : op.id.lastIndexOf('#');
  return {
    key: op.id,
    kind: 'endpoint',
    docPath: op.specPath,
    docTitle: specTitle,
    topicId: op.id,
    slug: hash === -1 ? null : op.id.slice(hash + 1),
    title: `${op.method} ${op.path}`,
    headingPath: [specTitle, ...op.tags],
    keywords: `${op.summary} ${op.operationId ?? ''} ${op.method.toLowerCase()}`,
    body: op.description,
    code: '',
  };
}

/**
 * A spec's own text: its overview (`info.title` and `info.description`) and each tag's
 * description. They open the API reference at its top; they are no operation, so no topic.
 */
export function specEntries(spec: Pick<ApiSpec, 'path' | 'title' | 'version' | 'descriptionHast' | 'tags'>): SearchEntry[] {
  const base = { kind: 'endpoint' as const, docPath: spec.path, docTitle: spec.title, topicId: null, slug: null, code: '' };
  const out: SearchEntry[] = [{ ...base, key: `spec:${spec.path}`, title: spec.title, headingPath: [], keywords: '', body: hastText(spec.descriptionHast) }];
  for (const tag of spec.tags) {
    const body = hastText(tag.descriptionHast);
    if (body !== '') {
      out.push({ ...base, key: `spec:${spec.path}#tag:${tag.name}`, title: tag.name, headingPath: [spec.title], keywords: '', body });
    }
  }
  return out;
}

/** Elements that run inside a line; every other element is a block, set apart by a space. */
const INLINE = new Set(['a', 'abbr', 'b', 'code', 'del', 'em', 'i', 'kbd', 'mark', 's', 'span', 'strong', 'sub', 'sup', 'u']);

/** The text of a sanitised description (null for none), blocks and list items apart. */
export function hastText(node: HastNodes | null): string {
  if (node === null) {
    return '';
  }
  const parts: string[] = [];
  const walk = (n: HastNodes): void => {
    if (n.type === 'text') {
      parts.push(n.value);
    } else if (n.type === 'root' || n.type === 'element') {
      const block = n.type === 'element' && !INLINE.has(n.tagName);
      if (block) {
        parts.push(' ');
      }
      n.children.forEach((c) => walk(c));
      if (block) {
        parts.push(' ');
      }
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A note: found by title, tags and body; it opens at its topic when it has one. */
export function noteEntry(note: NoteInput, topic: { docPath: string; docTitle: string; slug: string; title: string } | null): SearchEntry {
  return {
    key: `note:${note.id}`,
    kind: 'note',
    docPath: topic?.docPath ?? '',
    docTitle: topic?.docTitle ?? 'Notes',
    topicId: note.topicId,
    slug: topic?.slug ?? null,
    title: note.title !== '' ? note.title : 'Untitled note',
    headingPath: topic !== null ? [topic.docTitle, topic.title] : [],
    keywords: note.tags.join(' '),
    body: note.body,
    code: '',
  };
}
