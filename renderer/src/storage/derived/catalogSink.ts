// Writes the catalog row of an open document to Dexie: at most once a second while it changes, and at once when
// it closes. Opening writes only a repair: when the stored row differs from what the document now derives (a
// change whose write the last session's reload or crash cut short, or no row at all), the fresh row is written,
// keeping the stored updatedAt (opening never marks a document as edited).
import type { DerivedDocument } from '../../model/derive';
import type { CatalogRowWithText } from '../../model/catalog';
import type { DerivedSink } from './documentPipeline';

const sameRow = (a: CatalogRowWithText, b: CatalogRowWithText) => JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });

export function catalogSink(write: (row: CatalogRowWithText) => Promise<unknown>, read: (key: string) => Promise<CatalogRowWithText | undefined>, delayMs = 1000): DerivedSink {
  let pending: CatalogRowWithText | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let checked = false;
  const writePending = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const row = pending;
    pending = null;
    void write(row).catch((e) => console.error('Catalog row not written', e));
  };
  const repair = async (row: CatalogRowWithText) => {
    const stored = await read(row.key);
    // A change since opening has its own write on the way; a stored row that matches needs nothing.
    if (pending || (stored && sameRow(stored, row))) return;
    await write(stored ? { ...row, updatedAt: stored.updatedAt } : row);
  };
  return {
    accept(derived: DerivedDocument, changed: boolean) {
      if (!changed) {
        if (!checked) void repair(derived.catalogRow).catch((e) => console.error('Catalog row not checked', e));
        checked = true;
        return;
      }
      checked = true;
      pending = derived.catalogRow;
      timer ??= setTimeout(writePending, delayMs);
    },
    flush: writePending,
  };
}
