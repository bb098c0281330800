/** Front matter: parsed safely, kept as data, never rendered. */
import { parse } from 'yaml';

/** Parsed front matter, or the reason it could not be read. */
export type FrontMatterResult = { data: Record<string, unknown> | null; error: string | null };

/** Parses YAML front matter with the core schema, unique keys and a low alias limit. */
export function parseFrontMatter(source: string): FrontMatterResult {
  try {
    const data: unknown = parse(source, {
      schema: 'core',
      uniqueKeys: true,
      maxAliasCount: 20,
      prettyErrors: false,
    });
    if (data === null || data === undefined) {
      return { data: null, error: null };
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: null, error: 'front matter is not a mapping' };
    }
    return { data: data as Record<string, unknown>, error: null };
  } catch (e) {
    return { data: null, error: e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e) };
  }
}
