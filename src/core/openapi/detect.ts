/**
 * Which hub files are OpenAPI / Swagger specs: decided by content (a top-level `openapi: 3.x` or
 * `swagger: "2.0"`), never by file name, and only for files that could hold YAML or JSON.
 */
import { type YamlValue, isMapping, safeParseYaml } from './safeYaml';
import type { SpecDialect } from './types';

/** What a file turned out to be. */
export type SpecDetection =
  { kind: 'not-spec' } | { kind: 'spec'; dialect: SpecDialect; root: { [key: string]: YamlValue } } | { kind: 'invalid'; message: string };

/** Files whose content is checked for a spec. */
export function mayBeSpecFile(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

// A key `openapi` or `swagger` at the start of a line (YAML) or of a JSON object member.
const SPEC_KEY = /(?:^|[{,])\s*["']?(?:openapi|swagger)["']?\s*:/m;

/** The dialect a parsed document declares at its top level, or null. */
export function specDialect(root: YamlValue): SpecDialect | null {
  if (!isMapping(root)) {
    return null;
  }
  const openapi = root['openapi'];
  if (typeof openapi === 'string') {
    if (/^3\.0(\.\d+)?$/.test(openapi.trim())) {
      return 'openapi-3.0';
    }
    if (/^3\.1(\.\d+)?$/.test(openapi.trim())) {
      return 'openapi-3.1';
    }
    return null;
  }
  const swagger = root['swagger'];
  // `swagger: 2.0` unquoted is the number 2 in YAML; the spec means the string.
  if (swagger === '2.0' || swagger === 2) {
    return 'swagger-2.0';
  }
  return null;
}

/**
 * Reads `text` and tells whether it is a spec. A file that never mentions a spec key is not
 * parsed at all; one that does but cannot be read safely is `invalid` (a per-file problem).
 * A document with a spec key only somewhere nested is not a spec.
 */
export function detectSpec(text: string): SpecDetection {
  if (!SPEC_KEY.test(text)) {
    return { kind: 'not-spec' };
  }
  const parsed = safeParseYaml(text);
  if (!parsed.ok) {
    return { kind: 'invalid', message: `This looks like an OpenAPI file but cannot be read: ${parsed.message}.` };
  }
  const root = parsed.value;
  const dialect = specDialect(root);
  if (dialect === null || !isMapping(root)) {
    if (isMapping(root) && (typeof root['openapi'] === 'string' || typeof root['openapi'] === 'number')) {
      return { kind: 'invalid', message: `OpenAPI version ${String(root['openapi'])} is not supported (3.0, 3.1 and Swagger 2.0 are).` };
    }
    return { kind: 'not-spec' };
  }
  return { kind: 'spec', dialect, root };
}
