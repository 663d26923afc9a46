import { useMemo, useRef } from 'react';
import { matrixRows, type MatrixRow } from '../../model/comments/matrix';
import type { BodyIndex } from '../../model/comments/bodyIndex';
import type { Thread } from '../../model/comments/threadTypes';
import { threadNumbers } from '../../model/comments/threadNumbers';
import { t } from '../../i18n';

const translate = (id: string) => t(id);

/**
 * Matrix rows of the threads, kept per Thread object: the thread reader hands back the same object for a thread
 * nothing touched, so typing a response re-derives one row, not 2,000 (each resolving its anchor). All rows are
 * re-derived when the body index changes (positions, paragraph and section numbers may have moved).
 */
export function useMatrixRows(threads: readonly Thread[], index: BodyIndex | null): MatrixRow[] {
  const cache = useRef<{ index: BodyIndex | null; rows: WeakMap<Thread, MatrixRow> }>({ index: null, rows: new WeakMap() });
  return useMemo(() => {
    if (cache.current.index !== index) cache.current = { index, rows: new WeakMap() };
    const byThread = cache.current.rows;
    const { numberOf } = threadNumbers(threads);
    return threads.map((th) => {
      let row = byThread.get(th);
      if (!row) {
        row = matrixRows([th], index, translate)[0];
        byThread.set(th, row);
      }
      // "Duplicate of #N" follows the numbering of all threads, which a one-thread derivation cannot see.
      const dup = row.duplicateOf ? numberOf(row.duplicateOf) : null;
      if (row.duplicateOfNumber !== dup) {
        row = { ...row, duplicateOfNumber: dup };
        byThread.set(th, row);
      }
      return row;
    });
  }, [threads, index]);
}
