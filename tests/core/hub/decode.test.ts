import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../../src/core/hub/decode';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('decodeText', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    const res = decodeText('a.md', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Café')]));
    expect(res).toEqual({ ok: true, text: '# Café', encoding: 'utf-8', problem: null });
  });

  it('falls back to Windows-1252 and flags it', () => {
    const res = decodeText('w.md', bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94));
    expect(res.ok && res.text).toBe('Café “q”');
    expect(res.ok && res.problem?.code).toBe('not-utf8');
  });

  it('refuses binary files', () => {
    expect(looksBinary(bytes(0x41, 0x00, 0x42))).toBe(true);
    const res = decodeText('b.md', bytes(0x00, 0x01));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.problem.code).toBe('binary');
  });
});
