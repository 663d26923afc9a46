import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CLOSE_WAIT_MS, IpcChannel } from '../../common/desktopApi';
import { guardClose } from './closeGuard';

/** A BrowserWindow as the guard sees it: close() emits a cancellable 'close' and closes unless prevented. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  crashed = false;
  sent: string[] = [];
  webContents = { send: (channel: string) => void this.sent.push(channel), isCrashed: () => this.crashed };
  isDestroyed = () => this.destroyed;
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
  }
}

function fakeTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  return {
    pending,
    setTimeout: (run: () => void, ms: number) => (pending.set(++next, { run, ms }), next),
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    fire() {
      for (const [id, { run }] of [...pending]) {
        pending.delete(id);
        run();
      }
    },
  };
}

function setup() {
  const win = new FakeWindow();
  const timers = fakeTimers();
  let proceeded = 0;
  const guard = guardClose(win, () => (proceeded++, win.close()), CLOSE_WAIT_MS, timers);
  return { win, timers, guard, proceeded: () => proceeded };
}

describe('guardClose', () => {
  it('holds the close, asks the page once, and closes when the page is ready', () => {
    const { win, timers, guard, proceeded } = setup();
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.sent).toEqual([IpcChannel.beforeClose]);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([CLOSE_WAIT_MS]);
    win.close(); // a second click while the page writes
    expect(win.sent).toEqual([IpcChannel.beforeClose]);
    expect(win.destroyed).toBe(false);
    guard.pageReady();
    expect(win.destroyed).toBe(true);
    expect(proceeded()).toBe(1);
    expect(timers.pending.size).toBe(0);
  });

  it('closes after the wait when the page never answers, and ignores a late answer', () => {
    const { win, timers, guard, proceeded } = setup();
    win.close();
    timers.fire();
    expect(win.destroyed).toBe(true);
    guard.pageReady();
    expect(proceeded()).toBe(1);
  });

  it('does not wait for a crashed page', () => {
    const { win, proceeded } = setup();
    win.crashed = true;
    win.close();
    expect(win.destroyed).toBe(true);
    expect(win.sent).toEqual([]);
    expect(proceeded()).toBe(0);
  });

  it('ignores an answer nobody asked for', () => {
    const { win, guard, proceeded } = setup();
    guard.pageReady();
    expect(proceeded()).toBe(0);
    expect(win.destroyed).toBe(false);
  });

  it('does not close a window destroyed while it waited', () => {
    const { win, guard, proceeded } = setup();
    win.close();
    win.destroyed = true;
    guard.pageReady();
    expect(proceeded()).toBe(0);
  });
});
