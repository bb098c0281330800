/**
 * Safe parsing of untrusted YAML or JSON (JSON is read as YAML 1.2): core schema only, unique
 * keys, few aliases, size and depth caps, no custom or language tags, and plain data out —
 * objects have a null prototype, so a `__proto__` key is an ordinary key.
 */
import { isNode, parseDocument, visit } from 'yaml';

/** Largest spec file parsed (bytes of text). */
export const MAX_SPEC_CHARS = 2 * 1024 * 1024;
/** Deepest nesting of mappings and sequences accepted. */
export const MAX_SPEC_DEPTH = 64;
/** Alias expansions allowed before the document counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 20;
/** Most values (scalars, mappings, sequences) a parsed spec may hold after aliases expand. */
export const MAX_SPEC_NODES = 500_000;

/** Plain data as parsed: null-prototype objects, arrays, strings, numbers, booleans, null. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** The outcome of a safe parse. */
export type SafeParse = { ok: true; value: YamlValue } | { ok: false; message: string };

// The YAML 1.2 core schema's tags: anything else (`!!binary`, `!!set`, `!js/function`, `!custom`) is refused.
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

class Refused extends Error {}

/**
 * Cheap pre-scan for nesting the parser would recurse into: flow brackets (`[[[[...`) and block
 * indentation. Conservative: brackets inside strings count too.
 */
export function nestingTooDeep(text: string): boolean {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && (c === 0x20 || c === 0x2d) /* - */) {
      indent++;
      if (indent > MAX_SPEC_DEPTH * 4) {
        return true;
      }
      continue;
    }
    lineStart = false;
    if (c === 0x5b || c === 0x7b) {
      flow++;
      if (flow > MAX_SPEC_DEPTH) {
        return true;
      }
    } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
      flow--;
    }
  }
  return false;
}

function keyOf(key: unknown): string {
  if (typeof key === 'string') {
    return key;
  }
  if (typeof key === 'number' || typeof key === 'boolean' || key === null) {
    // `200:` is an integer key in YAML; specs mean the string.
    return String(key);
  }
  throw new Refused('a mapping key is not a plain scalar (complex keys are not supported)');
}

/** Copies `toJS` output (Maps) into null-prototype objects, counting nodes and depth. */
function toPlain(value: unknown, depth: number, budget: { nodes: number }): YamlValue {
  budget.nodes++;
  if (budget.nodes > MAX_SPEC_NODES) {
    throw new Refused(`more than ${MAX_SPEC_NODES} values`);
  }
  if (depth > MAX_SPEC_DEPTH) {
    throw new Refused(`nested more than ${MAX_SPEC_DEPTH} levels deep`);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => toPlain(v, depth + 1, budget));
  }
  if (value instanceof Map) {
    const out = Object.create(null) as { [key: string]: YamlValue };
    for (const [k, v] of value) {
      out[keyOf(k)] = toPlain(v, depth + 1, budget);
    }
    return out;
  }
  throw new Refused(`unsupported value of type ${typeof value}`);
}

/** Parses `text` as YAML 1.2 (which includes JSON) under the limits above. Never throws. */
export function safeParseYaml(text: string): SafeParse {
  if (text.length > MAX_SPEC_CHARS) {
    return { ok: false, message: `larger than ${MAX_SPEC_CHARS / 1048576} MiB` };
  }
  if (nestingTooDeep(text)) {
    return { ok: false, message: `nested more than ${MAX_SPEC_DEPTH} levels deep` };
  }
  try {
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, merge: false, strict: true, prettyErrors: false, version: '1.2' });
    const error = doc.errors[0] ?? doc.warnings[0];
    if (error !== undefined) {
      const where = error.linePos?.[0] !== undefined ? ` (line ${error.linePos[0].line})` : '';
      return { ok: false, message: `${error.message.split('\n')[0] ?? error.code}${where}` };
    }
    visit(doc, (_key, node) => {
      if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        throw new Refused(`the tag ${node.tag} is not allowed (only plain YAML data is read)`);
      }
    });
    const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
    return { ok: true, value: toPlain(js, 0, { nodes: 0 }) };
  } catch (e) {
    if (e instanceof Refused) {
      return { ok: false, message: e.message };
    }
    if (e instanceof RangeError) {
      return { ok: false, message: 'too deeply nested to read' };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, message: /alias/i.test(message) ? `too many aliases (${message})` : message };
  }
}

/** True when `v` is a mapping (null-prototype object) of the parsed data. */
export function isMapping(v: unknown): v is { [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
