/** Which operation of an OpenAPI file a link's `#anchor` names. */
import { slug as githubSlug } from 'github-slugger';
import type { SpecSummary } from '../openapi/types';

/**
 * The slug of the operation `anchor` names in `spec`, or null for none. Understands the app's own
 * slugs, an operationId (`#getOrder`), Redoc's `#operation/getOrder` and `#tag/Orders/operation/getOrder`,
 * Swagger UI's `#/Orders/getOrder`, and a JSON pointer to the operation (`#/paths/~1orders~1{id}/get`).
 */
export function specAnchorSlug(spec: Pick<SpecSummary, 'operations'>, anchor: string): string | null {
  const ops = spec.operations;
  const raw = anchor.replace(/^#/, '');
  if (raw === '') {
    return null;
  }
  const exact = ops.find((o) => o.slug === raw);
  if (exact !== undefined) {
    return exact.slug;
  }
  const pointer = /^\/?paths\/([^/]+)\/([a-z]+)$/i.exec(raw);
  if (pointer?.[1] !== undefined && pointer[2] !== undefined) {
    const opPath = pointer[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const method = pointer[2].toUpperCase();
    return ops.find((o) => o.path === opPath && o.method.toUpperCase() === method)?.slug ?? null;
  }
  // The last segment is the operationId in Redoc and Swagger UI anchors.
  const last =
    raw
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? raw;
  const wanted = githubSlug(last);
  return ops.find((o) => o.slug === wanted || o.slug.replace(/-\d+$/, '') === wanted)?.slug ?? null;
}
