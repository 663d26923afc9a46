// Compaction folds a document's stored updates into one Yjs update. We replay them into a Y.Doc inside one
// transaction and re-encode: Y.mergeUpdates is very slow on many small updates (yjs#710), and a single
// transaction runs Yjs' cleanup (struct merging) once instead of once per update.
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from './docStore';

/** Server docs keep deleted content: clients render named versions (snapshots) from the shared history. */
export const newServerDoc = (): Y.Doc => new Y.Doc({ gc: false });

/** Applies stored state and updates to `doc`; returns updates that failed to apply (counted, skipped). */
export function replayInto(doc: Y.Doc, stored: StoredDoc, origin: unknown = 'storage'): number {
  let failed = 0;
  doc.transact(() => {
    if (stored.state) {
      try {
        Y.applyUpdate(doc, stored.state, origin);
      } catch {
        failed += 1;
      }
    }
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch {
        failed += 1;
      }
    }
  }, origin);
  return failed;
}

export interface CompactionResult {
  docName: string;
  updatesFolded: number;
  stateBytes: number;
  uptoSeq: number;
  failed: number;
  /** milliseconds per phase */
  ms: { load: number; replay: number; encode: number; write: number };
}

/** Compacts a document that is not loaded: load, replay, encode, replace. */
export async function compactStored(store: DocStore, docName: string): Promise<CompactionResult> {
  const t0 = performance.now();
  const stored = await store.load(docName);
  const t1 = performance.now();
  const doc = newServerDoc();
  try {
    const failed = replayInto(doc, stored);
    const t2 = performance.now();
    const state = Y.encodeStateAsUpdate(doc);
    const t3 = performance.now();
    if (stored.updates.length > 0) await store.compact(docName, state, stored.lastSeq);
    const t4 = performance.now();
    return {
      docName,
      updatesFolded: stored.updates.length,
      stateBytes: state.byteLength,
      uptoSeq: stored.lastSeq,
      failed,
      ms: { load: t1 - t0, replay: t2 - t1, encode: t3 - t2, write: t4 - t3 },
    };
  } finally {
    doc.destroy();
  }
}
