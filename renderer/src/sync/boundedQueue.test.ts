import { describe, expect, it } from 'vitest';
import { runBounded } from './boundedQueue';

describe('runBounded', () => {
  it('never runs more than the limit at once, finishes all, counts failures', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const result = await runBounded(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async (i) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1 + (i % 4)));
        running--;
        if (i % 7 === 0) throw new Error('boom');
      },
      (done) => progress.push(done),
    );
    expect(peak).toBe(3);
    expect(result).toEqual({ done: 20, failed: 3 });
    expect(progress.at(-1)).toBe(20);
  });
});
