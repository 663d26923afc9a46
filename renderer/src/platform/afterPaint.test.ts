import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The batches share one frame (module state): each test starts from a fresh module.
let frameBatch: typeof import('./afterPaint').frameBatch;
beforeEach(async () => {
  vi.resetModules();
  ({ frameBatch } = await import('./afterPaint'));
});

/** A batch under fake timers, with frames that run only when the test runs them. */
function underFrames() {
  vi.useFakeTimers();
  const frames: Array<() => void> = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  const flushed: number[][] = [];
  const batch = frameBatch<number>((items) => flushed.push(items));
  return { frames, flushed, batch };
}

describe('frameBatch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('hands a frame’s items over together, after the frame and a task, never during it', () => {
    const { frames, flushed, batch } = underFrames();
    batch.add(1);
    batch.add(2);
    expect(batch.size).toBe(2);
    expect(frames).toHaveLength(1); // one frame scheduled for the batch
    vi.advanceTimersByTime(50);
    expect(flushed).toEqual([]);
    frames.shift()!();
    expect(flushed).toEqual([]); // the frame runs; the items go in the task after it
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([[1, 2]]);
    expect(batch.size).toBe(0);
    vi.advanceTimersByTime(200); // the fallback timer was cleared
    expect(flushed).toEqual([[1, 2]]);
  });

  it('falls back to a timer where frames do not run (a hidden window)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const flushed: string[][] = [];
    const batch = frameBatch<string>((items) => flushed.push(items));
    batch.add('a');
    vi.advanceTimersByTime(99);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([['a']]);
  });

  it('flush hands over at once; what is added next goes after the frame', () => {
    const { frames, flushed, batch } = underFrames();
    batch.add(1);
    batch.flush();
    expect(flushed).toEqual([[1]]);
    batch.add(2); // painted in the frame already asked for
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([[1]]);
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([[1], [2]]);
    batch.flush(); // nothing gathered: nothing handed over
    expect(flushed).toHaveLength(2);
    batch.add(3); // a new frame for the next items
    expect(frames).toHaveLength(1);
  });

  it('batches share one frame and one timer, and are handed over in the order they were first added to', () => {
    const { frames, batch } = underFrames();
    const order: string[] = [];
    const writes = frameBatch<number>(() => order.push('write'));
    const sends = frameBatch<number>(() => order.push('send'));
    sends.add(1);
    writes.add(1);
    batch.add(1);
    writes.add(2);
    expect(frames).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1); // the fallback
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(order).toEqual(['send', 'write']);
    expect([writes.size, sends.size, batch.size]).toEqual([0, 0, 0]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a batch whose hand-over throws does not hold back the others, nor their next frames', () => {
    const { frames, flushed, batch } = underFrames();
    const failing = frameBatch<number>(() => {
      throw new Error('send failed');
    });
    failing.add(1);
    batch.add(1);
    frames.shift()!();
    expect(() => vi.advanceTimersByTime(0)).toThrow('send failed');
    expect(flushed).toEqual([[1]]);
    batch.add(2);
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([[1], [2]]);
  });

  it('runs in the next task where there are no frames at all (Node)', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const flushed: number[][] = [];
    const batch = frameBatch<number>((items) => flushed.push(items));
    batch.add(1);
    batch.add(2);
    expect(flushed).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(flushed).toEqual([[1, 2]]);
  });
});
