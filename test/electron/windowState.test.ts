import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseSavedWindowState,
  placeWindow,
  serializeWindowState,
  type Rect,
} from '../../electron/windowState';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const RIGHT_MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };
const LEFT_MONITOR: Rect = { x: -1920, y: 0, width: 1920, height: 1080 };

describe('parseSavedWindowState rejects bad files', () => {
  it.each([
    ['missing file', undefined],
    ['empty file', ''],
    ['not JSON', '{"x": 1, "y": 2,'],
    ['binary garbage', '\u0000\u0001\u0002'],
    ['JSON null', 'null'],
    ['JSON array', '[1,2,3,4]'],
    ['JSON string', '"big"'],
    ['missing width', '{"x":0,"y":0,"height":600}'],
    ['negative width', '{"x":0,"y":0,"width":-800,"height":600}'],
    ['zero height', '{"x":0,"y":0,"width":800,"height":0}'],
    ['string size', '{"x":0,"y":0,"width":"800","height":600}'],
    ['NaN-ish', '{"x":0,"y":0,"width":1e999,"height":600}'],
    ['absurd position', '{"x":1e12,"y":0,"width":800,"height":600}'],
    ['missing position', '{"width":800,"height":600}'],
  ])('%s → undefined', (_name, text) => {
    expect(parseSavedWindowState(text)).toBeUndefined();
  });

  it('reads a good file, rounding and defaulting maximized', () => {
    expect(parseSavedWindowState('{"x":10.4,"y":-20,"width":1000.6,"height":700}')).toEqual({
      bounds: { x: 10, y: -20, width: 1001, height: 700 },
      maximized: false,
    });
    expect(parseSavedWindowState('{"x":0,"y":0,"width":800,"height":600,"maximized":true}')?.maximized).toBe(true);
    expect(parseSavedWindowState('{"x":0,"y":0,"width":800,"height":600,"maximized":"yes"}')?.maximized).toBe(false);
  });

  it('round-trips through serializeWindowState', () => {
    const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true };
    expect(parseSavedWindowState(serializeWindowState(state))).toEqual(state);
  });
});

describe('placeWindow fits the saved state onto the current displays', () => {
  it('uses the default size, centred, when nothing was saved', () => {
    expect(placeWindow(undefined, [LAPTOP])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('shrinks the default size onto a small display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 };
    expect(placeWindow(undefined, [small])).toEqual({ width: 1024, height: 600, maximized: false });
  });

  it('keeps a window that is fully on a display', () => {
    const saved = { bounds: { x: 100, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ x: 100, y: 100, width: 1000, height: 700, maximized: false });
  });

  it('keeps a window on a secondary monitor left of the primary (negative x)', () => {
    const saved = { bounds: { x: -1500, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(placeWindow(saved, [LAPTOP, LEFT_MONITOR])).toEqual({ x: -1500, y: 100, width: 1000, height: 700, maximized: true });
  });

  it('centres on the primary display a window whose monitor was unplugged (off-screen)', () => {
    const saved = { bounds: { x: 2000, y: 200, width: 1600, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('treats a sliver on screen as off-screen', () => {
    const saved = { bounds: { x: 1400, y: 100, width: 800, height: 600 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('pulls a window hanging over an edge fully onto the display', () => {
    const saved = { bounds: { x: 1000, y: -50, width: 800, height: 600 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ x: 640, y: 25, width: 800, height: 600, maximized: false });
  });

  it('chooses the display the window overlaps most', () => {
    const saved = { bounds: { x: 1300, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP, RIGHT_MONITOR])).toEqual({ x: 1440, y: 100, width: 1200, height: 800, maximized: false });
  });

  it('clamps a window larger than its display', () => {
    const saved = { bounds: { x: 0, y: 25, width: 5000, height: 3000 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false });
  });

  it('enforces the minimum size', () => {
    const saved = { bounds: { x: 10, y: 30, width: 50, height: 40 }, maximized: false };
    const placement = placeWindow(saved, [LAPTOP]);
    expect(placement.width).toBe(MIN_WINDOW_SIZE.width);
    expect(placement.height).toBe(MIN_WINDOW_SIZE.height);
  });

  it('still works with no display information', () => {
    expect(placeWindow(undefined, [])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });
});
