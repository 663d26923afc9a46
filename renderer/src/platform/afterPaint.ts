/**
 * Items gathered during a frame and handed over together after it is painted (rAF, then a task): work that must
 * leave the keystroke, such as writing or sending what it changed. Where frames do not run, after `fallbackMs`
 * (a hidden window), or in the next task (Node). `flush` hands them over now (the page goes away, the link closes).
 */
export interface FrameBatch<T> {
  add(item: T): void;
  flush(): void;
  readonly size: number;
}

export function frameBatch<T>(onFlush: (items: T[]) => void, fallbackMs = 100): FrameBatch<T> {
  let items: T[] = [];
  let scheduled = 0; // the scheduling in force (0: none), so that a frame scheduled before a `flush` does nothing
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    scheduled = 0;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (items.length === 0) return;
    const taken = items;
    items = [];
    onFlush(taken);
  };
  return {
    add(item) {
      items.push(item);
      if (scheduled) return;
      const mine = (scheduled = ++generation);
      const frames = typeof requestAnimationFrame === 'function';
      timer = setTimeout(flush, frames ? fallbackMs : 0);
      if (frames) requestAnimationFrame(() => setTimeout(() => scheduled === mine && flush(), 0));
    },
    flush,
    get size() {
      return items.length;
    },
  };
}
