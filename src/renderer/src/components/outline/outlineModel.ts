/** Which headings the "On this page" outline lists. */
import type { Topic } from '../../../../core/hub/types';

/** One outline entry: a heading of the doc and how deep it sits (1 = top level of the outline). */
export type OutlineEntry = { slug: string; title: string; level: number };

/**
 * The doc's H1-H3 headings in order. A single H1 that opens the doc and wraps everything is the
 * doc's title, not an entry: its sections become the top level (as in the sidebar).
 */
export function outlineEntries(topics: readonly Topic[]): OutlineEntry[] {
  const h1s = topics.filter((t) => t.depth === 1);
  const wrapper = h1s.length === 1 && topics[0]?.depth === 1 ? topics[0] : undefined;
  const shown = wrapper !== undefined ? topics.filter((t) => t !== wrapper) : topics;
  const top = Math.min(...shown.map((t) => t.depth));
  return shown.map((t) => ({ slug: t.slug, title: t.title, level: t.depth - top + 1 }));
}

/**
 * The entry to highlight for the topic in view: that topic, or for the wrapping H1 (the top of
 * the doc) none.
 */
export function activeEntry(entries: readonly OutlineEntry[], currentSlug: string | null): OutlineEntry | null {
  return entries.find((e) => e.slug === currentSlug) ?? null;
}
