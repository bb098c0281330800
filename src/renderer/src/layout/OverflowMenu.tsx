import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

/** One command of the toolbar's overflow menu. */
export type MenuAction = { id: string; label: string; pressed?: boolean; onSelect: () => void };

/**
 * The toolbar's "More" menu: the commands that do not fit on a narrow window. A menu button with
 * an ARIA menu; arrows move, Enter picks, Esc or a click elsewhere closes.
 */
export function OverflowMenu({ actions }: { actions: readonly MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    items.current[0]?.focus();
    const onDown = (e: globalThis.PointerEvent): void => {
      if (root.current !== null && !root.current.contains(e.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  if (actions.length === 0) {
    return null;
  }
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const list = items.current.filter((el): el is HTMLButtonElement => el !== null);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      close();
    } else if (e.key === 'ArrowDown') {
      list[(at + 1) % list.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      list[(at - 1 + list.length) % list.length]?.focus();
    } else if (e.key === 'Home') {
      list[0]?.focus();
    } else if (e.key === 'End') {
      list[list.length - 1]?.focus();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span className="overflow-menu" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        More ▾
      </button>
      {open && (
        <div className="overflow-menu-list" role="menu" aria-label="More commands" onKeyDown={onKeyDown}>
          {actions.map((a, i) => (
            <button
              key={a.id}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role={a.pressed !== undefined ? 'menuitemcheckbox' : 'menuitem'}
              aria-checked={a.pressed}
              tabIndex={-1}
              onClick={() => {
                close();
                a.onSelect();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
