/** The native About panel's content: app version plus the Electron, Chromium, Node and V8 versions. */

/** The fields of Electron's AboutPanelOptionsOptions this app fills. */
export type AboutPanel = { applicationName: string; applicationVersion: string; version?: string; credits?: string; copyright: string; iconPath?: string };

/** The About panel for `app.setAboutPanelOptions`. Linux shows no credits, so versions go in the version line there. */
export function aboutPanelOptions(input: { name: string; version: string; versions: Record<string, string | undefined>; platform: string; iconPath?: string }): AboutPanel {
  const runtime = ['electron', 'chrome', 'node', 'v8']
    .filter((k) => input.versions[k] !== undefined)
    .map((k) => `${k === 'chrome' ? 'Chromium' : k === 'v8' ? 'V8' : k[0]?.toUpperCase() + k.slice(1)} ${input.versions[k]}`);
  const linux = input.platform === 'linux';
  return {
    applicationName: input.name,
    applicationVersion: linux ? `${input.version} (${runtime.join(', ')})` : input.version,
    ...(linux ? {} : { version: runtime.join(' · '), credits: `Offline study companion for the Project Nexus hub.\n${runtime.join('\n')}` }),
    copyright: 'Copyright © 2025 Nexus Companion contributors',
    ...(input.iconPath !== undefined ? { iconPath: input.iconPath } : {}),
  };
}
