/**
 * The one focus trap every modal dialog uses: focus moves in when it opens, Tab and Shift+Tab
 * cycle inside, focus that escapes (a click behind, a stray script) is brought back, Escape
 * always closes, and focus returns to where it was when the dialog closes.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(',');

/** The elements of `root` Tab can reach, in document order (hidden ones left out). */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute('inert') && el.closest('[hidden]') === null && el.getAttribute('aria-hidden') !== 'true',
  );
}

/** Where each open dialog sends focus back when it closes (a dialog opened from another falls back on it). */
const openers = new WeakMap<HTMLElement, HTMLElement | null>();

/** Options of the trap. */
export type FocusTrapOptions = {
  /** Called on Escape (always; the dialog decides what closing means, e.g. going back a step). */
  onEscape: () => void;
  /** What gets focus on open; else an [autofocus]/[data-autofocus] element, else the first focusable, else the dialog. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Whether focus goes back to the element focused before the dialog opened (default true). */
  restoreFocus?: boolean;
};

/** Traps focus in `ref` while the component is mounted. */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, options: FocusTrapOptions): void {
  const latest = useRef(options);
  // Taken on the first render, before an autofocus inside the dialog moves the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const root = ref.current;
    if (root === null) {
      return undefined;
    }
    // Opened from inside another dialog that then closes (one modal at a time): focus goes back
    // to where that dialog came from.
    const outer = opener?.closest<HTMLElement>('[aria-modal="true"]');
    const home = outer !== undefined && outer !== null && outer !== root ? (openers.get(outer) ?? null) : opener;
    openers.set(root, home);
    const first = (): HTMLElement => {
      const chosen = latest.current.initialFocus?.current ?? root.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
      const target = chosen ?? focusablesIn(root)[0] ?? root;
      if (target === root && !root.hasAttribute('tabindex')) {
        root.tabIndex = -1;
      }
      return target;
    };
    if (!root.contains(document.activeElement)) {
      first().focus();
    }

    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        latest.current.onEscape();
        return;
      }
      if (e.key !== 'Tab') {
        return;
      }
      const items = focusablesIn(root);
      if (items.length === 0) {
        e.preventDefault();
        root.focus();
        return;
      }
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === -1 || at === items.length - 1 ? 0 : at + 1;
      e.preventDefault();
      items[next]?.focus();
    };
    // Focus that lands outside (the sidebar behind, a click on the page) comes back in; checked a
    // turn later, so a dialog that hands focus back to its opener as it closes is left alone.
    let pending = 0;
    const onFocusIn = (e: FocusEvent): void => {
      const target = e.target;
      const inOtherDialog = target instanceof Element && target.closest('[aria-modal="true"]') !== null;
      if (target instanceof Node && !root.contains(target) && !inOtherDialog) {
        window.clearTimeout(pending);
        pending = window.setTimeout(() => {
          const now = document.activeElement;
          if (root.isConnected && now === target && !root.contains(now)) {
            first().focus();
          }
        }, 0);
      }
    };
    root.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      window.clearTimeout(pending);
      const now = document.activeElement;
      const lost = now === null || now === document.body || root.contains(now) || !now.isConnected;
      const before = opener?.isConnected === true ? opener : home;
      if (latest.current.restoreFocus !== false && before !== null && before.isConnected && lost) {
        before.focus();
      }
      openers.delete(root);
    };
  }, [ref, opener]);
}
