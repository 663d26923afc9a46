import type * as Y from 'yjs';
import { openDocs } from '../storage/openDocs';
import { indexDocument } from '../storage/catalogIndexer';
import { commentsDocName, documentDocName } from '../../../common/rooms';
import { buildBodyIndex } from '../model/comments/bodyIndex';
import { createAnchorAtBlocks } from '../model/comments/anchor';
import { addThread } from '../model/comments/commentsDoc';
import type { Actor } from '../model/comments/threadTypes';
import { docBody } from '../model/bodyJson';
import type { Stakeholder } from '../model/stakeholders';
import { createDocument, type NewDocumentInput } from '../model/templates';
import { readDocumentMeta, wsDocuments } from '../model/workspaceDoc';
import { newId } from '../../../common/ids';
import { compileInputFromDocs, exportThreadsFromDocs } from '../export/fromDocs';
import type { ExportInput, ExportThread } from '../export/exportInput';
import type { ImportResult } from '../export/import/importDocx';
import { t } from '../i18n';
import { replyExportInfo } from './replyExportInfo';

// Gathers what the exporter needs from the Y.Docs (documents and their comments), and creates documents from an
// imported DOCX. The writer and reader themselves are pure (renderer/src/export).

/** Export input for the given documents, in order, with their comment threads resolved against their bodies. */
export async function gatherExportInput(workspaceId: string, ws: Y.Doc, docIds: string[], onProgress?: (done: number, total: number) => void): Promise<ExportInput> {
  const handles = docIds.flatMap((id) => [openDocs.acquire(documentDocName(workspaceId, id), { gc: false }), openDocs.acquire(commentsDocName(workspaceId, id))]);
  try {
    const docs: Array<{ doc: Y.Doc; threads: ExportThread[]; docId: string }> = [];
    for (let i = 0; i < docIds.length; i++) {
      const [doc, comments] = [handles[2 * i], handles[2 * i + 1]];
      await Promise.all([doc.ready, comments.ready]);
      docs.push({ doc: doc.doc, threads: exportThreadsFromDocs(ws, doc.doc, comments.doc), docId: docIds[i] });
      onProgress?.(i + 1, docIds.length);
    }
    const input = compileInputFromDocs(ws, docs);
    for (const [i, d] of input.documents.entries()) if (d.meta.replyTo) d.reply = await replyExportInfo(workspaceId, ws, d.meta, docs[i].doc);
    return input;
  } finally {
    handles.forEach((h) => h.release());
  }
}

/** Creates a contribution or draft from an imported DOCX; its Word comments become stakeholder comments. */
export async function createFromImport(
  workspaceId: string,
  ws: Y.Doc,
  imported: ImportResult,
  input: NewDocumentInput,
  actor: Actor,
  stakeholder: Stakeholder | null,
): Promise<string> {
  const id = newId();
  const docHandle = openDocs.acquire(documentDocName(workspaceId, id), { gc: false });
  const commentsHandle = openDocs.acquire(commentsDocName(workspaceId, id));
  try {
    await Promise.all([docHandle.ready, commentsHandle.ready]);
    createDocument(ws, () => docHandle.doc, input, { t, createdBy: actor.name, id, body: imported.body });
    const index = buildBodyIndex(docBody(docHandle.doc));
    commentsHandle.doc.transact(() => {
      for (const c of imported.comments) {
        addThread(
          commentsHandle.doc,
          {
            anchor: createAnchorAtBlocks(index, c.from, c.to),
            type: 'general',
            body: c.body,
            purpose: 'stakeholder',
            ...(stakeholder ? { stakeholder } : { attribution: { name: c.author, organisation: '', group: 'other', region: 'global' } }),
          },
          actor,
        );
      }
    });
    const meta = readDocumentMeta(wsDocuments(ws).get(id)!);
    if (meta) await indexDocument(workspaceId, meta, docHandle.doc);
    return id;
  } finally {
    docHandle.release();
    commentsHandle.release();
  }
}

