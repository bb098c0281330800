/** Back and forward from the keyboard (Alt+Left/Right) and the mouse's side buttons. */
import { useEffect } from 'react';

/** Goes back or forward in the app's history (hash routes are history entries). */
export function historyStep(delta: -1 | 1): void {
  window.history.go(delta);
}

/** Installs Alt+Left/Right and mouse buttons 4/5 (back/forward) for the life of the app. */
export function useHistoryKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) {
        return;
      }
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        historyStep(e.key === 'ArrowLeft' ? -1 : 1);
      }
    };
    const onMouse = (e: MouseEvent): void => {
      if (e.button === 3 || e.button === 4) {
        e.preventDefault();
        historyStep(e.button === 3 ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mouseup', onMouse);
    };
  }, []);
}
