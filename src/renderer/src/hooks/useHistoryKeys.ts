/** Back and forward from the keyboard (Alt+Left/Right), the menu and the mouse's side buttons. */
import { useEffect } from 'react';
import { rememberScroll } from '../readerScroll';
import { useUiCommand } from './useUiCommand';

/** Goes back or forward in the app's history (hash routes are history entries). */
export function historyStep(delta: -1 | 1): void {
  // The entry being left keeps its scroll position, so coming back to it restores it.
  rememberScroll();
  window.history.go(delta);
}

/**
 * Installs back/forward for the life of the app: the `go-back`/`go-forward` commands (Alt+Left/Right
 * through the shell's keyboard handler, and the desktop menu) and mouse buttons 4/5.
 */
export function useHistoryKeys(): void {
  useUiCommand('go-back', () => historyStep(-1));
  useUiCommand('go-forward', () => historyStep(1));
  useEffect(() => {
    const onMouse = (e: MouseEvent): void => {
      if (e.button === 3 || e.button === 4) {
        e.preventDefault();
        historyStep(e.button === 3 ? -1 : 1);
      }
    };
    window.addEventListener('mouseup', onMouse);
    return () => window.removeEventListener('mouseup', onMouse);
  }, []);
}
