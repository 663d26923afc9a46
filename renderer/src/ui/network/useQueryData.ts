// Reads for the queries screens: catalog rows (derived, never every Y.Doc) joined with the workspace metadata
// and the stakeholder registry, which the workspace doc already holds.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { CatalogRow } from '../../model/catalog';
import { listDocumentMetas, wsDocuments, wsStakeholders, type DocumentMeta } from '../../model/workspaceDoc';
import { listStakeholders, resolveStakeholder, type Stakeholder } from '../../model/stakeholders';
import { useY } from '../hooks';
import { useCatalogRows as useSharedCatalogRows } from '../documents/catalogRows';

const NO_ROWS: CatalogRow[] = [];

/** The workspace's catalog rows, live and shared (documents/catalogRows.ts); none until the first read is in. */
export function useCatalogRows(workspaceId: string): CatalogRow[] {
  return useSharedCatalogRows(workspaceId) ?? NO_ROWS;
}

export function useMetas(ws: Y.Doc): DocumentMeta[] {
  return useY(wsDocuments(ws), () => listDocumentMetas(ws));
}

/** The registry as a lookup that follows merges (null for unknown ids). */
export function useRegistry(ws: Y.Doc): (id: string) => Stakeholder | null {
  const all = useY(wsStakeholders(ws), () => listStakeholders(ws, { includeDeleted: true }));
  return useMemo(() => {
    void all;
    return (id: string) => (id ? resolveStakeholder(ws, id) : null);
  }, [all, ws]);
}

export interface ContributionEntry {
  meta: DocumentMeta;
  stakeholder: Stakeholder | null;
  row: CatalogRow | undefined;
}

/** Contributions (optionally only those in reply to `queryId`), newest first, with their stakeholder. */
export function useContributions(workspaceId: string, ws: Y.Doc, queryId?: string): ContributionEntry[] {
  const metas = useMetas(ws);
  const rows = useCatalogRows(workspaceId);
  const person = useRegistry(ws);
  return useMemo(() => {
    const byId = new Map(rows.map((r) => [r.docId, r]));
    return metas
      .filter((m) => m.kind === 'contribution' && (queryId === undefined || m.inReplyTo === queryId))
      .map((meta) => {
        const row = byId.get(meta.id);
        const sid = row?.activity?.stakeholderId ?? '';
        return { meta, row, stakeholder: sid ? person(sid) : null };
      })
      .sort((a, b) => b.meta.date.localeCompare(a.meta.date) || b.meta.createdAt - a.meta.createdAt);
  }, [metas, rows, person, queryId]);
}
