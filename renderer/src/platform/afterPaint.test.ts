import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameBatch } from './afterPaint';

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
    const batch = frameBatch<string>((items) => flushed.push(items), 100);
    batch.add('a');
    vi.advanceTimersByTime(99);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([['a']]);
  });

  it('flush hands over at once, and a frame scheduled before it does not cut the next batch short', () => {
    const { frames, flushed, batch } = underFrames();
    batch.add(1);
    batch.flush();
    expect(flushed).toEqual([[1]]);
    batch.add(2); // a new batch, with its own frame
    frames.shift()!(); // the first batch's frame
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([[1]]);
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(flushed).toEqual([[1], [2]]);
    batch.flush(); // nothing gathered: nothing handed over
    expect(flushed).toHaveLength(2);
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
