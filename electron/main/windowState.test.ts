import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
} from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const external = { x: 1440, y: -200, width: 2560, height: 1400 };
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('parseWindowState', () => {
  it('accepts a saved state and drops a partial position', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 800, height: 600, maximized: true })).toEqual({ x: 10, y: 20, width: 800, height: 600, maximized: true });
    expect(parseWindowState({ x: 10, width: 800, height: 600 })).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('rejects junk', () => {
    for (const junk of [null, 'x', [], {}, { width: '800', height: 600 }, { width: 0, height: 600 }, { width: 1.5, height: 600 }, { width: -1, height: -1 }]) {
      expect(parseWindowState(junk), JSON.stringify(junk)).toBeNull();
    }
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is fully visible', () => {
    const state = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop, external])).toEqual(state);
  });

  it('keeps a window on a secondary display', () => {
    const state = { x: 2000, y: 0, width: 1200, height: 900, maximized: true };
    expect(fitToDisplays(state, [laptop, external])).toEqual(state);
  });

  it('pulls a partly off-screen window fully onto its display', () => {
    expect(fitToDisplays({ x: 1000, y: 500, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ x: 440, y: 170, width: 1000, height: 700, maximized: false });
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    const onExternal = { x: 2000, y: 0, width: 1200, height: 900, maximized: false };
    expect(fitToDisplays(onExternal, [laptop])).toEqual({ width: 1200, height: 870, maximized: false });
  });

  it('treats a sliver of overlap as not visible', () => {
    expect(fitToDisplays({ x: 1430, y: 10, width: 800, height: 600, maximized: false }, [laptop])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('shrinks an oversized window to the display and enforces a minimum size', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, ...{ width: 1440, height: 870 }, maximized: false });
    expect(fitToDisplays({ width: 100, height: 100, maximized: false }, [laptop])).toEqual({ ...MIN_WINDOW_SIZE, maximized: false });
  });

  it('leaves the state alone when there are no displays to check against', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('load and save', () => {
  it('round-trips through a JSON file, creating the folder', () => {
    const file = join(dir, 'nested', 'window-state.json');
    saveWindowState(file, { x: 30, y: 40, width: 900, height: 700, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 30, y: 40, width: 900, height: 700, maximized: true });
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(loadWindowState(file, [laptop])).toEqual({ x: 30, y: 40, width: 900, height: 700, maximized: true });
  });

  it('falls back to the defaults for a missing or damaged file', () => {
    expect(loadWindowState(join(dir, 'missing.json'), [laptop])).toEqual({ width: 1280, height: 860, maximized: false });
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"width": 9');
    expect(loadWindowState(damaged, [laptop])).toEqual({ width: 1280, height: 860, maximized: false });
  });
});

describe('trackWindowState', () => {
  class FakeWindow extends EventEmitter {
    bounds = { x: 5, y: 6, width: 1000, height: 800 };
    maximized = false;
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
  }

  it('saves after moves and resizes settle, and on close', () => {
    vi.useFakeTimers();
    const file = join(dir, 'tracked.json');
    const win = new FakeWindow();
    trackWindowState(win as unknown as BrowserWindow, file, 500);
    win.emit('move');
    win.bounds = { x: 50, y: 60, width: 1000, height: 800 };
    win.emit('resize');
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 50, y: 60 });

    win.maximized = true;
    win.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 50, y: 60, width: 1000, height: 800, maximized: true });
  });
});
