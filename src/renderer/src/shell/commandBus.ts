/** An in-page bus for UI commands: the keyboard and the desktop menu publish, views subscribe. */
import type { UiCommand } from '../../../core/shell/shortcuts';

/** A command listener. */
export type CommandListener = (command: UiCommand) => void;

/** The bus. `on` returns an unsubscribe function. */
export type CommandBus = { emit(command: UiCommand): void; on(listener: CommandListener): () => void };

/** A new bus; a throwing listener does not stop the others. */
export function createCommandBus(): CommandBus {
  const listeners = new Set<CommandListener>();
  return {
    emit(command) {
      for (const listener of [...listeners]) {
        try {
          listener(command);
        } catch {
          // One broken view must not stop the others.
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
