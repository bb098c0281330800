import { describe, expect, it } from 'vitest';
import { type KeyPress, SHORTCUTS, UI_COMMANDS, formatAccelerator, matchShortcut } from '../../../src/core/shell/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const linux = { mac: false, inElectron: false, typing: false };
const mac = { mac: true, inElectron: false, typing: false };

describe('shortcuts', () => {
  it('has unique ids and keys, and a key for every command the UI handles', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const command of UI_COMMANDS.filter((c) => c !== 'export' && c !== 'show-about')) {
      expect(SHORTCUTS.some((s) => s.command === command), command).toBe(true);
    }
  });

  it('matches Ctrl on Linux/Windows and Cmd on macOS', () => {
    expect(matchShortcut(press('k', { ctrlKey: true }), linux)).toBe('open-search');
    expect(matchShortcut(press('k', { metaKey: true }), linux)).toBeNull();
    expect(matchShortcut(press('k', { metaKey: true }), mac)).toBe('open-search');
    expect(matchShortcut(press('k', { ctrlKey: true }), mac)).toBeNull();
  });

  it('tells Shift combinations apart on letters', () => {
    expect(matchShortcut(press('D', { ctrlKey: true, shiftKey: true }), linux)).toBe('open-dashboard');
    expect(matchShortcut(press('d', { ctrlKey: true }), linux)).toBeNull();
    expect(matchShortcut(press('b', { ctrlKey: true }), linux)).toBe('toggle-sidebar');
    expect(matchShortcut(press('b', { ctrlKey: true, shiftKey: true }), linux)).toBeNull();
    expect(matchShortcut(press('b', { ctrlKey: true, altKey: true }), linux)).toBeNull();
  });

  it('opens the shortcuts sheet with ? (not while typing) and Ctrl+/', () => {
    expect(matchShortcut(press('?', { shiftKey: true }), linux)).toBe('show-shortcuts');
    expect(matchShortcut(press('?', { shiftKey: true }), { ...linux, typing: true })).toBeNull();
    expect(matchShortcut(press('/', { ctrlKey: true }), { ...linux, typing: true })).toBe('show-shortcuts');
    expect(matchShortcut(press('a'), linux)).toBeNull();
  });

  it('leaves Ctrl+O to the native menu in Electron', () => {
    expect(matchShortcut(press('o', { ctrlKey: true }), linux)).toBe('open-hub');
    expect(matchShortcut(press('o', { ctrlKey: true }), { ...linux, inElectron: true })).toBeNull();
    expect(matchShortcut(press('0', { ctrlKey: true }), linux)).toBeNull(); // zoom is desktop-only
  });

  it('goes back and forward with Alt+Left/Right, except in a text field where Alt+arrows move the caret', () => {
    expect(matchShortcut(press('ArrowLeft', { altKey: true }), linux)).toBe('go-back');
    expect(matchShortcut(press('ArrowRight', { altKey: true }), mac)).toBe('go-forward');
    expect(matchShortcut(press('ArrowLeft'), linux)).toBeNull();
    expect(matchShortcut(press('ArrowLeft', { altKey: true, ctrlKey: true }), linux)).toBeNull();
    expect(matchShortcut(press('ArrowLeft', { altKey: true }), { ...mac, typing: true })).toBeNull();
  });

  it('formats keys per platform', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+D', false)).toBe('Ctrl+Shift+D');
    expect(formatAccelerator('CmdOrCtrl+Shift+D', true)).toBe('⌘⇧D');
    expect(formatAccelerator('CmdOrCtrl+Plus', false)).toBe('Ctrl++');
    expect(formatAccelerator('?', false)).toBe('?');
  });
});
