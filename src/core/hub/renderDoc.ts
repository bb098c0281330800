/**
 * mdast -> sanitised hast. Raw HTML is parsed and sanitised (GitHub's rules, so `<details>` works
 * and scripts never survive); code is highlighted; links and images are classified for the reader.
 */
import type { Element, Root as HastRoot } from 'hast';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { resolveLink } from './links';
import { parseMarkdown } from './parseDoc';
import type { RenderedDoc } from './types';

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Heading ids are ours and must match topic ids; names stay clobbered against DOM clobbering.
  clobber: ['name', 'ariaDescribedBy', 'ariaLabelledBy'],
  attributes: {
    ...defaultSchema.attributes,
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', 'pseudo-heading']],
    details: [...(defaultSchema.attributes?.['details'] ?? []), 'open'],
  },
};

const toHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .use(rehypeHighlight, { languages: { ...common, dockerfile }, plainText: ['mermaid', 'text', 'txt'], detect: false })
  .freeze();

/** Parses and renders one doc. `files` is every path in the hub, for link checking. */
export function renderDoc(path: string, text: string, files: ReadonlySet<string>, encoding: RenderedDoc['encoding'] = 'utf-8'): RenderedDoc {
  const { tree, doc } = parseMarkdown(path, text, encoding);
  const hast: HastRoot = toHast.runSync(tree);
  classifyLinks(hast, path, files);
  return { ...doc, safeHast: hast };
}

/**
 * Drops source positions and classifies every link and image of sanitised hast found in
 * `docPath` (see resolveLink). With `anchors: 'block'`, same-page `#anchor` links are inert
 * (places with no anchors to scroll to, like an API description).
 */
export function classifyLinks(hast: HastRoot, docPath: string, files: ReadonlySet<string>, options: { anchors: 'follow' | 'block' } = { anchors: 'follow' }): void {
  visit(hast, (node) => {
    delete node.position;
    if (node.type === 'element') {
      classify(docPath, node, files, options.anchors);
    }
  });
}

function classify(docPath: string, el: Element, files: ReadonlySet<string>, anchors: 'follow' | 'block'): void {
  const props = el.properties;
  if (el.tagName === 'a' && typeof props['href'] === 'string') {
    const href = props['href'];
    const link = resolveLink(docPath, href, files);
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
