/**
 * The window's remembered size, position and maximized state: validating what was saved and
 * fitting it onto the displays that exist now (a monitor may have been unplugged since).
 * Pure: reading and writing the file is `electron/window.ts`'s job.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What to give `new BrowserWindow`: no x/y means "let the OS centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
/** The renderer works from 360 px wide (phone layout); below that the window is useless. */
export const MIN_WINDOW_SIZE = { width: 360, height: 480 } as const;
/** How much of the window must overlap a display for its saved position to be kept. */
const MIN_VISIBLE = { width: 100, height: 50 } as const;
const MAX_COORDINATE = 100_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

function isLength(value: unknown): value is number {
  return isCoordinate(value) && value > 0;
}

/** Parses the saved file's text; undefined for a missing, unreadable or implausible state. */
export function parseSavedWindowState(text: string | undefined): SavedWindowState | undefined {
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { x, y, width, height, maximized } = data as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isLength(width) || !isLength(height)) return undefined;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: maximized === true,
  };
}

/** The text written to the state file. */
export function serializeWindowState(state: SavedWindowState): string {
  return `${JSON.stringify({ ...state.bounds, maximized: state.maximized })}\n`;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(height, MIN_WINDOW_SIZE.height), area.height),
  };
}

/**
 * Fits the saved state onto the current displays' work areas (primary display first).
 * A window that is mostly off every display is centred on the primary one; a window that hangs
 * over an edge is pulled fully onto the display it overlaps most; sizes are clamped to that display.
 */
export function placeWindow(saved: SavedWindowState | undefined, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (primary === undefined) {
    return { ...DEFAULT_WINDOW_SIZE, maximized: saved?.maximized ?? false };
  }
  if (saved === undefined) {
    return { ...fitSize(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primary), maximized: false };
  }

  let best: { area: Rect; visible: number } | undefined;
  for (const area of workAreas) {
    const { width, height } = overlap(saved.bounds, area);
    if (width < MIN_VISIBLE.width || height < MIN_VISIBLE.height) continue;
    if (best === undefined || width * height > best.visible) best = { area, visible: width * height };
  }
  if (best === undefined) {
    return { ...fitSize(saved.bounds.width, saved.bounds.height, primary), maximized: saved.maximized };
  }

  const { area } = best;
  const size = fitSize(saved.bounds.width, saved.bounds.height, area);
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
    ...size,
    maximized: saved.maximized,
  };
}
