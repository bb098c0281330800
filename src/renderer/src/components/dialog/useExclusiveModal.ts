/**
 * One palette or dialog at a time: a host whose dialog opens tells the others, which close theirs
 * (Ctrl+K then Ctrl+P used to stack the search palette under the quick switcher).
 */
import { useEffect, useRef } from 'react';

const OPENED = 'modal-opened';
const bus = new EventTarget();

/** While `open`, any other host's dialog that opens calls `close` here; opening closes the others. */
export function useExclusiveModal(open: boolean, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const me = {};
    bus.dispatchEvent(new CustomEvent(OPENED, { detail: me }));
    const onOpened = (e: Event): void => {
      if ((e as CustomEvent<object>).detail !== me) {
        latest.current();
      }
    };
    bus.addEventListener(OPENED, onOpened);
    return () => bus.removeEventListener(OPENED, onOpened);
  }, [open]);
}
