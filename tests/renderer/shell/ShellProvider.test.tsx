import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/core/api/events';
import { SHORTCUTS, type UiCommand, formatAccelerator } from '../../../src/core/shell/shortcuts';
import { useUiCommand } from '../../../src/renderer/src/hooks/useUiCommand';
import { ShellProvider } from '../../../src/renderer/src/shell/ShellProvider';
import { fakeApi } from '../fakeApi';

const api = fakeApi({
  'app.info': () => ({ name: 'Nexus Companion', version: '9.8.7', host: 'web', dataDir: '/tmp/d', versions: { node: '20.20.0' } }),
});

/** Counts the commands it receives, like a real view would react to them. */
function Probe({ command }: { command: UiCommand }) {
  const [count, setCount] = useState(0);
  useUiCommand(command, () => setCount((c) => c + 1));
  return <output aria-label={command}>{count}</output>;
}

function mount(options: { inElectron?: boolean; mac?: boolean } = {}) {
  const events = new EventBus();
  render(
    <ShellProvider api={api} events={events} inElectron={options.inElectron ?? false} mac={options.mac ?? false}>
      <Probe command="toggle-sidebar" />
      <Probe command="open-hub" />
      <input aria-label="note" />
    </ShellProvider>,
  );
  return events;
}

const count = (command: UiCommand) => screen.getByRole('status', { name: command }).textContent;
const sheet = () => screen.queryByRole('dialog', { name: 'Keyboard shortcuts' });

describe('ShellProvider', () => {
  afterEach(cleanup);

  it('opens the shortcuts sheet with ? and lists every shortcut with its keys and the versions', async () => {
    mount();
    expect(sheet()).toBeNull();
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    const dialog = sheet();
    expect(dialog).not.toBeNull();
    for (const shortcut of SHORTCUTS) {
      const row = dialog?.querySelector(`[data-shortcut="${shortcut.id}"]`);
      expect(row?.textContent, shortcut.id).toContain(shortcut.label);
      for (const key of shortcut.keys) {
        expect(row?.textContent).toContain(formatAccelerator(key, false));
      }
    }
    expect((await within(dialog as HTMLElement).findByText(/Nexus Companion 9\.8\.7/)).textContent).toContain('node 20.20.0');
    expect(within(dialog as HTMLElement).getAllByText('(desktop app)').length).toBe(SHORTCUTS.filter((s) => s.scope === 'desktop').length);
  });

  it('closes on Escape and gives focus back', () => {
    mount();
    const input = screen.getByRole('textbox', { name: 'note' });
    input.focus();
    fireEvent.keyDown(input, { key: '/', ctrlKey: true });
    expect(sheet()).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(sheet()).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('leaves ? to a text field being typed in', () => {
    mount();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'note' }), { key: '?', shiftKey: true });
    expect(sheet()).toBeNull();
  });

  it('runs commands from the keyboard and from the desktop menu events', () => {
    const events = mount();
    fireEvent.keyDown(document.body, { key: 'b', ctrlKey: true });
    expect(count('toggle-sidebar')).toBe('1');
    act(() => events.emit({ type: 'ui.command', command: 'toggle-sidebar' }));
    expect(count('toggle-sidebar')).toBe('2');
    act(() => events.emit({ type: 'ui.command', command: 'show-shortcuts' }));
    expect(sheet()).not.toBeNull();
    act(() => events.emit({ type: 'hub.opened', root: '/x' }));
    expect(count('toggle-sidebar')).toBe('2');
  });

  it('uses Cmd on macOS and leaves Ctrl+O to the native menu in Electron', () => {
    mount({ inElectron: true, mac: true });
    fireEvent.keyDown(document.body, { key: 'b', ctrlKey: true });
    expect(count('toggle-sidebar')).toBe('0');
    fireEvent.keyDown(document.body, { key: 'b', metaKey: true });
    expect(count('toggle-sidebar')).toBe('1');
    fireEvent.keyDown(document.body, { key: 'o', metaKey: true });
    expect(count('open-hub')).toBe('0');
  });

  it('handles Ctrl+O in the browser', () => {
    mount();
    const event = new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, cancelable: true, bubbles: true });
    act(() => {
      document.body.dispatchEvent(event);
    });
    expect(count('open-hub')).toBe('1');
    expect(event.defaultPrevented).toBe(true);
  });
});
