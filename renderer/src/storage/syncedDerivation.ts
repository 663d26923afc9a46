// Derived data for documents the background full sync brings (sync/workspaceSync.ts): a document never opened on
// this device still gets its catalog row and comment entries, through the same functions as one-off indexing
// (`indexDocument`, `commentEntriesOf` + `writeCommentEntries`). Each synced doc is derived once, after its sync has
// settled, and only when what it derives from changed since it was last derived here: a fingerprint of the doc's
// content (state vector + delete set) and of its inputs (the document's metadata; for comments, the stakeholder
// registry) is kept in Dexie `prefs` beside the rows. A workspace that is fully in sync derives nothing on a pass.
// A document whose body or comments changed also gets its comment highlights placed for its next open, by the
// preview worker from the stored copies (storage/highlightCache.ts), once the sync's updates are written.
import type * as Y from 'yjs';
import type { CatalogRow } from '../model/catalog';
import { catalogKey } from '../model/catalog';
import { listStakeholders } from '../model/stakeholders';
import type { DocumentMeta } from '../model/workspaceDoc';
import { catalogDb, CATALOG_VERSION } from './catalogDb';
import { indexDocument } from './catalogIndexer';
import { writeCommentEntries } from './commentEntriesStore';
import { commentEntriesOf } from './derived/commentEntriesPipeline';
import { placeForNextOpen } from './commentsPreview';
import { contentStamp } from '../model/contentStamp';
import { commentsDocName, documentDocName } from '../../../common/rooms';

export const DERIVED_MARK_PREFIX = 'derived:';
const markKey = (workspaceId: string, docName: string) => `${DERIVED_MARK_PREFIX}${workspaceId}:${docName}`;

/** What one synced doc is: a document body (with its metadata) or the comments doc of a document. */
export type SyncedDoc = { part: 'body'; meta: DocumentMeta } | { part: 'comments'; docId: string };

/** One full-sync pass: `derive` is called once per synced doc; it resolves true when it wrote derived data. */
export interface DerivationPass {
  derive(docName: string, doc: Y.Doc, what: SyncedDoc): Promise<boolean>;
}

export interface SyncedDerivation {
  /** Starts a pass over workspace `workspaceId`; `ws` is its (synced, open) workspace doc. */
  begin(workspaceId: string, ws: Y.Doc): Promise<DerivationPass>;
}

/** 64-bit (two 32-bit FNV-1a lanes) hex fingerprint of some bytes and a string. */
export function fingerprint(bytes: Uint8Array, extra: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  const mix = (c: number) => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  };
  for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
  for (let i = 0; i < extra.length; i++) mix(extra.charCodeAt(i) & 0xffff);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The doc's content identity: its state vector and delete set (a deletion alone does not move the state vector). */
export function contentFingerprint(doc: Y.Doc, inputs: string): string {
  return fingerprint(contentStamp(doc), inputs);
}

/** How long after a synced doc is derived its highlights are placed: its store writes the sync's updates first. */
const PLACE_AFTER_MS = 1_000;

/** The stored fingerprints of a workspace's docs, read once per pass. */
async function loadMarks(workspaceId: string): Promise<Map<string, string>> {
  const rows = await catalogDb.prefs.where('key').startsWith(markKey(workspaceId, '')).toArray();
  return new Map(rows.filter((r) => typeof r.value === 'string').map((r) => [r.key, r.value as string]));
}

/** The app's derivation: writes catalog rows and comment entries to the local catalog and the search index. */
export const syncedDerivation: SyncedDerivation = {
  async begin(workspaceId, ws) {
    const [marks, rowKeys] = await Promise.all([
      loadMarks(workspaceId),
      catalogDb.catalog.where('workspaceId').equals(workspaceId).primaryKeys() as Promise<Array<CatalogRow['key']>>,
    ]);
    const haveRow = new Set<string>(rowKeys);
    // A mark holds for the catalog version that wrote it: a new version (new derived fields) re-derives once.
    const versionTag = `v${CATALOG_VERSION}`;
    // Comment entries name stakeholders from the registry: a registry change re-derives them.
    const registry = JSON.stringify(listStakeholders(ws, { includeDeleted: true }));
    return {
      async derive(docName, doc, what) {
        const inputs = what.part === 'body' ? `${versionTag}|${JSON.stringify(what.meta)}` : `${versionTag}|${registry}`;
        const mark = contentFingerprint(doc, inputs);
        const key = markKey(workspaceId, docName);
        const rowMissing = what.part === 'body' && !haveRow.has(catalogKey(workspaceId, what.meta.id));
        if (marks.get(key) === mark && !rowMissing) return false;
        if (what.part === 'body') {
          await indexDocument(workspaceId, what.meta, doc);
        } else {
          await writeCommentEntries(workspaceId, what.docId, commentEntriesOf({ workspaceId, docId: what.docId, comments: doc, ws }));
        }
        await catalogDb.prefs.put({ key, value: mark });
        marks.set(key, mark);
        const docId = what.part === 'body' ? what.meta.id : what.docId;
        setTimeout(() => {
          void catalogDb.workspaces
            .get(workspaceId)
            .then((connection) => placeForNextOpen(commentsDocName(workspaceId, docId), documentDocName(workspaceId, docId), connection))
            .catch(() => undefined); // a later pass or open places them
        }, PLACE_AFTER_MS);
        return true;
      },
    };
  },
};
