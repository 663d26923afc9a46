import type * as Y from 'yjs';
import { openDocs } from '../storage/openDocs';
import { indexDocument } from '../storage/catalogIndexer';
import { createDocument, type NewDocumentInput } from '../model/templates';
import { readDocumentMeta, wsDocuments } from '../model/workspaceDoc';
import { newId } from '../../../common/ids';
import { documentDocName } from '../../../common/rooms';
import { getLocale, loadLocale, translator } from '../i18n';
import { newDocumentLanguage, setDocumentLanguage } from '../model/language';

/** Creates a document from its template (the creator seeds it, once) and indexes it. Returns its id. */
export async function createNewDocument(workspaceId: string, ws: Y.Doc, input: NewDocumentInput, createdBy: string): Promise<string> {
  const id = newId();
  const handle = openDocs.acquire(documentDocName(workspaceId, id), { gc: false });
  try {
    await handle.ready;
    // Written in the workspace's language, else its author's: the template's headings too.
    const { language, stamp } = newDocumentLanguage(ws, getLocale());
    await loadLocale(language);
    ws.transact(() => {
      createDocument(ws, () => handle.doc, input, { t: translator(language).t, createdBy, id });
      if (stamp) setDocumentLanguage(ws, id, language);
    });
    const meta = readDocumentMeta(wsDocuments(ws).get(id)!);
    if (meta) await indexDocument(workspaceId, meta, handle.doc);
    return id;
  } finally {
    handle.release();
  }
}
