import * as Y from 'yjs';
import { ThreadKey } from '../../../common/commentsSchema';
import { bodyToJSON, docBody } from '../model/bodyJson';
import { docFields } from '../model/documentDoc';
import { listStakeholders, resolveStakeholder } from '../model/stakeholders';
import { commentsRoot, readThreads } from '../model/comments/commentsDoc';
import { buildBodyIndex } from '../model/comments/bodyIndex';
import { threadsForExport } from './threadsForExport';
import { readDocumentMeta, readHouseStyle, readWorkspaceInfo, wsDocuments, type DocumentMeta } from '../model/workspaceDoc';
import { isOneOf, DOCUMENT_KINDS } from '../model/kinds';
import type { ExportDocument, ExportInput, ExportThread } from './exportInput';
import { readSuggestions } from './changesSince';

// The one adapter from Y.Docs to the exporter's plain input, shared by the app and the export CLI. Reads through
// the model accessors only; comment threads arrive already resolved (model/comments produces them).

/** `doc.<ws>.<docId>` (common/rooms documentDocName) -> docId, when the Y.Doc was created with that guid. */
function docIdFromGuid(guid: string): string | null {
  const m = /^doc\.[^.]+\.([^.]+)$/.exec(guid);
  return m ? m[1] : null;
}

export function exportDocumentFromDocs(wsDoc: Y.Doc, docDoc: Y.Doc, threads: ExportThread[], docId?: string): ExportDocument {
  const id = docId ?? docIdFromGuid(docDoc.guid) ?? '';
  const fields = docFields(docDoc).toJSON() as Record<string, unknown>;
  const entry = id ? wsDocuments(wsDoc).get(id) : undefined;
  const meta: DocumentMeta = (entry && readDocumentMeta(entry)) || {
    id,
    kind: isOneOf(DOCUMENT_KINDS, fields.kind) ? fields.kind : 'draft',
    title: '',
    themes: [],
    date: typeof fields.date === 'string' ? fields.date : '',
    createdAt: 0,
    createdBy: '',
  };
  return { meta, body: bodyToJSON(docDoc), fields, threads, suggestions: readSuggestions(docDoc) };
}

/** A document's comment threads as the exporter takes them (anchors resolved against its current body). */
export function exportThreadsFromDocs(wsDoc: Y.Doc, docDoc: Y.Doc, commentsDoc: Y.Doc): ExportThread[] {
  const threads = readThreads(commentsDoc, { resolveStakeholder: (id) => resolveStakeholder(wsDoc, id) });
  return withAppliedChanges(threadsForExport(threads, buildBodyIndex(docBody(docDoc))), commentsDoc);
}

/** Each thread's link to the change that implemented it (editor-only key ThreadKey.appliedChange), when set. */
export function withAppliedChanges(threads: ExportThread[], commentsDoc: Y.Doc): ExportThread[] {
  const root = commentsRoot(commentsDoc);
  return threads.map((t) => {
    const entry = root.get(t.id);
    const raw = entry instanceof Y.Map ? (entry.get(ThreadKey.appliedChange) as Record<string, unknown> | undefined) : undefined;
    if (!raw || typeof raw !== 'object') return t;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return {
      ...t,
      appliedChange: { suggestionId: str(raw.suggestionId), blockId: str(raw.blockId), at: Number(raw.at) || 0, byName: str(raw.byName) ?? '' },
    };
  });
}

/** Everything the exporter needs for one document. `docId` defaults to the one in the doc's guid. */
export function exportInputFromDocs(wsDoc: Y.Doc, docDoc: Y.Doc, threads: ExportThread[], docId?: string): ExportInput {
  return compileInputFromDocs(wsDoc, [{ doc: docDoc, threads, docId }]);
}

/** The same for several documents (a compilation), in the given order. */
export function compileInputFromDocs(wsDoc: Y.Doc, docs: Array<{ doc: Y.Doc; threads: ExportThread[]; docId?: string }>): ExportInput {
  return {
    workspace: { name: readWorkspaceInfo(wsDoc).name, houseStyle: readHouseStyle(wsDoc) },
    stakeholders: listStakeholders(wsDoc, { includeDeleted: true }),
    documents: docs.map((d) => exportDocumentFromDocs(wsDoc, d.doc, d.threads, d.docId)),
  };
}
