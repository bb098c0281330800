/**
 * The markdown docs of a corpus folder (../shared/corpora/...), read and decoded as the hub loader
 * reads them: for the outline benchmark and the corpus property tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMarkdown } from '../src/backend/hub/scanHub';
import { decodeText } from '../src/core/hub/decode';
import type { ParsedDoc } from '../src/core/hub/types';

/** A decoded doc: its path relative to the folder (`/`-separated), text and encoding. */
export type CorpusDoc = { rel: string; text: string; encoding: ParsedDoc['encoding'] };

/** Every markdown file under `dir`, at any depth, in directory order. */
export function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      markdownFiles(p, out);
    } else if (e.isFile() && isMarkdown(e.name)) {
      out.push(p);
    }
  }
  return out;
}

/** The markdown docs under `dir`; a file that does not decode is left out (the loader reports it). */
export function corpusDocs(dir: string): CorpusDoc[] {
  return markdownFiles(dir).flatMap((file) => {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const decoded = decodeText(rel, readFileSync(file));
    return decoded.ok ? [{ rel, text: decoded.text, encoding: decoded.encoding }] : [];
  });
}
