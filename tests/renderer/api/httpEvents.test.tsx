import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/core/api/events';
import { createHttpEvents } from '../../../src/renderer/src/api/client';

/** A fake EventSource that records how many were opened and closed. */
function fakeSources() {
  const opened: Array<{ url: string; closed: boolean; onmessage: ((m: MessageEvent<string>) => void) | null; close: () => void }> = [];
  const open = (url: string) => {
    const s = { url, closed: false, onmessage: null as ((m: MessageEvent<string>) => void) | null, close: () => void (s.closed = true) };
    opened.push(s);
    return s as unknown as globalThis.EventSource;
  };
  return { opened, open };
}

describe('push events over SSE in the web host', () => {
  it('every subscriber shares one connection (a browser has only 6 per host), closed with the last', () => {
    const { opened, open } = fakeSources();
    const events = createHttpEvents('tok', open);
    const got: string[][] = [[], [], [], [], [], [], [], []];
    const offs = got.map((into) => events.subscribe((e: AppEvent) => into.push(e.type)));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.url).toBe('/api/events?token=tok');
    opened[0]?.onmessage?.({ data: JSON.stringify({ type: 'sync.finished' }) } as MessageEvent<string>);
    opened[0]?.onmessage?.({ data: '{not json' } as MessageEvent<string>);
    expect(got.every((g) => g.length === 1 && g[0] === 'sync.finished')).toBe(true);
    offs.slice(1).forEach((off) => off());
    expect(opened[0]?.closed).toBe(false);
    offs[0]?.();
    expect(opened[0]?.closed).toBe(true);
    events.subscribe(() => undefined);
    expect(opened).toHaveLength(2);
  });
});
