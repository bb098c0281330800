/**
 * Renders mermaid sources to sanitised SVG markup. mermaid is imported on first use only, so
 * pages without diagrams never load it.
 */
import DOMPurify from 'dompurify';
// A type-only import: the module itself is loaded on demand below.
import type { default as MermaidApi } from 'mermaid';
import { cleanMermaidSource } from './mermaidSource';

export type Theme = 'light' | 'dark';

type Mermaid = typeof MermaidApi;

let loading: Promise<Mermaid> | null = null;
let configured: Theme | null = null;
let counter = 0;
// mermaid keeps global configuration: render one diagram at a time.
let queue: Promise<unknown> = Promise.resolve();

function load(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

function configure(mermaid: Mermaid, theme: Theme): void {
  if (configured === theme) {
    return;
  }
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    // Diagrams cannot change these, whatever a directive or front matter would say.
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'theme', 'themeCSS', 'themeVariables', 'fontFamily', 'htmlLabels'],
    // Labels as SVG text, never HTML in a foreignObject: nothing in a label is parsed as markup.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    suppressErrorRendering: true,
    maxTextSize: 100_000,
  });
  configured = theme;
}

/** Removes anything that could run code or fetch from a rendered SVG (defence in depth). */
export function sanitiseSvg(svg: string): string {
  return DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true, html: true },
    // The diagram's own <style> (theme colours, scoped by the SVG's id) is kept; CSS cannot run code
    // and the CSP blocks any remote load it might name.
    ADD_TAGS: ['foreignObject', 'style'],
    FORBID_TAGS: ['script', 'iframe', 'object', 'embed', 'image', 'use'],
    FORBID_ATTR: ['xlink:href', 'href'],
  });
}

/** Renders one diagram. Rejects with mermaid's parse error for an invalid diagram. */
export function renderMermaid(source: string, theme: Theme): Promise<string> {
  const job = queue.then(async () => {
    // Give the page a turn between diagrams, so scrolling and typing stay responsive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const mermaid = await load();
    configure(mermaid, theme);
    const text = cleanMermaidSource(source);
    await mermaid.parse(text);
    counter += 1;
    const { svg } = await mermaid.render(`nexus-mermaid-${counter}`, text);
    return sanitiseSvg(svg);
  });
  queue = job.catch(() => undefined);
  return job;
}
