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
  const tocs = tablesOfContents(doc, texts);
  return doc.topics.map((topic, i) => {
    const text = texts.get(topic.id);
    const toc = tocs[i] === true;
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

/** Only letters and digits, folded: `Reading a .env file` and its anchor `reading-a-env-file` agree. */
function squeeze(text: string): string {
  const folded = fold(text);
  return NOT_ASCII.test(folded) ? folded.replace(/[^\p{L}\p{N}]+/gu, '') : folded.replace(/[^a-z0-9]+/g, '');
}

const NOT_ASCII = /[^\t\n\r -~]/u;
const PLAIN_SLUG = /^[a-z0-9-]+$/;

/** At least this many of the doc's headings must be listed... */
const TOC_MIN_HEADINGS = 3;
/** ...and they must make up this share of the section's letters and digits at least. */
const TOC_MIN_SHARE = 0.7;
/** Letters and digits of introduction a table of contents may open with. */
const TOC_INTRO = 60;
/** Characters of a section read first to rule it out. */
const TOC_PEEK = 200;
const NOWHERE = { from: -1, to: -1 };

/**
 * The doc's headings (every anchor, and topic titles for headings with an explicit id) as
 * squeezed phrases, each with the anchor positions it stands at, looked up by their first three
 * characters: a section is then read once, whatever the number of headings.
 */
class HeadingPhrases {
  private readonly byStart = new Map<number, string[]>();
  private readonly at = new Map<string, number[]>();

  constructor(phrases: Iterable<[phrase: string, at: number]>) {
    for (const [p, k] of phrases) {
      if (p.length < 3) {
        continue;
      }
      const at = this.at.get(p);
      if (at !== undefined) {
        at.push(k);
        continue;
      }
      this.at.set(p, [k]);
      const key = startKey(p, 0);
      const list = this.byStart.get(key);
      if (list === undefined) {
        this.byStart.set(key, [p]);
      } else {
        list.push(p);
      }
    }
    // Longest first: `connection pooling` is read whole, not as `connection`.
    for (const list of this.byStart.values()) {
      list.sort((x, y) => y.length - x.length);
    }
  }

  /**
   * True when `body` (squeezed) is mostly headings standing outside anchor positions [from, to):
   * a section's own sub-headings (depth 4 and below, bold-line pseudo-headings) are part of its
   * text, so a section made only of them is an outline of itself, not a table of contents.
   */
  listsHeadings(body: string, own: string, range: { from: number; to: number }, whole = true): boolean {
    const allowedLeft = body.length * (1 - TOC_MIN_SHARE);
    let left = 0;
    let listed = 0;
    for (let s = 0; s < body.length; ) {
      let found = 0;
      for (const p of (s + 3 <= body.length ? this.byStart.get(startKey(body, s)) : undefined) ?? []) {
        if (p !== own && body.startsWith(p, s) && this.at.get(p)!.some((k) => k < range.from || k >= range.to)) {
          found = p.length;
          break;
        }
      }
      if (found > 0) {
        listed++;
        s += found;
      } else if (++left > TOC_INTRO + (1 - TOC_MIN_SHARE) * s || (whole && left > allowedLeft)) {
        // Past a short introduction, the text must keep being headings.
        return false;
      } else {
        s++;
      }
    }
    return !whole || listed >= TOC_MIN_HEADINGS;
  }
}

/** The first three characters at `s` as one number (a cheaper map key than a string). */
function startKey(text: string, s: number): number {
  return text.charCodeAt(s) * 4294967296 + text.charCodeAt(s + 1) * 65536 + text.charCodeAt(s + 2);
}

/** Marks each topic of `doc` that is a table of contents (by index). */
function tablesOfContents(doc: ParsedDoc, texts: ReadonlyMap<string, { text: string }>): boolean[] {
  if (doc.anchors.length <= TOC_MIN_HEADINGS) {
    // A section cannot list three other headings.
    return doc.topics.map(() => false);
  }
  // Anchors are in document order: a topic's section runs from its anchor to the next topic's.
  const first = new Map<string, number>();
  doc.anchors.forEach((a, k) => {
    if (!first.has(a)) {
      first.set(a, k);
    }
  });
  const starts = doc.topics.map((t) => first.get(t.slug) ?? -1);
  // Where each section ends: the next topic's anchor after its own.
  const ends: number[] = [];
  let next = doc.anchors.length;
  for (let i = starts.length - 1; i >= 0; i--) {
    ends[i] = next;
    if (starts[i]! !== -1 && starts[i]! < next) {
      next = starts[i]!;
    }
  }
  const titles = doc.topics.map((t) => squeeze(t.title));
  const phrases = new HeadingPhrases([
    // Most anchors are plain slugs already: dropping the hyphens squeezes them.
    ...doc.anchors.map((a, k): [string, number] => [PLAIN_SLUG.test(a) ? a.replace(/-/g, '') : squeeze(a), k]),
    ...titles.map((t, i): [string, number] => [t, starts[i]!]),
  ]);
  return doc.topics.map((topic, i) => {
    const text = texts.get(topic.id)?.text ?? '';
    const from = starts[i]!;
    if (text === '' || from === -1) {
      return false;
    }
    const body = text.startsWith(topic.title) ? text.slice(topic.title.length) : text;
    const own = titles[i]!;
    const range = { from, to: ends[i]! };
    // Most sections are prose: their first few hundred characters tell, without reading the rest.
    return phrases.listsHeadings(squeeze(body.slice(0, TOC_PEEK)), own, range, body.length <= TOC_PEEK) && (body.length <= TOC_PEEK || phrases.listsHeadings(squeeze(body), own, range));
  });
}

/**
 * True when a section's text (after its own title) is mostly other headings of the same doc
 * (`headings`, any form): a table of contents, whatever its title, list style or numbering.
 * Compared on letters and digits only, so glued list items and punctuation do not matter.
 */
export function isTableOfContents(text: string, title: string, headings: readonly string[]): boolean {
  const body = squeeze(text.startsWith(title) ? text.slice(title.length) : text);
  return new HeadingPhrases(headings.map((h): [string, number] => [squeeze(h), -1])).listsHeadings(body, squeeze(title), NOWHERE);
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
