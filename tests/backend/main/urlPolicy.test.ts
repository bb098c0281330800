import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, decideNavigation, isAllowedRequest, isAppUrl } from '../../../src/main/urlPolicy';

describe('URL policy', () => {
  it('keeps the app on its own pages', () => {
    expect(decideNavigation(`${APP_ORIGIN}/index.html#/read/README.md`)).toEqual({ action: 'allow' });
    expect(isAppUrl('app://nexus/')).toBe(true);
  });

  it('hands http(s) links to the system browser, normalised by the URL parser', () => {
    expect(decideNavigation('https://example.com/a b')).toEqual({ action: 'external', url: 'https://example.com/a%20b' });
    expect(decideNavigation('HTTP://Example.COM')).toEqual({ action: 'external', url: 'http://example.com/' });
  });

  it('refuses every other scheme and malformed URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'app://evil/index.html',
      'app://nexus.evil.example/',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'http://',
      'not a url',
      '',
      'chrome://settings',
      'blob:app://nexus/1',
    ]) {
      expect(decideNavigation(url), url).toEqual({ action: 'deny' });
    }
  });

  it('does not mistake look-alike origins for the app', () => {
    expect(isAppUrl('app://nexus@evil.example/')).toBe(false);
    expect(isAppUrl('https://nexus/')).toBe(false);
  });
});

describe('request filter', () => {
  it('lets the page load only app, data and blob URLs', () => {
    expect(isAllowedRequest('app://nexus/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://nexus/8c1c')).toBe(true);
    for (const url of ['https://tracker.example/pixel.png', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://x/', 'app://other/', 'nonsense']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});
