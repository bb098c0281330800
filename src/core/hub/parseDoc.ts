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
import { fastOutline } from './fastOutline';
import { buildOutline, fileTitle, htmlText, normaliseLineEnds, type Outline, type OutlineBlock, type OutlineHeading, pseudoTitleAllowed, splitExplicitId } from './outline';
import type { HubProblem, ParsedDoc, Topic } from './types';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkContainerDirectives).freeze();


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
  const text = normaliseAdmonitionTitles(normaliseLineEnds(source));
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

const titleRules = {
  parseFragment: (markdown: string): Root => processor.parse(markdown),
  takeExplicitId,
  pseudoHeadingTitle,
};

/**
 * The open-time outline of one markdown doc: its topics, anchors, texts, front matter and problems
 * (what the tree, progress, search and review need), the same as parseMarkdown's doc with the same
 * topic ids and titles, several times faster (see fastOutline). Throws DocRejected like it.
 */
export function parseDoc(path: string, text: string, encoding: ParsedDoc['encoding'] = 'utf-8'): ParsedDoc {
  try {
    const doc = fastOutline(path, text, encoding, titleRules, (problem) => {
      throw new DocRejected(problem);
    });
    return doc ?? parseMarkdown(path, text, encoding).doc;
  } catch (e) {
    if (e instanceof DocRejected) {
      throw e;
    }
    const message = e instanceof RangeError ? 'Markdown too deeply nested to parse' : `Markdown could not be parsed: ${String(e)}`;
    throw new DocRejected({ path, code: 'parse-failed', severity: 'error', message });
  }
}

/**
 * Whether parseDoc outlines this doc with remark rather than the fast pass (a shape the two parsers
 * read differently, see outlineRisk). For the benchmark and tests; throws DocRejected like parseDoc.
 */
export function takesOutlineFallback(path: string, text: string, encoding: ParsedDoc['encoding'] = 'utf-8'): boolean {
  const reject = (problem: HubProblem): never => {
    throw new DocRejected(problem);
  };
  return fastOutline(path, text, encoding, titleRules, reject) === null;
}

function outline(path: string, tree: Root): Outline {
  // Blocks inside a `:::` container count as top level, so an admonition never hides a topic.
  const { blocks, parents } = topLevelBlocks(tree);
  // Ids are assigned in document order over every heading (nested ones too), like GitHub.
  const headings: OutlineHeading[] = [];
  const nodes: Array<Heading | Paragraph> = [];
  const index = new Map<RootContent, number>();
  visit(tree, (node, _index, parent) => {
    if (node.type === 'heading') {
      const explicit = takeExplicitId(node);
      const topLevel = parents.has(parent);
      index.set(node, headings.length);
      headings.push({ kind: 'heading', depth: node.depth, title: toString(node).trim(), explicit, topLevel, line: node.position?.start.line ?? 1 });
      nodes.push(node);
    } else if (node.type === 'paragraph' && parents.has(parent) && node.data?.directiveLabel !== true) {
      const title = pseudoHeadingTitle(node);
      if (title !== null) {
        index.set(node, headings.length);
        headings.push({ kind: 'pseudo', depth: 3, title, explicit: null, topLevel: true, line: node.position?.start.line ?? 1 });
        nodes.push(node);
      }
    }
  });
  const outlineBlocks: OutlineBlock[] = [];
  for (const node of blocks) {
    const h = index.get(node);
    if (h !== undefined) {
      outlineBlocks.push({ heading: h });
    } else if (node.type === 'code') {
      outlineBlocks.push({ heading: null, text: '', code: node.value });
    } else if (node.type !== 'yaml') {
      outlineBlocks.push({ heading: null, text: blockText(node), code: null });
    }
  }
  const result = buildOutline(path, headings, outlineBlocks);
  nodes.forEach((node, i) => setId(node, result.ids[i] ?? '', node.type === 'paragraph' ? 'pseudo-heading' : undefined));
  return result;
}

/** Parents whose children are blocks (or cells): their children's texts are separated. */
const SEPARATED = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'footnoteDefinition', 'containerDirective']);

/**
 * The search text of a block: like mdast-util-to-string, but list items, table cells and nested
 * blocks are separated by a space and raw HTML gives only its text.
 */
export function blockText(node: RootContent | Root): string {
  const parts: string[] = [];
  const walk = (n: RootContent | Root): void => {
    switch (n.type) {
      case 'html':
        parts.push(htmlText(n.value));
        return;
      case 'text':
      case 'inlineCode':
      case 'code':
        parts.push(n.value);
        return;
      case 'image':
        parts.push(n.alt ?? '');
        return;
      case 'break':
        parts.push(' ');
        return;
      case 'yaml':
      case 'definition':
        return;
      default:
        break;
    }
    if (!('children' in n)) {
      return;
    }
    const separated = SEPARATED.has(n.type);
    for (const child of n.children as RootContent[]) {
      if (separated && parts.length > 0) {
        parts.push(' ');
      }
      walk(child);
    }
  };
  walk(node);
  return parts.join('').replace(/ {2,}/g, ' ').trim();
}

function takeExplicitId(node: Heading): string | null {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') {
    return null;
  }
  const m = splitExplicitId(last.value);
  if (m === null) {
    return null;
  }
  last.value = m.before;
  if (last.value === '') {
    node.children.pop();
  }
  return m.id;
}

function pseudoHeadingTitle(node: Paragraph): string | null {
  const meaningful = node.children.filter((c: PhrasingContent) => !(c.type === 'text' && c.value.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length !== 1 || only?.type !== 'strong') {
    return null;
  }
  const title = toString(only).trim();
  return pseudoTitleAllowed(title) ? title : null;
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

export { fileTitle };
