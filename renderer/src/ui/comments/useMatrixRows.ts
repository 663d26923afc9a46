import { useMemo, useRef } from 'react';
import { matrixRow, matrixRowContext, type MatrixRow } from '../../model/comments/matrix';
import type { BodyIndex } from '../../model/comments/bodyIndex';
import type { Thread } from '../../model/comments/threadTypes';
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
    const context = matrixRowContext(threads, translate);
    const { numberOf } = context;
    return threads.map((th) => {
      let row = byThread.get(th);
      if (!row) {
        row = matrixRow(th, index, context);
        byThread.set(th, row);
      }
      // "Duplicate of #N" follows the numbering of all threads, which may have changed since the row was cached.
      const dup = row.duplicateOf ? numberOf(row.duplicateOf) : null;
      if (row.duplicateOfNumber !== dup) {
        row = { ...row, duplicateOfNumber: dup };
        byThread.set(th, row);
      }
      return row;
    });
  }, [threads, index]);
}
