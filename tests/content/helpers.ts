/**
 * Helpers for the content tests: they read the bundled hub (resources/hub) straight from disk
 * and cut its markdown into sections with remark, the same parser family the app uses.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Absolute path of the bundled hub. */
// Built from a path string: under happy-dom the global `URL` is not Node's, and
// `fileURLToPath(new URL(...))` rejects it.
export const HUB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/hub');

/** Every file the hub layout promises, relative to the hub root. */
export const LAYOUT = [
  'README.md',
  'docs/technologies.md',
  'docs/backend-concepts.md',
  'docs/challenges-and-solutions.md',
  'docs/backend-best-practices.md',
  'docs/collaboration.md',
  'system-design/diagrams.md',
  'api-specs/openapi.yml',
] as const;

/** The markdown docs whose H2/H3 sections are study topics (README is an overview, not a topic). */
export const TOPIC_DOCS = LAYOUT.filter((path) => path.endsWith('.md') && path !== 'README.md');

/**
 * A structural view of the mdast nodes these tests read. Declared here rather than imported
 * from `mdast` because the project resolves two major versions of `@types/mdast`.
 */
export type MdNode = {
  type: string;
  depth?: number;
  lang?: string | null;
  meta?: string | null;
  url?: string;
  value?: string;
  children?: MdNode[];
  position?: {
    start: { line: number; offset?: number };
    end: { line: number; offset?: number };
  };
};

/** A heading-delimited section: from an H1-H3 heading to the next H1-H3 heading. */
export type Section = {
  doc: string;
  depth: number;
  title: string;
  line: number;
  /** Source text after the heading line, up to the next H1-H3 heading. */
  ownText: string;
  /** `ownText` with fenced and indented code blocks blanked out. */
  ownProse: string;
  /** True when deeper headings (up to H3) follow before the next heading of this depth or less. */
  hasChildren: boolean;
};

/** A fenced code block with the line it starts on. */
export type CodeBlock = { doc: string; lang: string; meta: string; value: string; line: number };

/** A markdown link or link definition, with the line it appears on. */
export type LinkRef = { doc: string; url: string; line: number };

/** Path of a hub file on disk from its hub-relative path. */
export function hubPath(rel: string): string {
  return join(HUB_ROOT, ...rel.split('/'));
}

/** True when the hub-relative path exists as a regular file. */
export function hubFileExists(rel: string): boolean {
  const abs = hubPath(rel);
  return existsSync(abs) && statSync(abs).isFile();
}

/** Reads a hub file as UTF-8. */
export function readHub(rel: string): string {
  return readFileSync(hubPath(rel), 'utf8');
}

/** Every .md file under the hub, as sorted hub-relative paths with forward slashes. */
export function listHubMarkdown(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) {
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        walk(abs);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        found.push(relative(HUB_ROOT, abs).split(sep).join('/'));
      }
    }
  };
  walk(HUB_ROOT);
  return found.sort();
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses markdown into an mdast tree (GFM and YAML front matter enabled). */
export function parseMarkdown(text: string): MdNode {
  return processor.parse(text);
}

/** Visits every node of a tree, depth first, in document order. */
export function walkTree(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) {
    walkTree(child, visit);
  }
}

/** The plain text of a node (what a heading reads as, without markup). */
export function nodeText(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') {
    return node.value;
  }
  return (node.children ?? []).map(nodeText).join('');
}

/** Source text with every code block replaced by spaces (newlines kept, so offsets hold). */
function blankCode(text: string, tree: MdNode): string {
  const chars = text.split('');
  walkTree(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'code' && start !== undefined && end !== undefined) {
      for (let i = start; i < end; i += 1) {
        if (chars[i] !== '\n') {
          chars[i] = ' ';
        }
      }
    }
  });
  return chars.join('');
}

/** Cuts a markdown document into its H1-H3 sections (top-level headings only). */
export function sectionsOf(doc: string, text: string): Section[] {
  const tree = parseMarkdown(text);
  const prose = blankCode(text, tree);
  const headings = (tree.children ?? []).filter((node) => node.type === 'heading' && (node.depth ?? 7) <= 3);
  return headings.map((heading, index) => {
    const next = headings[index + 1];
    const from = heading.position?.end.offset ?? 0;
    const to = next?.position?.start.offset ?? text.length;
    const depth = heading.depth ?? 1;
    // The section has children exactly when the very next heading is deeper than it.
    const hasChildren = next !== undefined && (next.depth ?? 1) > depth;
    return {
      doc,
      depth,
      title: nodeText(heading).trim(),
      line: heading.position?.start.line ?? 0,
      ownText: text.slice(from, to),
      ownProse: prose.slice(from, to),
      hasChildren,
    };
  });
}

/**
 * Counts the words of a markdown fragment: fenced code is expected to be blanked out already;
 * HTML tags and link targets are dropped, and a word is any run of non-space characters that
 * holds at least one letter or digit.
 */
export function countWords(markdown: string): number {
  const plain = markdown
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/\]\([^)\s]*\)/g, '] ')
    .replace(/[#*_>|`~[\]()-]+/g, ' ');
  return plain.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Counts the prose words of a whole markdown document (code blocks excluded). */
export function countDocWords(text: string): number {
  return countWords(blankCode(text, parseMarkdown(text)));
}

/** True when the text holds a `<details>` block whose first child is a `<summary>` question. */
export function hasCheckYourself(prose: string): boolean {
  return /<details(\s[^>]*)?>\s*<summary(\s[^>]*)?>[\s\S]*?<\/summary>/i.test(prose);
}

/** Every fenced code block of a document. */
export function codeBlocksOf(doc: string, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  walkTree(parseMarkdown(text), (node) => {
    if (node.type === 'code') {
      blocks.push({
        doc,
        lang: (node.lang ?? '').toLowerCase(),
        meta: node.meta ?? '',
        value: node.value ?? '',
        line: node.position?.start.line ?? 0,
      });
    }
  });
  return blocks;
}

/** Every link and link definition of a document (images are links to files too). */
export function linksOf(doc: string, text: string): LinkRef[] {
  const links: LinkRef[] = [];
  walkTree(parseMarkdown(text), (node) => {
    const isLink = node.type === 'link' || node.type === 'definition' || node.type === 'image';
    if (isLink && typeof node.url === 'string') {
      links.push({ doc, url: node.url, line: node.position?.start.line ?? 0 });
    }
  });
  return links;
}

/** Normalises a heading title for comparison: case, spacing, quotes and trailing punctuation. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[.:;!?]+$/, '')
    .trim()
    .toLowerCase();
}
