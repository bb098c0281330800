/**
 * Heading slugs, computed the way GitHub computes them so that links written for GitHub
 * (`docs/technologies.md#django-rest-framework`) resolve in the app too.
 */
import { slug as githubSlug } from 'github-slugger';

/** Makes unique slugs for the headings of one document, in document order. */
export type Slugger = {
  /** The slug for `text`; repeated texts get `-1`, `-2`... like GitHub. */
  slug(text: string): string;
  /** Reserves an explicit id (from `{ #id }`) so later generated slugs avoid it. */
  reserve(id: string): string;
};

/** The fallback slug for a heading with no letters or digits (an emoji-only heading). */
export const EMPTY_SLUG = 'section';

/** Creates a slugger for one document. */
export function createSlugger(): Slugger {
  const seen = new Map<string, number>();
  const unique = (base: string): string => {
    let candidate = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(candidate)) {
      n += 1;
      candidate = `${base}-${n}`;
    }
    seen.set(base, n);
    seen.set(candidate, 0);
    return candidate;
  };
  return {
    slug: (text) => unique(githubSlug(text) || EMPTY_SLUG),
    reserve: (id) => unique(id),
  };
}
