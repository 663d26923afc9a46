/**
 * Work that waits for a quiet spell (typing paused, a document left unchanged): `run` runs once `ms` have passed
 * since the last `poke(ms)`. A keystroke pokes several of these; a poke only moves the due time while a timer is
 * pending (clearing and setting a timer on every keystroke cost about 0.15 ms of the keystroke's frame, issue 13),
 * and the timer, when it fires before the due time, waits out the rest. A poke due sooner than the pending timer
 * fires sets it sooner.
 */
export interface Quiet {
  poke(ms: number): void;
  cancel(): void;
  /** a run is due (poked, not yet run nor cancelled) */
  readonly pending: boolean;
}

export function quiet(run: () => void): Quiet {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** when `run` is due, and when the pending timer fires (performance.now, monotonic) */
  let due = 0;
  let firesAt = 0;
  const arm = (ms: number) => {
    firesAt = performance.now() + ms;
    timer = setTimeout(fire, ms);
  };
  const fire = () => {
    timer = null;
    const left = due - performance.now();
    if (left > 0) arm(left);
    else run();
  };
  return {
    poke(ms) {
      due = performance.now() + ms;
      if (timer !== null) {
        if (firesAt <= due) return;
        clearTimeout(timer);
      }
      arm(ms);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    get pending() {
      return timer !== null;
    },
  };
}
