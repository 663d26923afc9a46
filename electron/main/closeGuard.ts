// Holds a window's close until its page has written what it holds (VS Code's lifecycle does the same: main asks,
// the page answers). The page's 'pagehide' write alone can lose the last keystroke's edits when the window goes
// within a frame of it; this wait makes the close itself the guarantee. A page that never answers (hung, or
// loaded without our preload) delays the close by CLOSE_WAIT_MS at most; a crashed one does not delay it.
import { CLOSE_WAIT_MS, IpcChannel } from '../../common/desktopApi';

export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  isDestroyed(): boolean;
  webContents: { send(channel: string): void; isCrashed(): boolean };
}

export interface CloseGuard {
  /** The page's before-close tasks have settled: close now. */
  pageReady(): void;
}

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * `proceed` closes the window for real (win.close(), or app.quit() when the close was part of quitting); the
 * guard lets that second close through.
 */
export function guardClose(
  win: GuardedWindow,
  proceed: () => void,
  waitMs = CLOSE_WAIT_MS,
  timers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as never) },
): CloseGuard {
  let state: 'open' | 'asking' | 'closing' = 'open';
  let timer: unknown;

  const release = () => {
    if (state !== 'asking') return;
    timers.clearTimeout(timer);
    state = 'closing';
    if (!win.isDestroyed()) proceed();
  };

  win.on('close', (event) => {
    if (state === 'closing' || win.webContents.isCrashed()) return;
    event.preventDefault();
    if (state === 'asking') return; // a second click while the page writes: the close is already coming
    state = 'asking';
    timer = timers.setTimeout(release, waitMs);
    win.webContents.send(IpcChannel.beforeClose);
  });

  return { pageReady: release };
}
