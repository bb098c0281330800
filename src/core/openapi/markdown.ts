/** Markdown descriptions of a spec -> sanitised hast, with links classified like a doc's. */
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { nestingProblem } from '../hub/limits';
import { classifyLinks } from '../hub/renderDoc';

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
    // An in-spec anchor has no target in the reference view: it is shown, not followed.
    classifyLinks(hast, specPath, files, { anchors: 'block' });
    return hast;
  } catch {
    return plainText(cut);
  }
}
