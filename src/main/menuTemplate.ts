/**
 * The application menu as a plain template built from a typed action map (no Electron import, so
 * tests can read it). index.ts hands it to Menu.buildFromTemplate. Features reach the UI through
 * `actions.command(...)`, which index.ts sends to the renderer as a `ui.command` event.
 */
import { type UiCommand, acceleratorOf } from '../core/shell/shortcuts';

/** Electron menu roles this menu uses. */
export type MenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'quit'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools';

/** One menu item (a structural subset of Electron's MenuItemConstructorOptions). */
export type MenuItemSpec = {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu' | 'radio';
  accelerator?: string;
  registerAccelerator?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemSpec[];
};

/** The app's colour theme; Electron's nativeTheme.themeSource drives prefers-color-scheme. */
export type ThemeSource = 'system' | 'light' | 'dark';

/** What the menu can do. index.ts implements it with Electron; tests pass recording fakes. */
export type MenuActions = {
  /** Native folder dialog, then hub.open. */
  openHub(): void;
  /** Asks the renderer to carry out a UI command. */
  command(command: UiCommand): void;
  setTheme(theme: ThemeSource): void;
  showAbout(): void;
  showLogFile(): void;
  openDataFolder(): void;
};

/** What the menu depends on besides its actions. */
export type MenuOptions = { platform: string; appName: string; theme: ThemeSource; dev: boolean };

const separator: MenuItemSpec = { type: 'separator' };

/**
 * A menu item that sends a UI command. Its key is handled by the renderer (so the web host has
 * the same keys), so the accelerator is shown but not registered with the system; on macOS the
 * menu takes the key and the command arrives as an event instead. Either way it fires once.
 */
function commandItem(actions: MenuActions, id: UiCommand, label: string): MenuItemSpec {
  const accelerator = acceleratorOf(id);
  return {
    id,
    label,
    ...(accelerator !== undefined ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.command(id),
  };
}

/** The whole application menu for a platform. */
export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const theme = (value: ThemeSource, label: string): MenuItemSpec => ({
    id: `theme-${value}`,
    label,
    type: 'radio',
    checked: options.theme === value,
    click: () => actions.setTheme(value),
  });
  const file: MenuItemSpec[] = [
    { id: 'open-hub', label: 'Open Hub…', accelerator: acceleratorOf('open-hub') ?? 'CmdOrCtrl+O', click: () => actions.openHub() },
    separator,
    commandItem(actions, 'sync-now', 'Sync Now'),
    commandItem(actions, 'export', 'Export…'),
    ...(mac ? [] : [separator, { role: 'quit' as const }]),
  ];
  const view: MenuItemSpec[] = [
    commandItem(actions, 'go-back', 'Back'),
    commandItem(actions, 'go-forward', 'Forward'),
    separator,
    commandItem(actions, 'open-search', 'Search…'),
    commandItem(actions, 'open-dashboard', 'Dashboard'),
    commandItem(actions, 'quick-switcher', 'Go to Doc…'),
    commandItem(actions, 'find-in-page', 'Find in Page…'),
    separator,
    commandItem(actions, 'toggle-sidebar', 'Toggle Sidebar'),
    commandItem(actions, 'toggle-notes', 'Toggle Notes'),
    separator,
    { id: 'theme', label: 'Theme', submenu: [theme('system', 'Follow System'), theme('light', 'Light'), theme('dark', 'Dark')] },
    separator,
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'resetZoom' },
    separator,
    { role: 'togglefullscreen' },
    ...(options.dev ? [separator, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
  ];
  const help: MenuItemSpec[] = [
    commandItem(actions, 'show-shortcuts', 'Keyboard Shortcuts'),
    separator,
    { id: 'show-log', label: 'Show Log File', click: () => actions.showLogFile() },
    { id: 'open-data-folder', label: 'Open Data Folder', click: () => actions.openDataFolder() },
    ...(mac ? [] : [separator, { id: 'about', label: `About ${options.appName}`, click: () => actions.showAbout() }]),
  ];
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { id: 'file', label: '&File', submenu: file },
    { role: 'editMenu' },
    { id: 'view', label: '&View', submenu: view },
    { role: 'windowMenu' },
    { id: 'help', label: '&Help', submenu: help },
  ];
}
