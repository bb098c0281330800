/** Types shared by the OpenAPI reader and the domains that use its operations (search, study). */

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
