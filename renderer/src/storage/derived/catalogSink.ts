// Writes the catalog row of an open document to Dexie: at most once a second while it changes, and at once when
// it closes. A document opened and closed without changes writes nothing (opening must not write).
import type { DerivedDocument } from '../../model/derive';
import type { CatalogRow } from '../../model/catalog';
import type { DerivedSink } from './documentPipeline';

export function catalogSink(write: (row: CatalogRow) => Promise<unknown>, delayMs = 1000): DerivedSink {
  let pending: CatalogRow | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const writePending = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const row = pending;
    pending = null;
    void write(row).catch((e) => console.error('Catalog row not written', e));
  };
  return {
    accept(derived: DerivedDocument, changed: boolean) {
      if (!changed) return;
      pending = derived.catalogRow;
      timer ??= setTimeout(writePending, delayMs);
    },
    flush: writePending,
  };
}
