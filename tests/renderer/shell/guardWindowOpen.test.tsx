import { describe, expect, it } from 'vitest';
import { externalUrl, guardWindowOpen } from '../../../src/renderer/src/shell/guardWindowOpen';

/** A fake of the window whose open() the guard wraps: records calls. */
function fakeWindow() {
  const opened: unknown[][] = [];
  const target = { open: (...args: unknown[]) => (opened.push(args), {} as Window) } as unknown as Window;
  return { target, opened };
}

describe('window.open guard', () => {
  it('hands http(s) links off with no opener and returns no window handle', () => {
    const { target, opened } = fakeWindow();
    guardWindowOpen(target);
    expect(target.open('https://example.com/a b')).toBeNull();
    expect(opened).toEqual([['https://example.com/a%20b', '_blank', 'noopener,noreferrer']]);
  });

  it('refuses other schemes and the app own origin', () => {
    const { target, opened } = fakeWindow();
    guardWindowOpen(target);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '/index.html', 'app://nexus/', '']) {
      expect(target.open(url)).toBeNull();
    }
    expect(opened).toEqual([]);
    expect(externalUrl('http://[::1')).toBeNull();
  });
});
