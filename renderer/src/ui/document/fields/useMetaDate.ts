import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../../../state/workspaceContext';
import { updateDocumentMeta, wsDocuments } from '../../../model/workspaceDoc';
import { parseDocName } from '../../../../../common/rooms';

/**
 * The document list and header show the date from the workspace's document metadata; when the meeting date or
 * the "received on" date changes in the fields, the metadata follows. The doc id comes from the Y.Doc's name.
 */
export function useMetaDate(doc: Y.Doc): (date: string) => void {
  const { id: workspaceId, doc: ws } = useWorkspace();
  return useCallback(
    (date: string) => {
      const ref = parseDocName(doc.guid);
      const docId = ref?.kind === 'document' && ref.workspaceId === workspaceId ? ref.docId : '';
      const entry = docId ? wsDocuments(ws).get(docId) : undefined;
      if (entry && entry.get('date') !== date) updateDocumentMeta(ws, docId, { date });
    },
    [doc, ws, workspaceId],
  );
}
