/** Mermaid sources from hub docs, made safe to hand to mermaid. */
import type { Element, ElementContent } from 'hast';

/**
 * Removes what could reconfigure mermaid from a diagram's source: `%%{init: ...}%%` (and any other
 * `%%{...}%%`) directives and a leading `---` front-matter config block. securityLevel stays strict
 * whatever the source says.
 */
export function cleanMermaidSource(source: string): string {
  let text = source.replace(/^\uFEFF/, '');
  text = text.replace(/^\s*---[ \t]*\r?\n[\s\S]*?\r?\n[ \t]*---[ \t]*(\r?\n|$)/, '');
  // Repeat until stable so a directive cannot be rebuilt from the pieces around a removed one.
  let previous;
  do {
    previous = text;
    text = text.replace(/%%\{[\s\S]*?\}%%/g, '');
  } while (text !== previous);
  return text.trim();
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') {
    return node.value;
  }
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The mermaid source of a `pre > code.language-mermaid` hast node, or null for other blocks. */
export function mermaidSourceOf(pre: Element | undefined): string | null {
  if (pre?.tagName !== 'pre' || pre.children.length !== 1) {
    return null;
  }
  const code = pre.children[0];
  if (code?.type !== 'element' || code.tagName !== 'code') {
    return null;
  }
  const classes: unknown = code.properties['className'];
  const list = Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? classes.split(/\s+/) : [];
  return list.includes('language-mermaid') ? textOf(code) : null;
}
