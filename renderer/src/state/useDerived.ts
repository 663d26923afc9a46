import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { derivedDocs } from '../storage/derived/derivedDocs';
import type { DerivedDocument } from '../model/derive';

/** Runs the derived-data pipeline of a document while the calling component is mounted (and `doc` is loaded). */
export function useDocumentPipeline(workspaceId: string, docId: string, doc: Y.Doc | null, ws: Y.Doc): void {
  useEffect(() => (doc ? derivedDocs.acquire({ workspaceId, docId, doc, ws }) : undefined), [workspaceId, docId, doc, ws]);
}

/**
 * Reads one part of a document's derived data (null until it is first derived, or when the document is not
 * open). Re-renders only when that part changes: `select` should return a part of the result, not build one.
 */
export function useDerived<T>(docName: string | null, select: (derived: DerivedDocument) => T): T | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!docName) return () => {};
      let unsubscribePipeline = derivedDocs.get(docName)?.subscribe(onChange);
      const unsubscribeRegistry = derivedDocs.subscribe(() => {
        unsubscribePipeline?.();
        unsubscribePipeline = derivedDocs.get(docName)?.subscribe(onChange);
        onChange();
      });
      return () => {
        unsubscribeRegistry();
        unsubscribePipeline?.();
      };
    },
    [docName],
  );
  return useSyncExternalStore(subscribe, () => {
    const snapshot = docName ? derivedDocs.get(docName)?.getSnapshot() : null;
    return snapshot ? select(snapshot) : null;
  });
}
