import { describe, expect, it } from 'vitest';
import { type DisplayArea, MIN_WINDOW, clampToArea, layoutKey, rememberWindowState, restoreWindowState } from '../../../src/main/windowState';

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const defaults = { width: 1280, height: 860 };

describe('window state', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreWindowState({}, [laptop], { width: 1000, height: 600 })).toEqual({
      bounds: { x: 220, y: 130, width: 1000, height: 600 },
      maximized: false,
    });
  });

  it('restores what was saved for the same displays, maximised included', () => {
    const state = { bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: true };
    const saved = rememberWindowState({}, [laptop, monitor], state);
    expect(restoreWindowState(saved, [monitor, laptop], defaults)).toEqual(state);
  });

  it('keeps one state per display layout', () => {
    let saved = rememberWindowState({}, [laptop], { bounds: { x: 10, y: 10, width: 900, height: 700 }, maximized: false });
    saved = rememberWindowState(saved, [laptop, monitor], { bounds: { x: 1500, y: 50, width: 2000, height: 1200 }, maximized: false });
    expect(Object.keys(saved)).toEqual([layoutKey([laptop]), layoutKey([laptop, monitor])]);
    expect(restoreWindowState(saved, [laptop], defaults).bounds).toEqual({ x: 10, y: 10, width: 900, height: 700 });
    expect(restoreWindowState(saved, [laptop, monitor], defaults).bounds.x).toBe(1500);
  });

  it('brings a window back from an unplugged monitor, fitted to the screen left', () => {
    const saved = rememberWindowState({}, [laptop, monitor], { bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, maximized: false });
    const restored = restoreWindowState(saved, [laptop], defaults);
    expect(restored.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
  });

  it('pulls a half-off-screen window fully onto the display it mostly covers', () => {
    const saved = rememberWindowState({}, [laptop], { bounds: { x: -300, y: 500, width: 800, height: 600 }, maximized: false });
    expect(restoreWindowState(saved, [laptop], defaults).bounds).toEqual({ x: 0, y: 260, width: 800, height: 600 });
  });

  it('never makes a window smaller than the layout needs, unless the screen is', () => {
    expect(clampToArea({ x: 5, y: 5, width: 100, height: 50 }, laptop.workArea)).toMatchObject(MIN_WINDOW);
    expect(clampToArea({ x: 0, y: 0, width: 100, height: 50 }, { x: 0, y: 0, width: 500, height: 300 })).toEqual({ x: 0, y: 0, width: 500, height: 300 });
  });

  it('forgets old layouts beyond a few', () => {
    let saved = {};
    for (let i = 0; i < 20; i++) {
      saved = rememberWindowState(saved, [{ id: i, workArea: laptop.workArea }], { bounds: laptop.workArea, maximized: false });
    }
    expect(Object.keys(saved).length).toBeLessThanOrEqual(8);
    expect(Object.keys(saved).at(-1)).toBe(layoutKey([{ id: 19, workArea: laptop.workArea }]));
  });
});
