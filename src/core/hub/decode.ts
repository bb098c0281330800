/** Turning hub file bytes into text, with the encoding fallback learners' files need. */
import type { HubProblem } from './types';

/** Result of decoding a file. */
export type Decoded =
  { ok: true; text: string; encoding: 'utf-8' | 'windows-1252'; problem: HubProblem | null } | { ok: false; problem: HubProblem };

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
    const text = decodeWindows1252(bytes);
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

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Decoded by hand because some runtimes
// (Node 20's TextDecoder among them) decode the 'windows-1252' label as plain Latin-1.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes (the WHATWG mapping). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      codes.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? 0xfffd) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
