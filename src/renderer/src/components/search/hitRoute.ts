import type { SearchApiHit } from '../../../../core/api/searchApi';
import type { Route } from '../../route';

/** Where a hit opens: its topic with the matched words highlighted; a free note in the notes view. */
export function hitRoute(hit: SearchApiHit, terms: string[]): Route {
  if (hit.kind === 'note' && hit.docPath === '') {
    return { view: 'notes', path: null, slug: null, noteId: hit.key.replace(/^note:/, '') };
  }
  return { view: 'read', path: hit.docPath, slug: hit.slug, q: terms.join(' ') };
}
