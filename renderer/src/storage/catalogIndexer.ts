import type * as Y from 'yjs';
import { catalogDb, deleteCatalogRowsExcept, getPref, putCatalogRow, setPref, CATALOG_VERSION } from './catalogDb';
import { openDocs } from './openDocs';
import { catalogKey } from '../model/catalog';
import { deriveCatalogRow } from '../model/derive';
import { listDocumentMetas, readWorkspaceInfo, type DocumentMeta } from '../model/workspaceDoc';
import { documentDocName, workspaceDocName } from '../../../common/rooms';
import { searchStore } from './searchStore';
import { indexDocumentComments, rebuildSearchIndex } from './searchIndexer';

// Keeps the Dexie catalog in step with the Y.Docs. The catalog is derived data: it can be dropped and rebuilt.

export async function indexDocument(workspaceId: string, meta: DocumentMeta, doc: Y.Doc): Promise<void> {
  const row = deriveCatalogRow(workspaceId, meta, doc, Date.now());
  await putCatalogRow(row);
  await searchStore.upsertRow(row);
}

export type RebuildProgress = (done: number, total: number) => void;

/** Rebuilds the catalog rows of one workspace from its Y.Docs; removes rows of documents that no longer exist. */
export async function rebuildWorkspaceIndex(workspaceId: string, onProgress?: RebuildProgress): Promise<number> {
  // The workspace doc stays open for the whole rebuild (comment attributions read its registry).
  const wsHandle = openDocs.acquire(workspaceDocName(workspaceId));
  try {
    await wsHandle.ready;
    const ws = wsHandle.doc;
    const name = readWorkspaceInfo(ws).name;
    if (name) await catalogDb.workspaces.update(workspaceId, { name });
    const metas = listDocumentMetas(ws);
    let done = 0;
    onProgress?.(0, metas.length);
    for (const meta of metas) {
      const existing = await catalogDb.catalog.get(catalogKey(workspaceId, meta.id));
      await openDocs.withDoc(documentDocName(workspaceId, meta.id), (doc) =>
        putCatalogRow(deriveCatalogRow(workspaceId, meta, doc, existing?.updatedAt ?? meta.createdAt)),
      { gc: false });
      await indexDocumentComments(workspaceId, meta.id, ws);
      onProgress?.(++done, metas.length);
    }
    const keep = new Set(metas.map((m) => catalogKey(workspaceId, m.id)));
    await deleteCatalogRowsExcept(workspaceId, keep);
    await rebuildSearchIndex(workspaceId, new Set(metas.map((m) => m.id)), ws);
    return metas.length;
  } finally {
    wsHandle.release();
  }
}

export async function rebuildAllIndexes(onProgress?: RebuildProgress): Promise<number> {
  const workspaces = await catalogDb.workspaces.toArray();
  let total = 0;
  for (const w of workspaces) total += await rebuildWorkspaceIndex(w.id, onProgress);
  await setPref('catalogVersion', CATALOG_VERSION);
  return total;
}

/** After a schema upgrade (or on a fresh catalog with existing docs) the catalog is rebuilt once. */
export async function rebuildIfOutdated(): Promise<boolean> {
  const version = await getPref<number>('catalogVersion', 0);
  if (version === CATALOG_VERSION) return false;
  await rebuildAllIndexes();
  return true;
}
