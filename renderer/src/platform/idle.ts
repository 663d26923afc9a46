/**
 * Runs `fn` when the main thread is next idle, and at most `timeoutMs` later where it never is: work that must not
 * delay a start, a keystroke or a frame. Where idle callbacks do not exist (Node), `fn` runs at once. Returns its
 * cancel, or null when `fn` has already run.
 */
export function whenIdle(fn: () => void, timeoutMs: number): (() => void) | null {
  if (typeof requestIdleCallback !== 'function') {
    fn();
    return null;
  }
  const id = requestIdleCallback(() => fn(), { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
