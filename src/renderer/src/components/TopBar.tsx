import type { ReactNode } from 'react';
import { historyStep } from '../hooks/useHistoryKeys';
import { OverflowMenu, type MenuAction } from '../layout/OverflowMenu';
import { useViewportWidth } from '../layout/useViewportWidth';
import { openSearchPalette } from './search/SearchPalette';

/** A toolbar command; `fold` is the window width below which it moves into the "More" menu. */
export type TopBarAction = {
  id: string;
  label: string;
  title?: string;
  pressed?: boolean;
  /** A pane toggle (a checkbox in the menu) rather than a view. */ toggle?: boolean;
  className?: string;
  fold: number;
  onSelect: () => void;
};

type Props = {
  hubLabel: string;
  hubTitle: string;
  actions: readonly TopBarAction[];
  /** The sync button (it owns a panel, so it never folds). */
  sync: ReactNode;
  /** Shown last and never folded: the problems toggle. */
  trailing: ReactNode;
};

/**
 * The app's toolbar. Commands that do not fit the window fold into a "More" menu, widest first,
 * so nothing (Problems included) is ever pushed off-screen.
 */
export function TopBar({ hubLabel, hubTitle, actions, sync, trailing }: Props) {
  const width = useViewportWidth();
  const inline = actions.filter((a) => width >= a.fold);
  const folded: MenuAction[] = actions
    .filter((a) => width < a.fold)
    .map((a) => ({
      id: a.id,
      label: a.label,
      ...(a.toggle === true && a.pressed !== undefined ? { pressed: a.pressed } : {}),
      onSelect: a.onSelect,
    }));
  return (
    <header className="topbar">
      <span className="brand">Nexus Companion</span>
      <span className="history-buttons">
        <button type="button" aria-label="Back" title="Back (Alt+Left)" aria-keyshortcuts="Alt+ArrowLeft" onClick={() => historyStep(-1)}>
          ←
        </button>
        <button
          type="button"
          aria-label="Forward"
          title="Forward (Alt+Right)"
          aria-keyshortcuts="Alt+ArrowRight"
          onClick={() => historyStep(1)}
        >
          →
        </button>
      </span>
      <span className="hub-name" title={hubTitle}>
        {hubLabel}
      </span>
      <span className="spacer" />
      <button type="button" className="search-open" aria-keyshortcuts="Control+K Meta+K" onClick={openSearchPalette}>
        Search… <kbd>Ctrl K</kbd>
      </button>
      {inline.map((a) => (
        <button key={a.id} type="button" aria-pressed={a.pressed} title={a.title} className={a.className} onClick={a.onSelect}>
          {a.label}
        </button>
      ))}
      {sync}
      <OverflowMenu actions={folded} />
      {trailing}
    </header>
  );
}
