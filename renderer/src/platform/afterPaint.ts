/**
 * Items gathered during a frame and handed over together after it is painted (rAF, then a task): work that must
 * leave the keystroke, such as writing or sending what it changed. Where frames do not run, after FALLBACK_MS
 * (a hidden window), or in the next task (Node). `flush` hands them over now (the page goes away, the link closes).
 */
export interface FrameBatch<T> {
  add(item: T): void;
  flush(): void;
  readonly size: number;
}

/** how long a batch waits where no frame comes (a hidden window) */
const FALLBACK_MS = 100;

// Every batch waits for the same frame: a keystroke that is written, sent and shown to peers asks for one frame and
// one timer, not one of each per batch. The batches are handed over in the order they were first added to.
const due = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function runDue() {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const flushes = [...due];
  due.clear();
  // One batch that fails must not strand the others (their items would wait for a frame never asked for again).
  const errors: unknown[] = [];
  for (const flush of flushes) {
    try {
      flush();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

function afterPaint(flush: () => void) {
  due.add(flush);
  if (timer !== null) return;
  const frames = typeof requestAnimationFrame === 'function';
  timer = setTimeout(runDue, frames ? FALLBACK_MS : 0);
  if (frames) requestAnimationFrame(() => setTimeout(runDue, 0));
}

export function frameBatch<T>(onFlush: (items: T[]) => void): FrameBatch<T> {
  let items: T[] = [];
  const flush = () => {
    due.delete(flush);
    if (items.length === 0) return;
    const taken = items;
    items = [];
    onFlush(taken);
  };
  return {
    add(item) {
      items.push(item);
      if (items.length === 1) afterPaint(flush);
    },
    flush,
    get size() {
      return items.length;
    },
  };
}
