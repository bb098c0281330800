/**
 * The markdown dialects learners' hubs are written in, shown as their sites show them:
 * Docusaurus admonitions (`:::tip[Title]` and the legacy `:::tip Title`), GitHub alerts
 * (`> [!NOTE]`) and the older `> **Note**` callouts, and MDX (import lines hidden, JSX components
 * shown as a neutral placeholder naming the component). Only the `:::` container syntax is added to
 * the parser: `:name` text directives would eat ordinary prose like `key:value`. Everything here
 * runs after topics are outlined, so headings and topic ids are the same with or without it, and
 * before sanitising, so nothing it emits escapes the sanitiser.
 */
import type { BlockContent, Blockquote, Html, Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** Callout kinds, each with its class (`callout-<kind>`) and default title. */
export const CALLOUT_KINDS = ['note', 'tip', 'info', 'important', 'warning', 'caution', 'danger'] as const;
type CalloutKind = (typeof CALLOUT_KINDS)[number];
const TITLES: Record<CalloutKind, string> = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
};
const ALIASES: Record<string, CalloutKind> = { success: 'tip', secondary: 'note', attention: 'warning', error: 'danger' };

/** Every class name this module puts on elements (the sanitiser's allowlist). */
export const DIALECT_CLASSES = ['callout', ...CALLOUT_KINDS.map((k) => `callout-${k}`), 'callout-title', 'mdx-component'];

/** remark plugin: parses `:::name[label]{attrs}` ... `:::` containers, and no other directive. */
export function remarkContainerDirectives(this: Processor): void {
  const data = this.data();
  const flow = directive().flow?.[58];
  // directive() gives [container, leaf] for `:`; only the container is wanted.
  const container = Array.isArray(flow) ? flow[0] : undefined;
  if (container !== undefined) {
    (data.micromarkExtensions ??= []).push({ flow: { [58]: [container] } });
    (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
  }
}

/**
 * Rewrites the legacy Docusaurus title form `:::warning Deprecated` to `:::warning[Deprecated]`
 * outside code fences. Lines keep their numbers, so topic lines are unchanged.
 */
export function normaliseAdmonitionTitles(text: string): string {
  if (!text.includes(':::')) {
    return text;
  }
  return mapLinesOutsideFences(text, (line, next) => {
    // A `<br />` line right before a `:::` line would pull it into an HTML block: it becomes blank.
    if (/^\s*<br\s*\/?>\s*$/i.test(line) && /^\s*:::/.test(next)) {
      return '';
    }
    const m = /^(\s*:::+)([A-Za-z][\w-]*)[ \t]+([^[{\s].*?)\s*$/.exec(line);
    return m === null ? line : `${m[1]}${m[2]}[${(m[3] ?? '').replace(/[[\]]/g, '')}]`;
  });
}

/**
 * Blanks the `:::name[label]{attrs}` ... `:::` container fences outside code (lines keep their
 * numbers), so the blocks inside are top level, as the container directives make them. For
 * parsers without the directive syntax (the fast outline). `blanked` gets the 0-based index of each
 * blanked line.
 */
export function blankContainerFences(text: string, blanked: number[] = []): string {
  if (!text.includes(':::')) {
    return text;
  }
  const open: number[] = [];
  return mapLinesOutsideFences(text, (line, _next, i) => {
    const result = blankFence(line);
    if (result !== line) {
      blanked.push(i);
    }
    return result;
  });

  function blankFence(line: string): string {
    const opener = /^ {0,3}(:{3,})[A-Za-z][\w-]*(?:\[[^\]\n]*\])?(?:\{[^}\n]*\})?[ \t]*$/.exec(line);
    if (opener?.[1] !== undefined) {
      open.push(opener[1].length);
      return '';
    }
    const closer = /^ {0,3}(:{3,})[ \t]*$/.exec(line);
    if (closer?.[1] !== undefined && open.length > 0 && closer[1].length >= (open[open.length - 1] ?? 0)) {
      open.pop();
      return '';
    }
    return line;
  }
}

/** Rewrites each line outside fenced code with `fn` (given the line, the next one and its 0-based index), in order. */
function mapLinesOutsideFences(text: string, fn: (line: string, next: string, index: number) => string): string {
  let fence: string | null = null;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      const f = m?.[1];
      // A backtick fence's info string has no backtick (CommonMark): "```a`b" is a paragraph.
      if (f !== undefined && !(fence === null && f.startsWith('`') && (m?.[2] ?? '').includes('`'))) {
        if (fence === null) {
          fence = f;
        } else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') {
          fence = null;
        }
        return line;
      }
      return fence !== null ? line : fn(line, lines[i + 1] ?? '', i);
    })
    .join('\n');
}

/**
 * The top-level blocks of a doc as outlining sees them: a `:::` container's children count as
 * top level (a heading inside an admonition starts a topic as it did before containers parsed).
 */
export function topLevelBlocks(tree: Root): { blocks: RootContent[]; parents: Set<unknown> } {
  const parents = new Set<unknown>([tree]);
  const blocks: RootContent[] = [];
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'containerDirective') {
        parents.add(node);
        walk(node.children);
      } else {
        blocks.push(node);
      }
    }
  };
  walk(tree.children);
  return { blocks, parents };
}

/** Turns the dialects of `tree` into plain mdast with our classes (see the module comment). */
export function showDialects(tree: Root, text: string, path: string, frontMatter: Record<string, unknown> | null): void {
  const mdx =
    /\.mdx$/i.test(path) ||
    frontMatter?.['slug'] !== undefined ||
    frontMatter?.['id'] !== undefined ||
    frontMatter?.['sidebar_label'] !== undefined;
  const imports = new Map<string, string>();
  let sawImport = false;
  visit(tree, (node, index, parent) => {
    if (node.type === 'containerDirective') {
      toCallout(node);
      return undefined;
    }
    if (node.type === 'blockquote') {
      alertCallout(node);
      return undefined;
    }
    if (node.type === 'paragraph' && parent === tree && index !== undefined && isEsmParagraph(node)) {
      sawImport = true;
      collectImports(node, imports);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  if (!mdx && !sawImport) {
    return;
  }
  visit(tree, (node, index, parent) => {
    if (node.type === 'html') {
      node.value = rewriteJsx(node.value, imports);
    } else if (node.type === 'paragraph' && parent !== undefined && index !== undefined) {
      // A component whose props are JS (`pkgs={[...]}`) is no HTML to CommonMark: a paragraph of text.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start !== undefined && end !== undefined ? text.slice(start, end).trim() : '';
      if (/^<[A-Z][\s\S]*>$/.test(source)) {
        const html: Html = { type: 'html', value: rewriteJsx(source, imports) };
        parent.children.splice(index, 1, html);
        return SKIP;
      }
    }
    return undefined;
  });
}

function calloutKind(name: string): CalloutKind | null {
  const n = name.toLowerCase();
  return (CALLOUT_KINDS as readonly string[]).includes(n) ? (n as CalloutKind) : (ALIASES[n] ?? null);
}

function title(kind: CalloutKind, children: Paragraph['children'] | null): Paragraph {
  return {
    type: 'paragraph',
    children: children !== null && children.length > 0 ? children : [{ type: 'text', value: TITLES[kind] }],
    data: { hProperties: { className: ['callout-title'] } },
  };
}

function markCallout(node: { data?: ContainerDirective['data'] }, kind: CalloutKind | null): void {
  const data = (node.data ??= {});
  data.hName = 'div';
  data.hProperties = { className: kind !== null ? ['callout', `callout-${kind}`] : ['callout'] };
}

function toCallout(node: ContainerDirective): void {
  const kind = calloutKind(node.name);
  const first = node.children[0];
  const label = first?.type === 'paragraph' && first.data?.directiveLabel === true ? first : null;
  const body = label !== null ? node.children.slice(1) : node.children;
  if (kind === null) {
    // An unknown container (`:::details`, a custom one): a neutral box named after it.
    markCallout(node, null);
    node.children = [title('note', label?.children ?? [{ type: 'text', value: node.name }]), ...body];
    return;
  }
  markCallout(node, kind);
  node.children = [title(kind, label?.children ?? null), ...body];
}

const ALERT = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;
const LEGACY = /^(note|tip|info|important|warning|caution|danger)$/i;

/** `> [!NOTE]` (GitHub) and `> **Note**` on a line of its own (the older GitHub form). */
function alertCallout(node: Blockquote): void {
  const first = node.children[0];
  if (first?.type !== 'paragraph') {
    return;
  }
  const lead = first.children[0];
  let kind: CalloutKind | null = null;
  if (lead?.type === 'text') {
    const m = ALERT.exec(lead.value);
    if (m?.[1] !== undefined) {
      kind = calloutKind(m[1]);
      lead.value = lead.value.slice(m[0].length);
      if (lead.value === '') {
        first.children.shift();
      }
    }
  } else if (
    lead?.type === 'strong' &&
    lead.children.length === 1 &&
    lead.children[0]?.type === 'text' &&
    LEGACY.test(lead.children[0].value.replace(/:$/, ''))
  ) {
    const next = first.children[1];
    if (next === undefined || next.type === 'break' || (next.type === 'text' && /^:?\s*\n/.test(next.value))) {
      kind = calloutKind(lead.children[0].value.replace(/:$/, ''));
      first.children.shift();
      if (next?.type === 'break') {
        first.children.shift();
      } else if (next?.type === 'text') {
        next.value = next.value.replace(/^:?\s*\n/, '');
      }
    }
  }
  if (kind === null) {
    return;
  }
  const rest: BlockContent[] =
    first.children.length > 0 ? [first, ...(node.children.slice(1) as BlockContent[])] : (node.children.slice(1) as BlockContent[]);
  markCallout(node, kind);
  node.children = [title(kind, null), ...rest];
}

const ESM_LINE = /^(import\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"][^'"]+['"];?|export\s+(?:const|let|var|function|default)\b.*)$/;

function isEsmParagraph(node: Paragraph): boolean {
  if (node.children.some((c) => c.type !== 'text' && c.type !== 'inlineCode' && c.type !== 'emphasis')) {
    return false;
  }
  const text = paragraphSource(node);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines[0] !== undefined && /^(import|export)\s/.test(lines[0]) && lines.every((l) => ESM_LINE.test(l.trim()));
}

function paragraphSource(node: Paragraph): string {
  return node.children.map((c) => ('value' in c ? c.value : '')).join('');
}

function collectImports(node: Paragraph, imports: Map<string, string>): void {
  for (const line of paragraphSource(node).split('\n')) {
    const m = /^import\s+(\w+)\s+from\s+['"](\.{1,2}\/[^'"]+)['"]/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) {
      imports.set(m[1], m[2]);
    }
  }
}

const HTML_ELEMENTS = new Set([
  'details',
  'summary',
  'table',
  'img',
  'br',
  'b',
  'i',
  'p',
  'div',
  'span',
  'a',
  'kbd',
  'sup',
  'sub',
  'code',
  'pre',
  'em',
  'strong',
]);

/**
 * Rewrites the JSX tags in an html node: `<Name ... />` becomes a placeholder naming the component
 * (a link to it when it was imported from a hub file), `<Name ...>` and `</Name>` are dropped so
 * their content shows. Attribute values may hold `>` inside quotes or braces.
 */
export function rewriteJsx(html: string, imports: ReadonlyMap<string, string> = new Map()): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const m = /^<(\/?)([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)(?=[\s/>])/.exec(html.slice(lt));
    const name = m?.[2];
    if (m === null || name === undefined || HTML_ELEMENTS.has(name.toLowerCase())) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt + m[0].length);
    if (end === -1) {
      out += html.slice(lt);
      break;
    }
    const selfClosing = html[end - 1] === '/';
    if (selfClosing) {
      const from = imports.get(name);
      const label = escapeHtml(name);
      out +=
        from !== undefined
          ? `<a class="mdx-component" href="${escapeHtml(from)}">${label}</a>`
          : `<span class="mdx-component">${label}</span>`;
    }
    i = end + 1;
  }
  return out;
}

/** Index of the `>` closing a tag whose attributes start at `from`, skipping quotes and braces. */
function tagEnd(html: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote !== null) {
      if (c === quote) {
        quote = null;
      }
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === '>' && depth === 0) {
      return j;
    }
  }
  return -1;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
