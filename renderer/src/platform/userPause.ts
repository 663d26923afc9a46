import { whenIdle } from './idle';

/**
 * Background work that must not land on what the person is doing (a full sync that loads every document of the
 * workspace on this thread, one decode each): it waits for a pause. A pause is `quietMs` without a key, a click, a
 * scroll or a route change, counted from the app's start too (the first thing a person does after starting it is
 * open a document), and then an idle main thread. Waiting is bounded by `maxWaitMs`, so the work never starves.
 *
 * Measured (issue 13, `editor_open_comments_new_device`): a connected app's full sync, started with the app, loaded
 * a 2,000-comment draft's 2.2 MB comments doc on the UI thread while that draft was being opened: the open took
 * a median of 840-900 ms instead of about 300 ms once the full sync waits.
 */

const hasWindow = typeof window !== 'undefined' && typeof window.addEventListener === 'function';
let lastActivity = typeof performance !== 'undefined' ? performance.now() : 0;
const note = () => {
  lastActivity = performance.now();
};
if (hasWindow) for (const type of ['keydown', 'pointerdown', 'wheel', 'hashchange']) window.addEventListener(type, note, { capture: true, passive: true });

export const PAUSE_QUIET_MS = 2_000;
export const PAUSE_MAX_WAIT_MS = 30_000;

export function userPause(quietMs = PAUSE_QUIET_MS, maxWaitMs = PAUSE_MAX_WAIT_MS): Promise<void> {
  // Nothing to wait for in Node, nor while the window is hidden (no one is at it, and its timers are throttled).
  if (!hasWindow || document.visibilityState === 'hidden') return Promise.resolve();
  const deadline = performance.now() + maxWaitMs;
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      const left = lastActivity + quietMs - now;
      if (left > 0 && now < deadline) setTimeout(check, Math.min(left, deadline - now));
      else whenIdle(resolve, 1_000);
    };
    check();
  });
}
