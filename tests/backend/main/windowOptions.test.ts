import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src/main/windowOptions';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('keeps isolation, the sandbox and web security on', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, webSecurity: true });
  });

  it('gives the page no Node.js, no webviews and no insecure content', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.enableBlinkFeatures).toBe('');
  });

  it('loads the CommonJS preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });
});
