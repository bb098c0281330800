/** Runs `handler` when a UI command arrives (menu, keyboard shortcut). A no-op outside ShellProvider. */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { UiCommand } from '../../../core/shell/shortcuts';
import type { CommandBus } from '../shell/commandBus';

/** The page's command bus; null where no ShellProvider is mounted (component tests). */
export const CommandBusContext = createContext<CommandBus | null>(null);

/** Subscribes `handler` to `command` for the life of the component. */
export function useUiCommand(command: UiCommand, handler: () => void): void {
  const bus = useContext(CommandBusContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (bus === null) {
      return undefined;
    }
    return bus.on((c) => {
      if (c === command) {
        latest.current();
      }
    });
  }, [bus, command]);
}
