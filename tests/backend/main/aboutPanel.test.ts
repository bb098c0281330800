import { describe, expect, it } from 'vitest';
import { aboutPanelOptions } from '../../../src/main/aboutPanel';

const versions = { electron: '45.5.0', chrome: '142.0.1', node: '22.20.0', v8: '14.2', uv: '1.51' };

describe('about panel', () => {
  it('shows the app and runtime versions in the credits on macOS and Windows', () => {
    const about = aboutPanelOptions({ name: 'Nexus Companion', version: '0.1.0', versions, platform: 'darwin' });
    expect(about.applicationName).toBe('Nexus Companion');
    expect(about.applicationVersion).toBe('0.1.0');
    expect(about.credits).toContain('Electron 45.5.0');
    expect(about.credits).toContain('Chromium 142.0.1');
    expect(about.credits).toContain('Node 22.20.0');
    expect(about.version).toBe('Electron 45.5.0 · Chromium 142.0.1 · Node 22.20.0 · V8 14.2');
  });

  it('puts the versions in the version line on Linux, which shows no credits', () => {
    const about = aboutPanelOptions({ name: 'Nexus Companion', version: '0.1.0', versions, platform: 'linux', iconPath: '/opt/icon.png' });
    expect(about.applicationVersion).toBe('0.1.0 (Electron 45.5.0, Chromium 142.0.1, Node 22.20.0, V8 14.2)');
    expect(about.credits).toBeUndefined();
    expect(about.iconPath).toBe('/opt/icon.png');
  });
});
