/** Each diagram's zoom, remembered per diagram (by its source) on this machine. */

/** How a diagram is shown: fitted to the column, or at a zoom of its natural size. */
export type DiagramView = { mode: 'fit' | 'zoom'; scale: number };

/** Labels smaller than this (px) are unreadable: below it a diagram is not fitted but scrolls. */
export const MIN_LABEL_PX = 11;
/** mermaid's label size at 100 %. */
const LABEL_PX = 16;

const PREFIX = 'nexus.diagram.';

/** A short stable hash of a diagram's source (FNV-1a). */
export function sourceKey(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The remembered view of a diagram, or the default (fit). */
export function loadView(source: string): DiagramView {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(PREFIX + sourceKey(source)) ?? 'null');
    if (typeof raw === 'object' && raw !== null && 'mode' in raw && 'scale' in raw) {
      const { mode, scale } = raw;
      if ((mode === 'fit' || mode === 'zoom') && typeof scale === 'number' && scale >= 0.25 && scale <= 8) {
        return { mode, scale };
      }
    }
  } catch {
    // Unreadable or no storage: the default view.
  }
  return { mode: 'fit', scale: 1 };
}

/** Remembers a diagram's view. */
export function saveView(source: string, view: DiagramView): void {
  try {
    window.localStorage.setItem(PREFIX + sourceKey(source), JSON.stringify(view));
  } catch {
    // Storage full or disabled: the view lasts until the doc is closed.
  }
}

/**
 * The width (px) to draw a diagram of `natural` width in a column of `column` px: fitted when
 * fitting keeps labels readable, else natural size (the column scrolls sideways).
 */
export function displayWidth(view: DiagramView, natural: number, column: number): number {
  if (view.mode === 'zoom') {
    return Math.round(natural * view.scale);
  }
  if (natural <= column) {
    return Math.round(natural);
  }
  const fitScale = column / natural;
  return fitScale * LABEL_PX >= MIN_LABEL_PX ? Math.floor(column) : Math.round(natural);
}
