/**
 * The shell around the app: one command bus fed by the keyboard (every host) and by the desktop
 * menu's `ui.command` events (Electron), plus the shortcuts sheet. Views react with useUiCommand.
 */
import { type ReactNode, useEffect, useState } from 'react';
import type { StudyApi } from '../../../core/api/contract';
import type { EventSource } from '../../../core/api/events';
import { UI_COMMANDS, matchShortcut } from '../../../core/shell/shortcuts';
import { ShortcutsSheet } from '../components/ShortcutsSheet';
import { useExclusiveModal } from '../components/dialog/useExclusiveModal';
import { CommandBusContext } from '../hooks/useUiCommand';
import { createCommandBus } from './commandBus';
import './shell.css';

/** True when keys belong to a text field, not to the app. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Props: the API (versions for the sheet), push events, and where the app runs. */
export type ShellProviderProps = { api: StudyApi; events: EventSource; inElectron: boolean; mac: boolean; children: ReactNode };

/** Provides the command bus to the app and shows the shortcuts sheet on demand. */
export function ShellProvider({ api, events, inElectron, mac, children }: ShellProviderProps) {
  const [bus] = useState(createCommandBus);
  const [showShortcuts, setShowShortcuts] = useState(false);
  useExclusiveModal(showShortcuts, () => setShowShortcuts(false));

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.repeat) {
        return;
      }
      const command = matchShortcut(e, { mac, inElectron, typing: isTyping(e.target) });
      if (command !== null) {
        e.preventDefault();
        bus.emit(command);
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = events.subscribe((event) => {
      if (event.type === 'ui.command' && UI_COMMANDS.includes(event.command)) {
        bus.emit(event.command);
      }
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [bus, events, inElectron, mac]);

  useEffect(() => bus.on((c) => c === 'show-shortcuts' && setShowShortcuts((v) => !v)), [bus]);

  return (
    <CommandBusContext.Provider value={bus}>
      {children}
      {showShortcuts && <ShortcutsSheet api={api} inElectron={inElectron} mac={mac} onClose={() => setShowShortcuts(false)} />}
    </CommandBusContext.Provider>
  );
}
