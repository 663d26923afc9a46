// Actions of the queries feature (issue 11): draft a consolidated reply from a query, publish it. Each opens
// the one or two Y.Docs it writes, calls the pure model (model/network/reply.ts) and re-indexes what changed.
import type * as Y from 'yjs';
import { openDocs } from '../storage/openDocs';
import { indexDocument } from '../storage/catalogIndexer';
import { bodyToJSON } from '../model/bodyJson';
import { readDocumentMeta, wsDocuments } from '../model/workspaceDoc';
import { draftConsolidatedReply, publishReply } from '../model/network/reply';
import { ModelError } from '../model/modelError';
import { newId } from '../../../common/ids';
import { documentDocName } from '../../../common/rooms';
import { t, todayIso } from '../i18n';

async function reindex(workspaceId: string, ws: Y.Doc, docId: string, doc: Y.Doc): Promise<void> {
  const entry = wsDocuments(ws).get(docId);
  const meta = entry && readDocumentMeta(entry);
  if (meta) await indexDocument(workspaceId, meta, doc);
}

/** Creates the consolidated-reply draft of a query (template applied once, here, by its creator). */
export async function draftReplyForQuery(workspaceId: string, ws: Y.Doc, queryId: string, createdBy: string): Promise<string> {
  const entry = wsDocuments(ws).get(queryId);
  const meta = entry && readDocumentMeta(entry);
  if (!meta || meta.kind !== 'query') throw new ModelError('reply.error.noQuery', 'The query this reply answers no longer exists.');
  const id = newId();
  const queryHandle = openDocs.acquire(documentDocName(workspaceId, queryId), { gc: false });
  const replyHandle = openDocs.acquire(documentDocName(workspaceId, id), { gc: false });
  try {
    await Promise.all([queryHandle.ready, replyHandle.ready]);
    draftConsolidatedReply(ws, () => replyHandle.doc, { meta, doc: queryHandle.doc, body: bodyToJSON(queryHandle.doc) }, { t, createdBy, date: todayIso(), id });
    await reindex(workspaceId, ws, id, replyHandle.doc);
    await reindex(workspaceId, ws, queryId, queryHandle.doc);
    return id;
  } finally {
    queryHandle.release();
    replyHandle.release();
  }
}

/** Publishes a reply: publishedAt on the reply and its query, the query's status becomes published. */
export async function publishReplyOf(workspaceId: string, ws: Y.Doc, replyId: string, replyDoc: Y.Doc): Promise<void> {
  const entry = wsDocuments(ws).get(replyId);
  const meta = entry && readDocumentMeta(entry);
  const queryId = meta?.replyTo;
  if (!queryId || !wsDocuments(ws).get(queryId)) throw new ModelError('reply.error.noQuery', 'The query this reply answers no longer exists.');
  const queryHandle = openDocs.acquire(documentDocName(workspaceId, queryId), { gc: false });
  try {
    await queryHandle.ready;
    publishReply(ws, replyId, { id: queryId, doc: queryHandle.doc }, todayIso());
    await reindex(workspaceId, ws, queryId, queryHandle.doc);
    await reindex(workspaceId, ws, replyId, replyDoc);
  } finally {
    queryHandle.release();
  }
}
