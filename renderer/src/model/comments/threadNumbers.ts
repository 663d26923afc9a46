// Threads are shown and cited by number (#1, #2...: Thread.number, in creation order). This is the one lookup
// between ids and those numbers, for "duplicate of #N", links between threads and the matrix files.

export interface ThreadNumbers {
  /** the number of a thread, null when there is no such thread */
  numberOf: (id: string) => number | null;
  /** the thread with a number, null when there is none */
  idOfNumber: (n: number) => string | null;
}

export function threadNumbers(threads: Iterable<{ id: string; number: number }>): ThreadNumbers {
  const numberById = new Map<string, number>();
  const idByNumber = new Map<number, string>();
  for (const th of threads) {
    numberById.set(th.id, th.number);
    idByNumber.set(th.number, th.id);
  }
  return { numberOf: (id) => numberById.get(id) ?? null, idOfNumber: (n) => idByNumber.get(n) ?? null };
}
