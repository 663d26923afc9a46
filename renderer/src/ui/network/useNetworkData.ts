import { useMemo } from 'react';
import { listCommentEntries } from '../../storage/catalogDb';
import { listDocumentMetas, wsDocuments, wsStakeholders } from '../../model/workspaceDoc';
import { listStakeholders } from '../../model/stakeholders';
import type { CommentEntry } from '../../model/commentEntries';
import { useWorkspace } from '../../state/workspaceContext';
import { useLiveQuery, useY } from '../hooks';
import { useCatalogRows } from './useQueryData';

/**
 * What the digest, the expert finder and profiles read: the local catalog rows and comment entries (derived
 * data, live from Dexie), the registry and the live documents (workspace doc). Rows of deleted documents are
 * left out. Never a document's own Y.Doc.
 */
export function useNetworkData() {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const indexed = useCatalogRows(workspaceId);
  const comments = useLiveQuery(() => listCommentEntries(workspaceId), [workspaceId], [] as CommentEntry[]);
  const metas = useY(wsDocuments(ws), () => listDocumentMetas(ws));
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws, { includeDeleted: true }));
  const rows = useMemo(() => {
    const live = new Map(metas.map((m) => [m.id, m]));
    // titles and themes from the workspace doc (the truth), the rest from the derived row
    return indexed.filter((r) => live.has(r.docId)).map((r) => ({ ...r, title: live.get(r.docId)!.title, themes: live.get(r.docId)!.themes }));
  }, [indexed, metas]);
  // Documents this device has not derived yet (synced but never opened here, or rows from before `activity`).
  const unindexed = useMemo(() => {
    const withActivity = new Set(indexed.filter((r) => r.activity).map((r) => r.docId));
    return metas.filter((m) => !withActivity.has(m.id)).length;
  }, [indexed, metas]);
  return { workspaceId, ws, rows, comments, metas, stakeholders, unindexed };
}
