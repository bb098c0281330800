/**
 * Every UI command and keyboard shortcut of the app, in one table shared by the Electron menu
 * (accelerators), the renderer's keyboard handler (so the web host has the same keys) and the
 * shortcuts sheet.
 */

/** A command the UI carries out; the menu sends these to the renderer as `ui.command` events. */
export type UiCommand =
  | 'open-search'
  | 'open-dashboard'
  | 'toggle-sidebar'
  | 'toggle-notes'
  | 'show-shortcuts'
  | 'open-hub'
  | 'sync-now'
  | 'export'
  | 'show-about'
  | 'go-back'
  | 'go-forward'
  | 'quick-switcher'
  | 'find-in-page';

/** Every UiCommand, for validation of pushed events. */
export const UI_COMMANDS: readonly UiCommand[] = ['open-search', 'open-dashboard', 'toggle-sidebar', 'toggle-notes', 'show-shortcuts', 'open-hub', 'sync-now', 'export', 'show-about', 'go-back', 'go-forward', 'quick-switcher', 'find-in-page'];

/**
 * Who handles a shortcut's key: `renderer` keys work in every host; `desktop` keys are native
 * menu accelerators of the Electron app; `web` keys are handled by the renderer only in a
 * browser (in Electron the menu does the same thing natively, e.g. a folder dialog).
 */
export type ShortcutScope = 'renderer' | 'desktop' | 'web';

/** One row of the shortcuts sheet. `keys` use Electron accelerator syntax (`CmdOrCtrl+K`). */
export type Shortcut = {
  id: string;
  label: string;
  group: 'General' | 'Navigation' | 'View' | 'Study';
  keys: readonly string[];
  scope: ShortcutScope;
  command: UiCommand | null;
};

/** The shortcuts, in the order the sheet lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'open-search', label: 'Search everything', group: 'Navigation', keys: ['CmdOrCtrl+K'], scope: 'renderer', command: 'open-search' },
  { id: 'open-dashboard', label: 'Open the dashboard', group: 'Navigation', keys: ['CmdOrCtrl+Shift+D'], scope: 'renderer', command: 'open-dashboard' },
  { id: 'go-back', label: 'Back to the previous page', group: 'Navigation', keys: ['Alt+Left'], scope: 'renderer', command: 'go-back' },
  { id: 'go-forward', label: 'Forward again', group: 'Navigation', keys: ['Alt+Right'], scope: 'renderer', command: 'go-forward' },
  { id: 'open-hub', label: 'Open a hub folder', group: 'General', keys: ['CmdOrCtrl+O'], scope: 'web', command: 'open-hub' },
  { id: 'sync-now', label: 'Sync now', group: 'Study', keys: ['CmdOrCtrl+Shift+S'], scope: 'renderer', command: 'sync-now' },
  { id: 'toggle-sidebar', label: 'Show or hide the sidebar', group: 'View', keys: ['CmdOrCtrl+B'], scope: 'renderer', command: 'toggle-sidebar' },
  { id: 'toggle-notes', label: 'Show or hide the notes pane', group: 'View', keys: ['CmdOrCtrl+J'], scope: 'renderer', command: 'toggle-notes' },
  { id: 'show-shortcuts', label: 'Show this list of shortcuts', group: 'General', keys: ['CmdOrCtrl+/', '?'], scope: 'renderer', command: 'show-shortcuts' },
  { id: 'zoom-in', label: 'Zoom in', group: 'View', keys: ['CmdOrCtrl+Plus'], scope: 'desktop', command: null },
  { id: 'zoom-out', label: 'Zoom out', group: 'View', keys: ['CmdOrCtrl+-'], scope: 'desktop', command: null },
  { id: 'zoom-reset', label: 'Actual size', group: 'View', keys: ['CmdOrCtrl+0'], scope: 'desktop', command: null },
  { id: 'full-screen', label: 'Full screen', group: 'View', keys: ['F11'], scope: 'desktop', command: null },
  { id: 'quick-switcher', label: 'Go to a doc by name', group: 'Navigation', keys: ['CmdOrCtrl+P'], scope: 'renderer', command: 'quick-switcher' },
  { id: 'find-in-page', label: 'Find in page', group: 'Navigation', keys: ['CmdOrCtrl+F'], scope: 'renderer', command: 'find-in-page' },
  { id: 'quit', label: 'Quit', group: 'General', keys: ['CmdOrCtrl+Q'], scope: 'desktop', command: null },
];

/** The accelerator of a command's first key (the menu shows it). */
export function acceleratorOf(command: UiCommand): string | undefined {
  return SHORTCUTS.find((s) => s.command === command)?.keys[0];
}

/** The little of a KeyboardEvent the matcher reads. */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

const NAMED_KEYS: Record<string, string> = { plus: '+', minus: '-', space: ' ', left: 'arrowleft', right: 'arrowright' };

function keyMatches(press: KeyPress, accelerator: string, mac: boolean): boolean {
  const parts = accelerator.split('+');
  const rawKey = parts.pop() ?? '';
  const key = (NAMED_KEYS[rawKey.toLowerCase()] ?? rawKey).toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const wantPrimary = mods.has('cmdorctrl');
  const primary = mac ? press.metaKey : press.ctrlKey;
  const other = mac ? press.ctrlKey : press.metaKey;
  if (primary !== wantPrimary || other || press.altKey !== mods.has('alt')) {
    return false;
  }
  // Punctuation such as `?` already implies Shift on most layouts: only letters compare Shift.
  const letter = /^[a-z]$/.test(key);
  if (letter && press.shiftKey !== mods.has('shift')) {
    return false;
  }
  return press.key.toLowerCase() === key;
}

/**
 * The command a key press triggers in the renderer, or null. `typing` is true when focus is in
 * an editable field: then keys without a modifier (`?`) and Alt+Left/Right are left to the field.
 */
export function matchShortcut(press: KeyPress, options: { mac: boolean; inElectron: boolean; typing: boolean }): UiCommand | null {
  for (const shortcut of SHORTCUTS) {
    if (shortcut.command === null || shortcut.scope === 'desktop' || (shortcut.scope === 'web' && options.inElectron)) {
      continue;
    }
    for (const accelerator of shortcut.keys) {
      const plain = !accelerator.includes('+') || accelerator === '+';
      // Alt+arrows move the caret by word in a text field (macOS): there they belong to the field.
      const caret = /\+(Left|Right)$/.test(accelerator);
      if ((plain || caret) && options.typing) {
        continue;
      }
      if (keyMatches(press, accelerator, options.mac)) {
        return shortcut.command;
      }
    }
  }
  return null;
}

/** How an accelerator reads on this platform (`Ctrl+Shift+D`, `⌘⇧D`). */
export function formatAccelerator(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const shown = key === 'Plus' ? '+' : key.length === 1 ? key.toUpperCase() : key;
  if (mac) {
    const symbols: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
    return `${parts.map((p) => symbols[p] ?? p).join('')}${shown}`;
  }
  return [...parts.map((p) => (p === 'CmdOrCtrl' ? 'Ctrl' : p)), shown].join('+');
}
