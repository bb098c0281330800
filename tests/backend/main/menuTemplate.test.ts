import { describe, expect, it } from 'vitest';
import { SHORTCUTS, type UiCommand } from '../../../src/core/shell/shortcuts';
import { type MenuActions, type MenuItemSpec, type ThemeSource, buildMenuTemplate } from '../../../src/main/menuTemplate';

/** Records what the menu asked for. */
function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    openHub: () => calls.push('openHub'),
    command: (c: UiCommand) => calls.push(`command:${c}`),
    setTheme: (t: ThemeSource) => calls.push(`theme:${t}`),
    showAbout: () => calls.push('about'),
    showLogFile: () => calls.push('log'),
    openDataFolder: () => calls.push('data'),
  };
  return { calls, actions };
}

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

const byId = (items: MenuItemSpec[], id: string): MenuItemSpec => {
  const found = flatten(items).find((i) => i.id === id);
  if (found === undefined) {
    throw new Error(`no menu item ${id}`);
  }
  return found;
};

describe('application menu', () => {
  const options = { platform: 'linux', appName: 'Nexus Companion', theme: 'system' as const, dev: false };

  it('has File, Edit, View, Window and Help in that order', () => {
    const { actions } = recorder();
    const top = buildMenuTemplate(actions, options).map((i) => i.label ?? i.role);
    expect(top).toEqual(['&File', 'editMenu', '&View', 'windowMenu', '&Help']);
    expect(buildMenuTemplate(actions, { ...options, platform: 'darwin' })[0]).toEqual({ role: 'appMenu' });
  });

  it('sends each UI command to the renderer with the accelerator of the shortcuts table', () => {
    const { calls, actions } = recorder();
    const menu = buildMenuTemplate(actions, options);
    const commands: UiCommand[] = ['sync-now', 'export', 'go-back', 'go-forward', 'open-search', 'open-dashboard', 'toggle-sidebar', 'toggle-notes', 'show-shortcuts', 'quick-switcher', 'find-in-page'];
    for (const id of commands) {
      const item = byId(menu, id);
      item.click?.();
      const shortcut = SHORTCUTS.find((s) => s.command === id);
      expect(item.accelerator).toBe(shortcut?.keys[0]);
      // The renderer owns these keys (so the web host has them too): shown, not registered.
      expect(item.registerAccelerator).toBe(shortcut === undefined ? undefined : false);
    }
    expect(calls).toEqual(commands.map((c) => `command:${c}`));
  });

  it('puts Back and Forward first in View, on Alt+Left and Alt+Right', () => {
    const { calls, actions } = recorder();
    const view = byId(buildMenuTemplate(actions, options), 'view').submenu ?? [];
    expect(view.slice(0, 2).map((i) => [i.label, i.accelerator])).toEqual([
      ['Back', 'Alt+Left'],
      ['Forward', 'Alt+Right'],
    ]);
    view[1]?.click?.();
    view[0]?.click?.();
    expect(calls).toEqual(['command:go-forward', 'command:go-back']);
  });

  it('opens a hub natively, and reaches the log, data folder and about box from Help', () => {
    const { calls, actions } = recorder();
    const menu = buildMenuTemplate(actions, options);
    const openHub = byId(menu, 'open-hub');
    expect(openHub.accelerator).toBe('CmdOrCtrl+O');
    expect(openHub.registerAccelerator).toBeUndefined();
    for (const id of ['open-hub', 'show-log', 'open-data-folder', 'about']) {
      byId(menu, id).click?.();
    }
    expect(calls).toEqual(['openHub', 'log', 'data', 'about']);
  });

  it('offers the theme as radio items with the current one checked', () => {
    const { calls, actions } = recorder();
    const menu = buildMenuTemplate(actions, { ...options, theme: 'dark' });
    const themes = byId(menu, 'theme').submenu ?? [];
    expect(themes.map((t) => [t.id, t.type, t.checked])).toEqual([
      ['theme-system', 'radio', false],
      ['theme-light', 'radio', false],
      ['theme-dark', 'radio', true],
    ]);
    themes[1]?.click?.();
    expect(calls).toEqual(['theme:light']);
  });

  it('has zoom and full screen, and dev tools only in development', () => {
    const { actions } = recorder();
    const roles = (dev: boolean) => flatten(buildMenuTemplate(actions, { ...options, dev })).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('keeps Quit and About in the app menu on macOS', () => {
    const { actions } = recorder();
    const flat = flatten(buildMenuTemplate(actions, { ...options, platform: 'darwin' }));
    expect(flat.filter((i) => i.role === 'quit')).toHaveLength(0);
    expect(flat.find((i) => i.id === 'about')).toBeUndefined();
  });
});
