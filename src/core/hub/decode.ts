/** Turning hub file bytes into text, with the encoding fallback learners' files need. */
import type { HubProblem } from './types';

/** Result of decoding a file. */
export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252'; problem: HubProblem | null }
  | { ok: false; problem: HubProblem };

const SNIFF_BYTES = 8192;

/** True when the first bytes contain a NUL: a binary file, not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      return true;
    }
  }
  return false;
}

/**
 * Decodes UTF-8 (BOM stripped); a file that is not valid UTF-8 is decoded as Windows-1252 and
 * flagged, since many learners write on Windows.
 */
export function decodeText(path: string, bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) {
    return {
      ok: false,
      problem: { path, code: 'binary', severity: 'error', message: 'Binary file (contains NUL bytes); not shown.' },
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: stripBom(text), encoding: 'utf-8', problem: null };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      ok: true,
      text,
      encoding: 'windows-1252',
      problem: {
        path,
        code: 'not-utf8',
        severity: 'warning',
        message: 'Not valid UTF-8: decoded as Windows-1252. Save it as UTF-8 to silence this.',
      },
    };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
