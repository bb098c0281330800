/**
 * Ids written by a hub's raw HTML live under `user-content-` (as on GitHub), so an element of a
 * doc can never take an id the app uses (`root`, a topic's slug, `__proto__`, `location`). Heading
 * and pseudo-heading ids are ours and stay bare. Links written for GitHub (`#location`) still find
 * the element: the reader looks the prefixed id up when the slug is not one of ours.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** GitHub's prefix for ids from user content. */
export const USER_CONTENT_PREFIX = 'user-content-';

/** The element id a `#slug` link of this doc points at: ours when it is a heading's, else the hub HTML's. */
export function anchorElementId(slug: string, ownIds: readonly string[], hast: Root): string | null {
  if (ownIds.includes(slug)) {
    return slug;
  }
  const ids = userContentIds(hast);
  if (ids.has(`${USER_CONTENT_PREFIX}${slug}`)) {
    return `${USER_CONTENT_PREFIX}${slug}`;
  }
  // A link copied from GitHub's rendered page already carries the prefix.
  return slug.startsWith(USER_CONTENT_PREFIX) && ids.has(slug) ? slug : null;
}

/** Every prefixed id in a sanitised doc. */
function userContentIds(hast: Root): Set<string> {
  const ids = new Set<string>();
  visit(hast, 'element', (el) => {
    const id = el.properties['id'];
    if (typeof id === 'string' && id.startsWith(USER_CONTENT_PREFIX)) {
      ids.add(id);
    }
  });
  return ids;
}
