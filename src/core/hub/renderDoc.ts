/**
 * mdast -> sanitised hast. Raw HTML is parsed and sanitised (GitHub's rules, so `<details>` works
 * and scripts never survive); code is highlighted; links and images are classified for the reader.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { DIALECT_CLASSES, showDialects } from './dialects';
import { type LinkContext, resolveLink } from './links';
import { parseMarkdown } from './parseDoc';
import type { RenderedDoc } from './types';
import { USER_CONTENT_PREFIX } from './userContentIds';

type AttributeRule = NonNullable<SanitizeSchema['attributes']>[string][number];

/** The default rules of `tag` with `classes` added to its allowed class names (one className rule). */
function withClasses(tag: string, classes: readonly string[]): AttributeRule[] {
  const rules = defaultSchema.attributes?.[tag] ?? [];
  const existing = rules.find(
    (r): r is [string, ...(string | number | boolean | RegExp | null | undefined)[]] => Array.isArray(r) && r[0] === 'className',
  );
  const others = rules.filter((r) => r !== existing);
  return [...others, ['className', ...(existing?.slice(1) ?? []), ...classes]];
}

/**
 * Marks the ids we give headings before sanitising, so they can be told from raw HTML ids after it
 * (the sanitiser prefixes every id): unguessable, it never reaches the output.
 */
const OWN_ID_MARK = `nexus${Math.random().toString(36).slice(2)}${Date.now().toString(36)}-`;

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Every id and name gets `user-content-` (GitHub's clobber prefix); heading ids are given back below.
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: USER_CONTENT_PREFIX,
  attributes: {
    ...defaultSchema.attributes,
    p: withClasses('p', ['pseudo-heading', ...DIALECT_CLASSES]),
    div: withClasses('div', DIALECT_CLASSES),
    span: withClasses('span', DIALECT_CLASSES),
    a: withClasses('a', DIALECT_CLASSES),
    details: [...(defaultSchema.attributes?.['details'] ?? []), 'open'],
    // `<picture><source srcset>` would load any URL, past the reader's image policy: only the
    // `<img>` inside (classified like every image) is shown.
    source: [],
  },
};

/** Before sanitising: our heading ids (set while outlining) get the mark. */
function markOwnIds(tree: MdastRoot): void {
  visit(tree, (node) => {
    const props = node.data?.hProperties;
    if (props !== undefined && typeof props['id'] === 'string') {
      props['id'] = `${OWN_ID_MARK}${props['id']}`;
    }
  });
}

/** After sanitising: marked ids are ours again; any other id keeps its `user-content-` prefix. */
function restoreOwnIds(): (tree: HastRoot) => void {
  const marked = `${USER_CONTENT_PREFIX}${OWN_ID_MARK}`;
  return (tree) => {
    visit(tree, 'element', (el) => {
      const id = el.properties['id'];
      if (typeof id === 'string' && id.startsWith(marked)) {
        el.properties['id'] = id.slice(marked.length);
      }
    });
  };
}

const toHast = unified()
  // Footnote ids get `user-content-` from the sanitiser like every other id, not twice.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .use(restoreOwnIds)
  .use(rehypeHighlight, { languages: { ...common, dockerfile }, plainText: ['mermaid', 'text', 'txt'], detect: false })
  .freeze();

/**
 * Parses and renders one doc. `files` is every path in the hub, for link checking; `context` names
 * the hub's OpenAPI files and site routes (links to them open the API reference or the doc).
 */
export function renderDoc(
  path: string,
  text: string,
  files: ReadonlySet<string>,
  encoding: RenderedDoc['encoding'] = 'utf-8',
  context: LinkContext = {},
): RenderedDoc {
  const parsed = parseMarkdown(path, text, encoding);
  const { tree, doc } = parsed;
  // After outlining (topic ids never depend on it), before sanitising (nothing it emits escapes).
  showDialects(tree, parsed.text, path, doc.frontMatter);
  markOwnIds(tree);
  const hast: HastRoot = toHast.runSync(tree);
  classifyLinks(hast, path, files, { anchors: 'follow' }, context);
  return { ...doc, safeHast: hast };
}

/**
 * Drops source positions and classifies every link and image of sanitised hast found in
 * `docPath` (see resolveLink). With `anchors: 'block'`, same-page `#anchor` links are inert
 * (places with no anchors to scroll to, like an API description).
 */
export function classifyLinks(
  hast: HastRoot,
  docPath: string,
  files: ReadonlySet<string>,
  options: { anchors: 'follow' | 'block' } = { anchors: 'follow' },
  context: LinkContext = {},
): void {
  visit(hast, (node) => {
    delete node.position;
    if (node.type === 'element') {
      classify(docPath, node, files, options.anchors, context);
    }
  });
}

function classify(docPath: string, el: Element, files: ReadonlySet<string>, anchors: 'follow' | 'block', context: LinkContext): void {
  const props = el.properties;
  if (el.tagName === 'a' && typeof props['href'] === 'string') {
    const href = props['href'];
    const link = resolveLink(docPath, href, files, context);
    const kind = link.kind === 'anchor' && anchors === 'block' ? 'blocked' : link.kind;
    props['dataLinkKind'] = kind;
    props['dataHref'] = href;
    if (link.target !== null && kind !== 'blocked') {
      props['dataTarget'] = link.target;
    }
    // Only external links keep a real href (for copy/middle click); the reader routes the rest.
    if (link.kind === 'external' && link.target !== null) {
      props['href'] = link.target;
    } else {
      delete props['href'];
    }
  } else if (el.tagName === 'img' && typeof props['src'] === 'string') {
    const src = props['src'];
    const link = resolveLink(docPath, src, files);
    delete props['src'];
    props['dataImageKind'] = link.kind === 'asset' ? 'hub' : link.kind === 'external' ? 'remote' : 'broken';
    props['dataSrc'] = link.kind === 'asset' && link.target !== null ? link.target : src;
  }
}
