import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quiet } from './quiet';

describe('quiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once the last poke’s wait has passed without another poke, and once only', () => {
    const run = vi.fn();
    const q = quiet(run);
    q.poke(100);
    vi.advanceTimersByTime(60);
    q.poke(100); // typing goes on: due 100 ms from now
    vi.advanceTimersByTime(60);
    expect(run).not.toHaveBeenCalled(); // the first timer fired at 100 and waits out the rest
    expect(q.pending).toBe(true);
    vi.advanceTimersByTime(39);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(q.pending).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('sets one timer however many pokes come while it is pending', () => {
    const q = quiet(() => {});
    const set = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 50; i++) {
      q.poke(150);
      vi.advanceTimersByTime(10);
    }
    expect(set).toHaveBeenCalledTimes(1 + 3); // the first poke's timer, then once per 150 ms it re-arms
    set.mockRestore();
  });

  it('a poke due sooner than the pending timer fires brings it forward', () => {
    const run = vi.fn();
    const q = quiet(run);
    q.poke(30_000);
    q.poke(2_000);
    vi.advanceTimersByTime(2_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancel drops the pending run; a later poke starts again', () => {
    const run = vi.fn();
    const q = quiet(run);
    q.poke(100);
    q.cancel();
    expect(q.pending).toBe(false);
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
    q.poke(100);
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
