/** Markdown descriptions of a spec -> sanitised hast, with links classified like a doc's. */
import type { Element, Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { nestingProblem } from '../hub/limits';
import { resolveLink } from '../hub/links';

/** Longest description rendered as markdown (longer ones are shown cut). */
const MAX_DESCRIPTION_CHARS = 64 * 1024;

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .freeze();

function plainText(text: string): HastRoot {
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] };
}

function classify(specPath: string, el: Element, files: ReadonlySet<string>): void {
  const props = el.properties;
  if (el.tagName === 'a' && typeof props['href'] === 'string') {
    const href = props['href'];
    const link = resolveLink(specPath, href, files);
    // An in-spec anchor has no target in the reference view: it is shown, not followed.
    const kind = link.kind === 'anchor' ? 'blocked' : link.kind;
    props['dataLinkKind'] = kind;
    props['dataHref'] = href;
    if (link.target !== null && kind !== 'blocked') {
      props['dataTarget'] = link.target;
    }
    if (kind === 'external' && link.target !== null) {
      props['href'] = link.target;
    } else {
      delete props['href'];
    }
  } else if (el.tagName === 'img' && typeof props['src'] === 'string') {
    const src = props['src'];
    const link = resolveLink(specPath, src, files);
    delete props['src'];
    props['dataImageKind'] = link.kind === 'asset' ? 'hub' : link.kind === 'external' ? 'remote' : 'broken';
    props['dataSrc'] = link.kind === 'asset' && link.target !== null ? link.target : src;
  }
}

/**
 * Renders a spec's markdown `text` as sanitised hast (GitHub's sanitise rules: no scripts, no
 * event handlers). Pathological markdown falls back to plain text. Null for an empty text.
 */
export function renderDescription(text: string | null | undefined, specPath: string, files: ReadonlySet<string>): HastRoot | null {
  if (typeof text !== 'string' || text.trim() === '') {
    return null;
  }
  const cut = text.length > MAX_DESCRIPTION_CHARS ? `${text.slice(0, MAX_DESCRIPTION_CHARS)}…` : text;
  if (nestingProblem(cut) !== null) {
    return plainText(cut);
  }
  try {
    const hast = processor.runSync(processor.parse(cut));
    visit(hast, (node) => {
      delete node.position;
      if (node.type === 'element') {
        classify(specPath, node, files);
      }
    });
    return hast;
  } catch {
    return plainText(cut);
  }
}
