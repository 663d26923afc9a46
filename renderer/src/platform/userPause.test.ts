import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// userPause reads the window's input events and idle callbacks: a stand-in window records its listeners, and the
// module is imported afresh for each test (its clock of the last activity starts at import, as the app's does).

type Module = typeof import('./userPause');

const listeners = new Map<string, () => void>();
const doc = { visibilityState: 'visible' as DocumentVisibilityState };

async function load(): Promise<Module> {
  vi.resetModules();
  return import('./userPause');
}

/** Whether `p` has settled, after the microtasks pending now. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('userPause', () => {
  it('resolves at once where there is no window (Node)', async () => {
    const { userPause } = await load();
    await expect(userPause()).resolves.toBeUndefined();
  });

  describe('in a window', () => {
    beforeEach(() => {
      vi.useFakeTimers();
      listeners.clear();
      doc.visibilityState = 'visible';
      vi.stubGlobal('window', { addEventListener: (type: string, fn: () => void) => listeners.set(type, fn) });
      vi.stubGlobal('document', doc);
      // idle at the next turn, as an idle main thread answers
      vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 1));
      vi.stubGlobal('cancelIdleCallback', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    });

    it('listens to keys, clicks, scrolling and route changes', async () => {
      await load();
      expect([...listeners.keys()].sort()).toEqual(['hashchange', 'keydown', 'pointerdown', 'wheel']);
    });

    it('waits for the quiet spell after the app starts, then for an idle main thread', async () => {
      const { userPause, PAUSE_QUIET_MS } = await load();
      const p = userPause();
      await vi.advanceTimersByTimeAsync(PAUSE_QUIET_MS - 1);
      expect(await settled(p)).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect(await settled(p)).toBe(true);
    });

    it('waits again after each key, click, scroll or route change', async () => {
      const { userPause, PAUSE_QUIET_MS } = await load();
      const p = userPause();
      await vi.advanceTimersByTimeAsync(1_500);
      listeners.get('hashchange')!(); // a document is being opened
      await vi.advanceTimersByTimeAsync(1_000);
      listeners.get('keydown')!();
      await vi.advanceTimersByTimeAsync(PAUSE_QUIET_MS - 1);
      expect(await settled(p)).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect(await settled(p)).toBe(true);
    });

    it('does not wait longer than its bound, however long the typing goes on', async () => {
      const { userPause, PAUSE_MAX_WAIT_MS } = await load();
      const p = userPause();
      let elapsed = 0;
      while (!(await settled(p))) {
        listeners.get('keydown')!();
        await vi.advanceTimersByTimeAsync(200);
        elapsed += 200;
        expect(elapsed).toBeLessThanOrEqual(PAUSE_MAX_WAIT_MS + 200);
      }
      expect(elapsed).toBeGreaterThanOrEqual(PAUSE_MAX_WAIT_MS);
    });

    it('does not wait while the window is hidden', async () => {
      const { userPause } = await load();
      listeners.get('keydown')!();
      doc.visibilityState = 'hidden';
      expect(await settled(userPause())).toBe(true);
    });
  });
});
