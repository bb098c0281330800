/**
 * JSON Schema -> SchemaNode. Internal `$ref`s become `ref` nodes whose targets are converted once
 * each into a shared table, so circular schemas terminate and the work stays linear in the file.
 */
import { isInternalRef, refName, resolvePointer } from './refs';
import { type YamlValue, isMapping } from './safeYaml';
import type { SchemaNode, SchemaShape } from './types';

/** Deepest inline schema nesting converted (deeper parts show as truncated). */
const MAX_SCHEMA_DEPTH = 32;
/** Longest example or default text kept. */
const MAX_VALUE_CHARS = 20_000;

/** A value as display text: strings as written, everything else as pretty JSON. */
export function valueText(value: YamlValue | undefined, quoteStrings = false): string {
  if (value === undefined) {
    return '';
  }
  const text = typeof value === 'string' && !quoteStrings ? value : JSON.stringify(value, null, 2);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}\n… (cut)` : text;
}

function str(v: YamlValue | undefined): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

function typeText(s: { [key: string]: YamlValue }): string {
  const t = s['type'];
  const types = Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
  if (types.length === 0) {
    if (isMapping(s['properties'])) {
      types.push('object');
    } else if (s['items'] !== undefined) {
      types.push('array');
    }
  }
  if (s['nullable'] === true && !types.includes('null')) {
    types.push('null');
  }
  return types.join(' | ');
}

function constraintsOf(s: { [key: string]: YamlValue }): string[] {
  const out: string[] = [];
  const num = (key: string, label: string): void => {
    const v = s[key];
    if (typeof v === 'number') {
      out.push(`${label} ${v}`);
    }
  };
  const exMin = s['exclusiveMinimum'];
  const exMax = s['exclusiveMaximum'];
  num('minimum', exMin === true ? '>' : '≥');
  num('maximum', exMax === true ? '<' : '≤');
  num('exclusiveMinimum', '>');
  num('exclusiveMaximum', '<');
  num('multipleOf', 'multiple of');
  num('minLength', 'min length');
  num('maxLength', 'max length');
  num('minItems', 'min items');
  num('maxItems', 'max items');
  num('minProperties', 'min properties');
  num('maxProperties', 'max properties');
  if (typeof s['pattern'] === 'string') {
    out.push(`pattern ${s['pattern']}`);
  }
  if (s['uniqueItems'] === true) {
    out.push('unique items');
  }
  if (s['const'] !== undefined) {
    out.push(`const ${valueText(s['const'], true)}`);
  }
  for (const flag of ['readOnly', 'writeOnly', 'deprecated'] as const) {
    if (s[flag] === true) {
      out.push(flag === 'readOnly' ? 'read-only' : flag === 'writeOnly' ? 'write-only' : 'deprecated');
    }
  }
  return out;
}

/** Converts schemas of one spec, collecting referenced ones in `schemas`. */
export class SchemaConverter {
  private readonly table = new Map<string, SchemaNode>();
  private readonly pending: string[] = [];
  /** External refs met (shown to the learner as not followed). */
  readonly external = new Set<string>();
  /** Broken refs met. */
  readonly broken = new Set<string>();

  constructor(private readonly root: YamlValue) {}

  /** Converts one schema value (inline or a `$ref`). */
  convert(value: YamlValue | undefined, depth = 0): SchemaNode {
    if (depth > MAX_SCHEMA_DEPTH) {
      return { kind: 'truncated' };
    }
    if (value === true || value === false) {
      return { ...emptyShape(), type: value ? 'any' : 'never' };
    }
    if (!isMapping(value)) {
      return emptyShape();
    }
    const ref = value['$ref'];
    if (typeof ref === 'string') {
      return this.reference(ref);
    }
    return this.shape(value, depth);
  }

  /** Converts every schema referenced so far (and those they reference), then returns the table. */
  finish(): Record<string, SchemaNode> {
    for (let pointer = this.pending.shift(); pointer !== undefined; pointer = this.pending.shift()) {
      const target = resolvePointer(this.root, pointer);
      this.table.set(pointer, this.convert(target));
    }
    return Object.fromEntries(this.table);
  }

  private reference(ref: string): SchemaNode {
    if (!isInternalRef(ref)) {
      this.external.add(ref);
      return { kind: 'external-ref', ref };
    }
    if (!this.table.has(ref)) {
      if (resolvePointer(this.root, ref) === undefined) {
        this.broken.add(ref);
        return { kind: 'broken-ref', ref, reason: 'points at nothing in this file' };
      }
      // Reserved now, converted in finish(): a schema that refers to itself terminates.
      this.table.set(ref, { kind: 'truncated' });
      this.pending.push(ref);
    }
    return { kind: 'ref', pointer: ref, name: refName(ref) };
  }

  private shape(s: { [key: string]: YamlValue }, depth: number): SchemaShape {
    const required = new Set(Array.isArray(s['required']) ? s['required'].filter((r): r is string => typeof r === 'string') : []);
    const props = isMapping(s['properties']) ? s['properties'] : null;
    const examples = s['examples'];
    const example = s['example'] !== undefined ? s['example'] : Array.isArray(examples) ? examples[0] : undefined;
    const additional = s['additionalProperties'];
    const combinators: SchemaShape['combinators'] = [];
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      const members = s[keyword];
      if (Array.isArray(members)) {
        combinators.push({ keyword, schemas: members.map((m) => this.convert(m, depth + 1)) });
      }
    }
    if (s['not'] !== undefined) {
      combinators.push({ keyword: 'not', schemas: [this.convert(s['not'], depth + 1)] });
    }
    return {
      kind: 'schema',
      type: typeText(s),
      format: str(s['format']),
      title: str(s['title']),
      description: str(s['description']),
      enumValues: Array.isArray(s['enum']) ? s['enum'].map((v) => valueText(v, true)) : [],
      constraints: constraintsOf(s),
      defaultValue: s['default'] !== undefined ? valueText(s['default'], true) : null,
      example: example !== undefined ? valueText(example, true) : null,
      properties:
        props === null
          ? []
          : Object.entries(props).map(([name, p]) => ({ name, required: required.has(name), schema: this.convert(p, depth + 1) })),
      items: s['items'] !== undefined ? this.convert(s['items'], depth + 1) : null,
      additionalProperties: isMapping(additional) ? this.convert(additional, depth + 1) : null,
      combinators,
    };
  }
}

/** A schema that says nothing. */
export function emptyShape(): SchemaShape {
  return {
    kind: 'schema',
    type: '',
    format: null,
    title: null,
    description: null,
    enumValues: [],
    constraints: [],
    defaultValue: null,
    example: null,
    properties: [],
    items: null,
    additionalProperties: null,
    combinators: [],
  };
}
