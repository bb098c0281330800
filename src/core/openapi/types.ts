/** Types shared by the OpenAPI reader and the domains that use its operations (search, study). */
import type { Root as HastRoot } from 'hast';

/** One API operation of a hub's OpenAPI file, as a topic: progress, notes and search attach to it. */
export type EndpointTopic = {
  /** `<spec path>#<operation slug>`: stable while the operationId (or method + path) stays. */
  id: string;
  specPath: string;
  /** Upper-case HTTP method. */
  method: string;
  path: string;
  operationId: string | null;
  summary: string;
  /** Markdown, as written in the spec. */
  description: string;
  tags: string[];
};

/** Which specification a file follows. */
export type SpecDialect = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

/**
 * A JSON Schema (or Swagger 2.0 schema) reduced to what the reader shows. Internal `$ref`s stay
 * references into `ApiSpec.schemas`, so shared and circular schemas are expanded lazily.
 */
export type SchemaNode =
  | { kind: 'ref'; pointer: string; name: string }
  | { kind: 'external-ref'; ref: string }
  | { kind: 'broken-ref'; ref: string; reason: string }
  | { kind: 'truncated' }
  | SchemaShape;

/** An inline schema. */
export type SchemaShape = {
  kind: 'schema';
  /** `string`, `integer | null`, `object`... or '' when not stated. */
  type: string;
  format: string | null;
  title: string | null;
  description: string | null;
  /** Enum values as JSON text. */
  enumValues: string[];
  /** Constraints as readable phrases (`min 1`, `pattern ^a`, `read-only`...). */
  constraints: string[];
  defaultValue: string | null;
  example: string | null;
  properties: SchemaProperty[];
  items: SchemaNode | null;
  additionalProperties: SchemaNode | null;
  /** allOf / oneOf / anyOf / not, in that order, with their members. */
  combinators: { keyword: 'allOf' | 'oneOf' | 'anyOf' | 'not'; schemas: SchemaNode[] }[];
};

/** A named property of an object schema. */
export type SchemaProperty = { name: string; required: boolean; schema: SchemaNode };

/** An example value, pretty-printed (JSON for structured values). */
export type ApiExample = { name: string | null; summary: string | null; value: string };

/** A body or response payload in one media type. */
export type ApiMedia = { mediaType: string; schema: SchemaNode | null; examples: ApiExample[] };

/** An operation parameter (path, query, header, cookie; Swagger 2.0 formData too). */
export type ApiParameter = {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  description: string;
  schema: SchemaNode | null;
  examples: ApiExample[];
};

/** One response of an operation. */
export type ApiResponse = { status: string; description: string; content: ApiMedia[]; headers: ApiParameter[] };

/** One operation, with everything the reference shows. `topic` is what study and search use. */
export type ApiOperation = {
  topic: EndpointTopic;
  /** The part of the topic id after `#`. */
  slug: string;
  deprecated: boolean;
  /** Sanitised hast of the markdown description (null when there is none). */
  descriptionHast: HastRoot | null;
  parameters: ApiParameter[];
  requestBody: { description: string; required: boolean; content: ApiMedia[] } | null;
  responses: ApiResponse[];
};

/** A tag and the slugs of its operations (an operation is listed under its first tag). */
export type ApiTagGroup = {
  name: string;
  descriptionHast: HastRoot | null;
  /** Operations whose first tag this is: shown in full here. */
  operationSlugs: string[];
  /** Operations that also carry this tag but are shown under their first tag: listed as links. */
  alsoSlugs: string[];
};

/** A spec normalised to one model, whatever its dialect. */
export type ApiSpec = {
  path: string;
  dialect: SpecDialect;
  title: string;
  version: string;
  descriptionHast: HastRoot | null;
  servers: string[];
  tags: ApiTagGroup[];
  operations: ApiOperation[];
  /** Every internally referenced schema, by JSON pointer (`#/components/schemas/Pet`). */
  schemas: Record<string, SchemaNode>;
  /** Things the reader could not follow (external refs, broken refs), for the learner. */
  notes: string[];
};

/** What the sidebar needs of a spec. */
export type SpecSummary = {
  path: string;
  title: string;
  dialect: SpecDialect;
  operations: { slug: string; id: string; method: string; path: string; summary: string; tag: string }[];
};
