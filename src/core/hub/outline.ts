/**
 * The one function that decides topic ids, shared by both parse paths: the full remark parse the
 * reader renders (parseMarkdown) and the fast open-time outline (fastOutline). Each path lists its
 * headings and top-level blocks in document order; buildOutline slugs them, nests the topics and
 * gathers each topic's text, so the reader and the index cannot disagree on ids for the same list.
 */
import { createSlugger } from './slug';
import type { Topic, TopicText } from './types';

/** A heading (any depth, nested or not) or a bold-line pseudo-heading, in document order. */
export type OutlineHeading = {
  kind: 'heading' | 'pseudo';
  depth: number;
  /** Inline markdown removed, explicit id removed, trimmed. */
  title: string;
  /** From `{ #id }` at the end of the heading, else null. */
  explicit: string | null;
  /** At the top level of the doc (or of a `:::` container at the top level). */
  topLevel: boolean;
  /** 1-based source line. */
  line: number;
};

/** A top-level block: a heading (index into the headings) or plain text and code. */
export type OutlineBlock = { heading: number } | { heading: null; text: string; code: string | null };

/** The outline of one doc; `ids[i]` is the anchor id of `headings[i]`. */
export type Outline = { topics: Topic[]; anchors: string[]; texts: TopicText[]; ids: string[] };

/** Slugs every heading, nests H1-H3 (and pseudo-headings when a doc has no H2/H3) into topics. */
export function buildOutline(path: string, headings: readonly OutlineHeading[], blocks: readonly OutlineBlock[]): Outline {
  const slugger = createSlugger();
  const anchors: string[] = [];
  const ids: string[] = [];
  const hasStructure = headings.some((h) => h.kind === 'heading' && h.topLevel && h.depth >= 2 && h.depth <= 3);
  for (const h of headings) {
    const id = h.explicit !== null ? slugger.reserve(h.explicit) : slugger.slug(h.title);
    ids.push(id);
    anchors.push(id);
  }
  const isTopic = (h: OutlineHeading): boolean => h.topLevel && (h.kind === 'heading' ? h.depth <= 3 : !hasStructure);

  const topics: Topic[] = [];
  const texts: TopicText[] = [];
  const bodies = new Map<string, { text: string[]; code: string[] }>();
  const stack: Topic[] = [];
  let current: { text: string[]; code: string[] } = { text: [], code: [] };
  const preamble = current;
  for (const block of blocks) {
    const h = block.heading !== null ? headings[block.heading] : undefined;
    if (h !== undefined && isTopic(h)) {
      const depth = (h.kind === 'heading' ? h.depth : 3) as 1 | 2 | 3;
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) {
        stack.pop();
      }
      const slug = ids[block.heading ?? 0] ?? '';
      const topic: Topic = {
        id: `${path}#${slug}`,
        docPath: path,
        slug,
        title: h.title,
        depth,
        parentId: stack[stack.length - 1]?.id ?? null,
        line: h.line,
      };
      stack.push(topic);
      topics.push(topic);
      current = topics.length === 1 ? preamble : { text: [], code: [] };
      texts.push({ topicId: topic.id, text: '', code: '' });
      current.text.push(htmlText(h.title));
      bodies.set(topic.id, current);
      continue;
    }
    if (h !== undefined) {
      current.text.push(htmlText(h.title));
    } else if (block.heading === null && block.code !== null) {
      current.code.push(block.code);
    } else if (block.heading === null) {
      current.text.push(block.text);
    }
  }
  if (topics.length === 0) {
    // A doc with no heading is one topic named after its file.
    const title = fileTitle(path);
    const slug = slugger.slug(title);
    const topic: Topic = { id: `${path}#${slug}`, docPath: path, slug, title, depth: 1, parentId: null, line: 1 };
    topics.push(topic);
    texts.push({ topicId: topic.id, text: '', code: '' });
    bodies.set(topic.id, preamble);
    anchors.push(slug);
  }
  for (const entry of texts) {
    const body = bodies.get(entry.topicId);
    entry.text = (body?.text ?? []).filter((t) => t !== '').join('\n').trim();
    entry.code = (body?.code ?? []).join('\n').trim();
  }
  return { topics, anchors, texts, ids };
}

const EXPLICIT_ID_TAIL = /^\{\s*#([A-Za-z0-9_.:-]+)\s*\}\s*$/;

/**
 * A trailing `{ #id }` (mkdocs attribute list) on a heading: the id and the text before it, with
 * the whitespace in between removed. Linear: the only candidate is the last `{`.
 */
export function splitExplicitId(text: string): { before: string; id: string } | null {
  const open = text.lastIndexOf('{');
  if (open === -1) {
    return null;
  }
  const m = EXPLICIT_ID_TAIL.exec(text.slice(open));
  if (m?.[1] === undefined) {
    return null;
  }
  return { before: text.slice(0, open).trimEnd(), id: m[1] };
}

/**
 * What both parse paths read: line ends as `\n` (micromark takes `\r\n` and a lone `\r` as line
 * ends, @lezer/markdown only `\n`; lines keep their numbers) and no leading byte order mark
 * (micromark drops it).
 */
export function normaliseLineEnds(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

/** Longest bold line taken as a pseudo-heading. */
export const PSEUDO_HEADING_MAX = 120;

/** Whether the text of a line that is all bold makes a pseudo-heading title. */
export function pseudoTitleAllowed(title: string): boolean {
  return title !== '' && title.length <= PSEUDO_HEADING_MAX && !title.endsWith(':');
}

/** A readable title from a file path: `docs/best-practices.md` -> `best practices`. */
export function fileTitle(path: string): string {
  const parts = path.split('/');
  let base = parts[parts.length - 1] ?? path;
  if (/^(readme|index)\.mdx?$/i.test(base) && parts.length > 1) {
    base = parts[parts.length - 2] ?? base;
  }
  return (
    base
      .replace(/\.(md|mdx|markdown)$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || path
  );
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// `[^<>]*` keeps every pattern linear: a scan never runs past the next `<`.
const TAG = /<\/?[A-Za-z][^<>]*>/g;
const OTHER = /<(?:![^<>]*|\?[^<>]*)>/g;

/** The text of raw HTML for search: tags and comments become spaces. */
export function htmlText(html: string): string {
  if (!html.includes('<')) {
    return html;
  }
  return html.replace(COMMENT, ' ').replace(OTHER, ' ').replace(TAG, ' ').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/[ \t]{2,}/g, ' ').trim();
}
