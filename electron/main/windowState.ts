// Remembers the window's size and position in userData/window-state.json, and puts it back on a visible
// display when the monitor it was on has gone (laptop undocked, resolution changed).
import type { BrowserWindow, Rectangle } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WindowState {
  /** x and y are absent when the window should be centred. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };
export const MIN_WINDOW_SIZE = { width: 640, height: 480 };
/** How much of the window must overlap a display for its saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 };

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isInt(v.width) || !isInt(v.height) || v.width <= 0 || v.height <= 0) return null;
  const state: WindowState = { width: v.width, height: v.height, maximized: v.maximized === true };
  if (isInt(v.x) && isInt(v.y)) {
    state.x = v.x;
    state.y = v.y;
  }
  return state;
}

const overlap = (a: Rectangle, b: Rectangle): Rectangle => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Fits a saved state to the current displays (work areas, primary first). The window keeps its place when
 * enough of it is on some display; it is then resized and moved to lie fully inside that display.
 * Otherwise it is centred (x/y dropped) and sized to fit the primary display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  let target: Rectangle | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(rect, area);
      if (o.width >= Math.min(MIN_VISIBLE.width, rect.width) && o.height >= Math.min(MIN_VISIBLE.height, rect.height) && o.width * o.height > best) {
        best = o.width * o.height;
        target = area;
      }
    }
  }
  const area = target ?? workAreas[0];
  const width = clamp(state.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(state.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
  if (!target) return { width, height, maximized: state.maximized };
  return {
    x: clamp(state.x!, area.x, area.x + area.width - width),
    y: clamp(state.y!, area.y, area.y + area.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let saved: WindowState | null = null;
  try {
    saved = parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    saved = null; // first run, or a damaged file: start from the defaults
  }
  return fitToDisplays(saved ?? DEFAULT_WINDOW_STATE, workAreas);
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file); // never leave a half-written file behind
}

export function currentWindowState(win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, maximized: win.isMaximized() };
}

/** Saves on move/resize (debounced) and when the window closes. */
export function trackWindowState(win: BrowserWindow, file: string, debounceMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    try {
      saveWindowState(file, currentWindowState(win));
    } catch (error) {
      console.warn('[window-state] could not save', error);
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('close', save);
}
