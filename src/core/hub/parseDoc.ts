/**
 * Markdown -> mdast -> topics. The single place that decides heading ids, so links, progress,
 * notes and search all agree on them.
 */
import type { Code, Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { normaliseAdmonitionTitles, remarkContainerDirectives, topLevelBlocks } from './dialects';
import { parseFrontMatter } from './frontMatter';
import { MAX_DOC_BYTES, nestingProblem } from './limits';
import { createSlugger } from './slug';
import type { HubProblem, ParsedDoc, Topic, TopicText } from './types';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkContainerDirectives).freeze();

const EXPLICIT_ID = /\s*\{\s*#([A-Za-z0-9_.:-]+)\s*\}\s*$/;
const PSEUDO_HEADING_MAX = 120;

/** Thrown for a doc that must not be parsed; the loader turns it into a per-file problem. */
export class DocRejected extends Error {
  constructor(readonly problem: HubProblem) {
    super(problem.message);
  }
}

/** The mdast of a doc plus what was derived from it. */
export type ParsedMarkdown = { tree: Root; doc: ParsedDoc; /** The text the tree's positions refer to. */ text: string };

/** Parses one markdown doc. Throws DocRejected for input over the size or nesting limits. */
export function parseMarkdown(path: string, source: string, encoding: ParsedDoc['encoding'] = 'utf-8'): ParsedMarkdown {
  const text = normaliseAdmonitionTitles(source);
  if (text.length > MAX_DOC_BYTES) {
    throw new DocRejected({
      path,
      code: 'too-large',
      severity: 'error',
      message: `Larger than ${MAX_DOC_BYTES / 1048576} MiB; not shown.`,
    });
  }
  const deep = nestingProblem(text);
  if (deep !== null) {
    throw new DocRejected({ path, code: 'too-deep', severity: 'error', message: `Markdown ${deep}; not shown.` });
  }
  let tree: Root;
  try {
    tree = processor.parse(text);
  } catch (e) {
    const message = e instanceof RangeError ? 'Markdown too deeply nested to parse' : `Markdown could not be parsed: ${String(e)}`;
    throw new DocRejected({ path, code: 'parse-failed', severity: 'error', message });
  }
  const problems: HubProblem[] = [];
  let frontMatter: ParsedDoc['frontMatter'] = null;
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const fm = parseFrontMatter(first.value);
    frontMatter = fm.data;
    if (fm.error !== null) {
      problems.push({ path, code: 'front-matter', severity: 'warning', message: `Front matter ignored: ${fm.error}` });
    }
  }
  const unclosed = unclosedFence(tree, text);
  if (unclosed !== null) {
    problems.push({
      path,
      code: 'unclosed-fence',
      severity: 'warning',
      message: `Code fence opened on line ${unclosed} is never closed: the rest of the file shows as code.`,
    });
  }
  const { topics, anchors, texts } = outline(path, tree);
  const title = docTitle(path, frontMatter, topics);
  return { tree, text, doc: { path, title, topics, anchors, texts, frontMatter, problems, encoding } };
}

/** Parses one markdown doc into its topics, anchors and texts (see parseMarkdown). */
export function parseDoc(path: string, text: string): ParsedDoc {
  return parseMarkdown(path, text).doc;
}

function outline(path: string, tree: Root): { topics: Topic[]; anchors: string[]; texts: TopicText[] } {
  const slugger = createSlugger();
  const anchors: string[] = [];
  // Blocks inside a `:::` container count as top level, so an admonition never hides a topic.
  const { blocks, parents } = topLevelBlocks(tree);
  const hasStructure = blocks.some((n) => n.type === 'heading' && n.depth >= 2 && n.depth <= 3);
  // Ids are assigned in document order over every heading (nested ones too), like GitHub.
  const topicNodes = new Map<RootContent, { depth: 1 | 2 | 3; title: string; id: string }>();
  visit(tree, (node, _index, parent) => {
    if (node.type === 'heading') {
      const explicit = takeExplicitId(node);
      const title = toString(node).trim();
      const slug = explicit !== null ? slugger.reserve(explicit) : slugger.slug(title);
      setId(node, slug);
      anchors.push(slug);
      if (parents.has(parent) && node.depth <= 3) {
        topicNodes.set(node, { depth: node.depth as 1 | 2 | 3, title, id: slug });
      }
    } else if (node.type === 'paragraph' && parents.has(parent) && node.data?.directiveLabel !== true) {
      const title = pseudoHeadingTitle(node);
      if (title !== null) {
        const slug = slugger.slug(title);
        setId(node, slug, 'pseudo-heading');
        anchors.push(slug);
        if (!hasStructure) {
          topicNodes.set(node, { depth: 3, title, id: slug });
        }
      }
    }
  });

  const topics: Topic[] = [];
  const texts: TopicText[] = [];
  const bodies = new Map<string, { text: string[]; code: string[] }>();
  const stack: Topic[] = [];
  let current: { text: string[]; code: string[] } = { text: [], code: [] };
  const preamble = current;
  for (const node of blocks) {
    const t = topicNodes.get(node);
    if (t !== undefined) {
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= t.depth) {
        stack.pop();
      }
      const topic: Topic = {
        id: `${path}#${t.id}`,
        docPath: path,
        slug: t.id,
        title: t.title,
        depth: t.depth,
        parentId: stack[stack.length - 1]?.id ?? null,
        line: node.position?.start.line ?? 1,
      };
      stack.push(topic);
      topics.push(topic);
      current = topics.length === 1 ? preamble : { text: [], code: [] };
      texts.push({ topicId: topic.id, text: '', code: '' });
      current.text.push(t.title);
      bodies.set(topic.id, current);
      continue;
    }
    if (node.type === 'yaml') {
      continue;
    }
    if (node.type === 'code') {
      current.code.push(node.value);
    } else {
      current.text.push(toString(node));
    }
  }
  if (topics.length === 0) {
    // A doc with no heading is one topic named after its file.
    const slug = slugger.slug(fileTitle(path));
    const topic: Topic = { id: `${path}#${slug}`, docPath: path, slug, title: fileTitle(path), depth: 1, parentId: null, line: 1 };
    topics.push(topic);
    texts.push({ topicId: topic.id, text: '', code: '' });
    bodies.set(topic.id, preamble);
    anchors.push(slug);
  }
  for (const entry of texts) {
    const body = bodies.get(entry.topicId);
    entry.text = (body?.text ?? []).join('\n').trim();
    entry.code = (body?.code ?? []).join('\n').trim();
  }
  return { topics, anchors, texts };
}

function takeExplicitId(node: Heading): string | null {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') {
    return null;
  }
  const m = EXPLICIT_ID.exec(last.value);
  if (m === null || m[1] === undefined) {
    return null;
  }
  last.value = last.value.slice(0, m.index);
  if (last.value === '') {
    node.children.pop();
  }
  return m[1];
}

function pseudoHeadingTitle(node: Paragraph): string | null {
  const meaningful = node.children.filter((c: PhrasingContent) => !(c.type === 'text' && c.value.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length !== 1 || only?.type !== 'strong') {
    return null;
  }
  const title = toString(only).trim();
  if (title === '' || title.length > PSEUDO_HEADING_MAX || title.endsWith(':')) {
    return null;
  }
  return title;
}

function setId(node: Heading | Paragraph, id: string, className?: string): void {
  const data = (node.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), id, ...(className !== undefined ? { className: [className] } : {}) };
}

function unclosedFence(tree: Root, text: string): number | null {
  let result: number | null = null;
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || end < text.length - 1) {
      return;
    }
    const source = text.slice(start, end).trimEnd();
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source);
    if (fence?.[1] !== undefined) {
      const lines = source.split('\n');
      const closing = lines.length > 1 ? (lines[lines.length - 1] ?? '').trim() : '';
      if (!closing.startsWith(fence[1])) {
        result = node.position?.start.line ?? null;
      }
    }
  });
  return result;
}

function docTitle(path: string, frontMatter: ParsedDoc['frontMatter'], topics: Topic[]): string {
  const fmTitle = frontMatter?.['title'];
  if (typeof fmTitle === 'string' && fmTitle.trim() !== '') {
    return fmTitle.trim();
  }
  const h1 = topics.find((t) => t.depth === 1);
  return h1?.title || topics[0]?.title || fileTitle(path);
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
