/** Swagger 2.0 / OpenAPI 3.0 / 3.1 -> one ApiSpec model: operations grouped by tag. */
import { slug as githubSlug } from 'github-slugger';
import { createSlugger } from '../hub/slug';
import { type SpecDetection, detectSpec } from './detect';
import { renderDescription } from './markdown';
import { type PartContext, parameterOf, parametersOf, part, requestBodyOf, responsesOf } from './parts';
import { type YamlValue, isMapping } from './safeYaml';
import { SchemaConverter } from './schema';
import type { ApiOperation, ApiSpec, ApiTagGroup, EndpointTopic, SpecDialect, SpecSummary } from './types';

type Obj = { [key: string]: YamlValue };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** The group of operations that carry no tag. */
export const UNTAGGED = 'default';

const text = (v: YamlValue | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The slug base of an operation: its operationId, else `method-path`. */
export function operationSlugBase(method: string, path: string, operationId: string | null): string {
  if (operationId !== null && operationId.trim() !== '') {
    const s = githubSlug(operationId);
    if (s !== '') {
      return s;
    }
  }
  return (
    `${method}-${path}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'operation'
  );
}

function serversOf(dialect: SpecDialect, root: Obj): string[] {
  if (dialect === 'swagger-2.0') {
    const host = text(root['host']);
    const basePath = text(root['basePath']);
    const schemes = Array.isArray(root['schemes']) ? root['schemes'].filter((s): s is string => typeof s === 'string') : [];
    return host === ''
      ? basePath !== ''
        ? [basePath]
        : []
      : (schemes.length > 0 ? schemes : ['https']).map((s) => `${s}://${host}${basePath}`);
  }
  const servers = root['servers'];
  return Array.isArray(servers) ? servers.flatMap((s) => (isMapping(s) && typeof s['url'] === 'string' ? [s['url']] : [])) : [];
}

/** Normalises a detected spec. `files` (every hub path) lets description links be checked. */
export function normaliseSpec(specPath: string, dialect: SpecDialect, root: Obj, files: ReadonlySet<string> = new Set()): ApiSpec {
  const notes = new Set<string>();
  const schemas = new SchemaConverter(root);
  const strings = (v: YamlValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const ctx: PartContext = {
    root,
    dialect,
    schemas,
    consumes: strings(root['consumes']),
    produces: strings(root['produces']),
    note: (m) => notes.add(m),
  };
  const info = isMapping(root['info']) ? root['info'] : {};
  const slugger = createSlugger();
  const operations: ApiOperation[] = [];
  const paths = isMapping(root['paths']) ? root['paths'] : {};

  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith('x-')) {
      continue;
    }
    const item = part(ctx, rawItem, `Path ${path}`);
    if (item === null) {
      continue;
    }
    for (const method of METHODS) {
      const op = isMapping(item[method]) ? item[method] : null;
      if (op === null) {
        continue;
      }
      const operationId = typeof op['operationId'] === 'string' && op['operationId'].trim() !== '' ? op['operationId'] : null;
      const slug = slugger.slug(operationSlugBase(method, path, operationId));
      const params = parametersOf(ctx, item['parameters'], op['parameters']);
      const tags = strings(op['tags']);
      const topic: EndpointTopic = {
        id: `${specPath}#${slug}`,
        specPath,
        method: method.toUpperCase(),
        path,
        operationId,
        summary: text(op['summary']),
        description: text(op['description']),
        tags,
      };
      operations.push({
        topic,
        slug,
        deprecated: op['deprecated'] === true,
        descriptionHast: renderDescription(topic.description, specPath, files),
        parameters: params.filter((p) => p['in'] !== 'body' && p['in'] !== 'formData').map((p) => parameterOf(ctx, p)),
        requestBody: requestBodyOf(ctx, op, params),
        responses: responsesOf(ctx, op),
      });
    }
  }

  const table = schemas.finish();
  for (const ref of schemas.external) {
    notes.add(`Schema ${ref} is in another file or URL and is not followed.`);
  }
  for (const ref of schemas.broken) {
    notes.add(`Schema ${ref} points at nothing in this file.`);
  }
  return {
    path: specPath,
    dialect,
    title: text(info['title']) || specPath.split('/').pop() || specPath,
    version: text(info['version']),
    descriptionHast: renderDescription(text(info['description']), specPath, files),
    servers: serversOf(dialect, root),
    tags: groupByTag(root, operations, specPath, files),
    operations,
    schemas: table,
    notes: [...notes],
  };
}

function groupByTag(root: Obj, operations: ApiOperation[], specPath: string, files: ReadonlySet<string>): ApiTagGroup[] {
  const groups = new Map<string, ApiTagGroup>();
  for (const t of Array.isArray(root['tags']) ? root['tags'] : []) {
    if (isMapping(t) && typeof t['name'] === 'string' && !groups.has(t['name'])) {
      groups.set(t['name'], {
        name: t['name'],
        descriptionHast: renderDescription(text(t['description']), specPath, files),
        operationSlugs: [],
        alsoSlugs: [],
      });
    }
  }
  for (const op of operations) {
    const tags = op.topic.tags.length > 0 ? [...new Set(op.topic.tags)] : [UNTAGGED];
    tags.forEach((name, i) => {
      let group = groups.get(name);
      if (group === undefined) {
        group = { name, descriptionHast: null, operationSlugs: [], alsoSlugs: [] };
        groups.set(name, group);
      }
      // Each operation is shown once (under its first tag), so its anchor and topic stay unique.
      (i === 0 ? group.operationSlugs : group.alsoSlugs).push(op.slug);
    });
  }
  return [...groups.values()].filter((g) => g.operationSlugs.length + g.alsoSlugs.length > 0);
}

/** The outcome of reading one file as a spec. */
export type SpecRead = { kind: 'not-spec' } | { kind: 'invalid'; message: string } | { kind: 'spec'; spec: ApiSpec };

/** Detects and normalises `text` (the content of hub file `specPath`). Never throws. */
export function readSpec(specPath: string, text: string, files?: ReadonlySet<string>): SpecRead {
  let detected: SpecDetection;
  try {
    detected = detectSpec(text);
    if (detected.kind !== 'spec') {
      return detected;
    }
    return { kind: 'spec', spec: normaliseSpec(specPath, detected.dialect, detected.root, files) };
  } catch (e) {
    const message = e instanceof RangeError ? 'too deeply nested to read' : e instanceof Error ? e.message : String(e);
    return { kind: 'invalid', message: `This OpenAPI file could not be read: ${message}.` };
  }
}

/** The operations of a spec as topics (search, progress and notes attach to them). */
export function endpointTopicsOf(spec: ApiSpec): EndpointTopic[] {
  return spec.operations.map((op) => op.topic);
}

/** What the sidebar shows of a spec. */
export function specSummary(spec: ApiSpec): SpecSummary {
  return {
    path: spec.path,
    title: spec.title,
    dialect: spec.dialect,
    operations: spec.operations.map((op) => ({
      slug: op.slug,
      id: op.topic.id,
      method: op.topic.method,
      path: op.topic.path,
      summary: op.topic.summary,
      tag: op.topic.tags[0] ?? UNTAGGED,
    })),
  };
}
