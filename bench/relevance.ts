/**
 * The relevance judgement shared by the search bench and the corpora test: the queries file
 * (columns query, file, heading, kind) and how a hit is matched against its expected section.
 */
import { readFile } from 'node:fs/promises';

/** One judged query. */
export type Query = { query: string; file: string; heading: string; kind: string };

/** Heading text as the queries file writes it: inline markdown, `{ #id }` and spaces stripped. */
export function normHeading(s: string): string {
  return s
    .replace(/\s*\{\s*#[^}]*\}\s*$/, '')
    .replace(/[`*]/g, '')
    .replace(/(^|\W)_+|_+(?=\W|$)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[[\]]/g, '')
    .trim();
}

/** The queries of a TSV file (none without a file). */
export async function loadQueries(file: string | undefined): Promise<Query[]> {
  if (file === undefined) {
    return [];
  }
  const lines = (await readFile(file, 'utf8')).split('\n').slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [query = '', f = '', heading = '', kind = ''] = l.split('\t');
      return { query, file: f, heading, kind };
    });
}

/** The rank (0-based) of the expected section among `hits`, or -1. */
export function rankOf(q: Query, hits: ReadonlyArray<{ docPath: string; title: string }>): number {
  const want = normHeading(q.heading);
  return hits.findIndex((h) => h.docPath === q.file && normHeading(h.title) === want);
}
