/**
 * Window size, position and maximised state, remembered per display layout (the set of screens
 * and their work areas) and restored clamped to a visible work area, so a window never comes back
 * off-screen after a monitor was unplugged or a resolution changed.
 */

/** A rectangle in screen coordinates (DIP). */
export type Rect = { x: number; y: number; width: number; height: number };

/** The little of an Electron Display this code reads. */
export type DisplayArea = { id: number; workArea: Rect };

/** What is remembered of a window. */
export type WindowState = { bounds: Rect; maximized: boolean };

/** Saved states by display layout key, most recently saved last. */
export type SavedWindowStates = Record<string, WindowState>;

/** The smallest window the layout works in. */
export const MIN_WINDOW = { width: 640, height: 420 } as const;
const MAX_LAYOUTS = 8;

/** A stable key for a set of displays (order-independent). */
export function layoutKey(displays: readonly DisplayArea[]): string {
  return displays
    .map((d) => `${d.id}@${d.workArea.x},${d.workArea.y},${d.workArea.width}x${d.workArea.height}`)
    .sort()
    .join('|');
}

/** Records `state` for the current layout, keeping the few most recent layouts. */
export function rememberWindowState(saved: SavedWindowStates, displays: readonly DisplayArea[], state: WindowState): SavedWindowStates {
  const key = layoutKey(displays);
  const entries = Object.entries(saved).filter(([k]) => k !== key);
  entries.push([key, state]);
  return Object.fromEntries(entries.slice(-MAX_LAYOUTS));
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

/** Fits `bounds` inside `area`: shrinks it to the area, then moves it fully on screen. */
export function clampToArea(bounds: Rect, area: Rect): Rect {
  const width = clamp(Math.round(bounds.width), Math.min(MIN_WINDOW.width, area.width), area.width);
  const height = clamp(Math.round(bounds.height), Math.min(MIN_WINDOW.height, area.height), area.height);
  return {
    width,
    height,
    x: clamp(Math.round(bounds.x), area.x, area.x + area.width - width),
    y: clamp(Math.round(bounds.y), area.y, area.y + area.height - height),
  };
}

/** A window of `size` centred in `area`. */
function centred(size: { width: number; height: number }, area: Rect): Rect {
  return clampToArea({ ...size, x: area.x + (area.width - size.width) / 2, y: area.y + (area.height - size.height) / 2 }, area);
}

/**
 * The bounds to open the window with: the state saved for this layout (else the latest one),
 * on the display it overlaps most, clamped to that display's work area; with nothing saved or
 * nothing visible, `defaultSize` centred on the primary display (the first one).
 */
export function restoreWindowState(saved: SavedWindowStates, displays: readonly DisplayArea[], defaultSize: { width: number; height: number }): WindowState {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, width: defaultSize.width, height: defaultSize.height };
  const state = saved[layoutKey(displays)] ?? Object.values(saved).at(-1);
  if (state === undefined) {
    return { bounds: centred(defaultSize, primary), maximized: false };
  }
  let best: DisplayArea | null = null;
  let bestOverlap = 0;
  for (const display of displays) {
    const o = overlap(state.bounds, display.workArea);
    if (o > bestOverlap) {
      best = display;
      bestOverlap = o;
    }
  }
  const bounds = best === null ? centred(state.bounds, primary) : clampToArea(state.bounds, best.workArea);
  return { bounds, maximized: state.maximized };
}
