/** `$ref` handling inside one spec file: JSON pointers are followed; anything else is not. */
import { type YamlValue, isMapping } from './safeYaml';

/** Most `$ref` hops followed for one value (a chain longer than this is treated as broken). */
const MAX_HOPS = 16;

/** What a `$ref` points at. */
export type RefTarget =
  | { kind: 'internal'; pointer: string; name: string; value: YamlValue }
  | { kind: 'external'; ref: string }
  | { kind: 'broken'; ref: string; reason: string };

/** True for a `$ref` that stays inside the file (`#/...`). Files, URLs and file:// are external. */
export function isInternalRef(ref: string): boolean {
  return ref.startsWith('#');
}

function decodeSegment(seg: string): string {
  let s = seg;
  try {
    s = decodeURIComponent(seg);
  } catch {
    // A malformed escape stays as written.
  }
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at JSON pointer `pointer` (`#/components/schemas/Pet`) in `root`, or undefined. */
export function resolvePointer(root: YamlValue, pointer: string): YamlValue | undefined {
  if (!isInternalRef(pointer)) {
    return undefined;
  }
  const body = pointer.slice(1);
  if (body === '') {
    return root;
  }
  if (!body.startsWith('/')) {
    return undefined;
  }
  let current: YamlValue | undefined = root;
  for (const raw of body.slice(1).split('/')) {
    const seg = decodeSegment(raw);
    if (Array.isArray(current)) {
      const index = /^\d+$/.test(seg) ? Number(seg) : -1;
      current = index >= 0 && index < current.length ? current[index] : undefined;
    } else if (isMapping(current)) {
      current = Object.prototype.hasOwnProperty.call(current, seg) ? current[seg] : undefined;
    } else {
      return undefined;
    }
    if (current === undefined) {
      return undefined;
    }
  }
  return current;
}

/** The `$ref` string of a value, if it is a reference object. */
export function refOf(value: YamlValue | undefined): string | null {
  if (isMapping(value) && typeof value['$ref'] === 'string') {
    return value['$ref'];
  }
  return null;
}

/** The last segment of a pointer, as a display name (`Pet` for `#/definitions/Pet`). */
export function refName(ref: string): string {
  const last = ref.split('/').pop() ?? ref;
  return decodeSegment(last) || ref;
}

/** Resolves one `$ref` (following chains of refs, stopping on loops). */
export function resolveRef(root: YamlValue, ref: string): RefTarget {
  const seen = new Set<string>();
  let current = ref;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (!isInternalRef(current)) {
      return { kind: 'external', ref: current };
    }
    if (seen.has(current)) {
      return { kind: 'broken', ref, reason: 'circular reference' };
    }
    seen.add(current);
    const value = resolvePointer(root, current);
    if (value === undefined) {
      return { kind: 'broken', ref: current, reason: 'points at nothing in this file' };
    }
    const next = refOf(value);
    if (next === null) {
      return { kind: 'internal', pointer: current, name: refName(current), value };
    }
    current = next;
  }
  return { kind: 'broken', ref, reason: 'too many chained references' };
}

/**
 * A value with its `$ref` (if any) followed. External and broken refs come back as such so the
 * caller can show them instead of the value.
 */
export function deref(
  root: YamlValue,
  value: YamlValue | undefined,
): { value: YamlValue | undefined; problem: Exclude<RefTarget, { kind: 'internal' }> | null } {
  const ref = refOf(value);
  if (ref === null) {
    return { value, problem: null };
  }
  const target = resolveRef(root, ref);
  return target.kind === 'internal' ? { value: target.value, problem: null } : { value: undefined, problem: target };
}
