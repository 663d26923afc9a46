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
}

/** Compacts a document that is not loaded: load, replay, encode, replace. */
export async function compactStored(store: DocStore, docName: string): Promise<CompactionResult> {
  const stored = await store.load(docName);
  const doc = newServerDoc();
  try {
    const failed = replayInto(doc, stored);
    const state = Y.encodeStateAsUpdate(doc);
    if (stored.updates.length > 0) await store.compact(docName, state, stored.lastSeq);
    return { docName, updatesFolded: stored.updates.length, stateBytes: state.byteLength, uptoSeq: stored.lastSeq, failed };
  } finally {
    doc.destroy();
  }
}
