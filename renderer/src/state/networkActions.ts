// Drafting a month's digest from the local catalog (derived data; no document Y.Doc is loaded to select).
import type * as Y from 'yjs';
import { catalogDb, listCommentEntries } from '../storage/catalogDb';
import { openDocs } from '../storage/openDocs';
import { indexDocument } from '../storage/catalogIndexer';
import { listDocumentMetas, readDocumentMeta, wsDocuments } from '../model/workspaceDoc';
import { listStakeholders } from '../model/stakeholders';
import { selectDigest, type DigestSelection } from '../model/network/digestSelection';
import { digestBody, digestDocId, digestSeedUpdate, draftDigest, findDigestForMonth } from '../model/network/digestDoc';
import { monthBounds, type MonthKey } from '../model/network/month';
import { documentDocName } from '../../../common/rooms';
import { formatDate, formatMonth, t } from '../i18n';
import { groupLabel, regionLabel } from '../i18n/stakeholderLabels';

/** The month's selection, from the catalog rows and comment entries of the workspace. */
export async function loadDigestSelection(workspaceId: string, ws: Y.Doc, month: MonthKey, timeZone: string): Promise<DigestSelection> {
  const [rows, comments] = await Promise.all([catalogDb.catalog.where('workspaceId').equals(workspaceId).toArray(), listCommentEntries(workspaceId)]);
  return selectDigest({ month, timeZone, rows, comments, stakeholders: listStakeholders(ws, { includeDeleted: true }), metas: listDocumentMetas(ws) });
}

/** Opens the month's digest, or drafts it (once) from the month's material. Returns its doc id. */
export async function draftMonthlyDigest(workspaceId: string, ws: Y.Doc, month: MonthKey, timeZone: string, createdBy: string): Promise<{ id: string; created: boolean }> {
  const existing = findDigestForMonth(ws, month);
  if (existing) return { id: existing, created: false };
  const selection = await loadDigestSelection(workspaceId, ws, month, timeZone);
  const body = digestBody(selection, t, { group: groupLabel, region: regionLabel, date: (iso) => formatDate(iso) });
  const id = digestDocId(month, digestSeedUpdate(month, body).hash);
  const handle = openDocs.acquire(documentDocName(workspaceId, id), { gc: false });
  try {
    await handle.ready;
    const result = draftDigest(ws, () => handle.doc, { month, title: t('digest.docTitle', { month: formatMonth(month) }), body, createdBy, date: monthBounds(month).last });
    const meta = readDocumentMeta(wsDocuments(ws).get(result.id)!);
    if (meta) await indexDocument(workspaceId, meta, handle.doc);
    return result;
  } finally {
    handle.release();
  }
}
