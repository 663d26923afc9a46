import type * as Y from 'yjs';
import { openDocs } from '../storage/openDocs';
import { indexDocument } from '../storage/catalogIndexer';
import { createDocument, type NewDocumentInput } from '../model/templates';
import { readDocumentMeta, wsDocuments } from '../model/workspaceDoc';
import { newId } from '../../../common/ids';
import { documentDocName } from '../../../common/rooms';
import { t } from '../i18n';

/** Creates a document from its template (the creator seeds it, once) and indexes it. Returns its id. */
export async function createNewDocument(workspaceId: string, ws: Y.Doc, input: NewDocumentInput, createdBy: string): Promise<string> {
  const id = newId();
  const handle = openDocs.acquire(documentDocName(workspaceId, id), { gc: false });
  try {
    await handle.ready;
    createDocument(ws, () => handle.doc, input, { t, createdBy, id });
    const meta = readDocumentMeta(wsDocuments(ws).get(id)!);
    if (meta) await indexDocument(workspaceId, meta, handle.doc);
    return id;
  } finally {
    handle.release();
  }
}
