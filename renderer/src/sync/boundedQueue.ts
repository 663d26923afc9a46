/** Runs `task` over `items` with at most `concurrency` in flight; reports progress; never rejects. */
export async function runBounded<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
  onProgress?: (done: number, total: number, failed: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<{ done: number; failed: number }> {
  let next = 0;
  let done = 0;
  let failed = 0;
  onProgress?.(0, items.length, 0);
  const worker = async () => {
    while (next < items.length && !isCancelled()) {
      const item = items[next++];
      try {
        await task(item);
      } catch {
        failed++;
      }
      done++;
      onProgress?.(done, items.length, failed);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return { done, failed };
}
