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

/** How long scrolling must have stopped before a diagram is drawn (ms). */
export const SCROLL_CALM_MS = 200;
let lastScroll = -Infinity;
if (typeof document !== 'undefined') {
  // Scroll events do not bubble: capture catches the reader column's scrolling too.
  document.addEventListener('scroll', () => (lastScroll = performance.now()), { capture: true, passive: true });
}

/**
 * Resolves once the page is calm: no scrolling for SCROLL_CALM_MS, then an idle moment. Drawing
 * a diagram is one long task (mermaid's layout cannot be split), so it waits until the learner
 * stops scrolling instead of making the scroll stutter.
 */
async function calm(): Promise<void> {
  for (let since = performance.now() - lastScroll; since < SCROLL_CALM_MS; since = performance.now() - lastScroll) {
    await new Promise((resolve) => setTimeout(resolve, SCROLL_CALM_MS - since));
  }
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  await new Promise<void>((resolve) => (idle !== undefined ? idle(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0)));
}

type Job = { near: Element | null; run: () => Promise<void> };
// mermaid keeps global configuration: one diagram at a time, the one nearest the viewport first.
const pending: Job[] = [];
let working = false;

/** How far `el` is from the viewport (0 inside it); unknown or detached elements last. */
function distance(el: Element | null): number {
  if (el === null || !el.isConnected) {
    return Number.MAX_SAFE_INTEGER;
  }
  const r = el.getBoundingClientRect();
  return r.bottom < 0 ? -r.bottom : r.top > window.innerHeight ? r.top - window.innerHeight : 0;
}

async function pump(): Promise<void> {
  if (working) {
    return;
  }
  working = true;
  try {
    while (pending.length > 0) {
      await calm();
      let best = 0;
      for (let i = 1; i < pending.length; i++) {
        if (distance(pending[i]?.near ?? null) < distance(pending[best]?.near ?? null)) {
          best = i;
        }
      }
      const [job] = pending.splice(best, 1);
      await job?.run();
    }
  } finally {
    working = false;
  }
}

/**
 * Renders one diagram once scrolling pauses; `near` (the diagram's figure) puts diagrams in view
 * first. Rejects with mermaid's parse error for an invalid diagram.
 */
export function renderMermaid(source: string, theme: Theme, near: Element | null = null): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    pending.push({
      near,
      run: async () => {
        try {
          const mermaid = await load();
          configure(mermaid, theme);
          const text = cleanMermaidSource(source);
          await mermaid.parse(text);
          counter += 1;
          const { svg } = await mermaid.render(`nexus-mermaid-${counter}`, text);
          resolve(sanitiseSvg(svg));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
    });
    void pump();
  });
}
