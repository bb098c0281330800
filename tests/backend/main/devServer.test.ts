/** `npm run dev`: which dev server URL main follows, and how the CSP and guards open for it alone. */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/core/security/csp';
import { devContentSecurityPolicy, devRendererUrl } from '../../../src/main/devServer';
import { isTrustedSender } from '../../../src/main/ipc';
import { decideNavigation, isAllowedRequest, isAppUrl } from '../../../src/main/urlPolicy';

const dev = 'http://localhost:5173';

describe('dev server URL', () => {
  it('is followed only when not packaged and only on loopback http(s)', () => {
    expect(devRendererUrl(dev, false)?.origin).toBe(dev);
    expect(devRendererUrl('http://127.0.0.1:5173/', false)?.origin).toBe('http://127.0.0.1:5173');
    expect(devRendererUrl('http://[::1]:5173', false)?.origin).toBe('http://[::1]:5173');
    expect(devRendererUrl(dev, true)).toBeNull();
    for (const url of [
      undefined,
      '',
      'https://example.com',
      'http://localhost.evil.example',
      'http://user@localhost:5173',
      'file:///x',
      'app://nexus',
      'nonsense',
    ]) {
      expect(devRendererUrl(url, false), String(url)).toBeNull();
    }
  });

  it('gets the app CSP with only an inline script (React refresh) and the hot-reload socket added', () => {
    const csp = devContentSecurityPolicy(new URL(dev));
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    const same = (p: string) => p.split('; ').filter((d) => !d.startsWith('script-src') && !d.startsWith('connect-src'));
    expect(same(csp)).toEqual(same(CONTENT_SECURITY_POLICY));
    expect(csp).toContain("img-src 'self' data:");
  });

  it('opens navigation, requests and IPC to the dev origin only when it is given', () => {
    expect(isAppUrl(`${dev}/index.html`)).toBe(false);
    expect(isAppUrl(`${dev}/index.html`, dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(decideNavigation(`${dev}/index.html#/read/x`, dev)).toEqual({ action: 'allow' });
    expect(decideNavigation(`${dev}/index.html#/read/x`)).toEqual({ action: 'external', url: `${dev}/index.html#/read/x` });
    expect(isAllowedRequest(`${dev}/src/main.tsx`, dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequest(`${dev}/src/main.tsx`)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/')).toBe(false);
    expect(isAllowedRequest('ws://localhost:9999/', dev)).toBe(false);
    expect(isAllowedRequest('https://tracker.example/pixel.png', dev)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: `${dev}/index.html`, parent: null } }, dev)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: `${dev}/index.html`, parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: `${dev}/index.html`, parent: {} } }, dev)).toBe(false);
  });
});
