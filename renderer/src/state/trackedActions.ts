import { openDocs } from '../storage/openDocs';
import { commentsDocName, documentDocName } from '../../../common/rooms';
import { listVersions, type VersionMeta } from '../model/consultation/snapshots';
import type { Actor } from '../model/comments/threadTypes';
import type { ExportInput } from '../export/exportInput';
import { withChangesSince } from '../export/changesSince';
import type { TrackedParagraph } from '../export/import/trackedParse';
import { applyTrackedChanges, type TrackedImportSummary } from '../export/import/trackedApply';
import { t } from '../i18n';

// Word tracked changes in the app (issue 12): the saved versions a "changes since" export can start from, the
// export input with those changes, and "Import changes from DOCX…" into an open draft. The work itself is pure
// (export/changesSince.ts, export/import/tracked*.ts); this opens the documents.

/** The saved versions of a document, oldest first. */
export async function documentVersions(workspaceId: string, docId: string): Promise<VersionMeta[]> {
  const handle = openDocs.acquire(documentDocName(workspaceId, docId), { gc: false });
  try {
    await handle.ready;
    return listVersions(handle.doc);
  } finally {
    handle.release();
  }
}

/** The export input with the document's changes since `versionId` as tracked changes. */
export async function withChangesSinceVersion(workspaceId: string, input: ExportInput, docId: string, versionId: string): Promise<ExportInput> {
  const handle = openDocs.acquire(documentDocName(workspaceId, docId), { gc: false });
  try {
    await handle.ready;
    return { ...input, documents: input.documents.map((d) => (d.meta.id === docId ? withChangesSince(d, handle.doc, versionId) : d)) };
  } finally {
    handle.release();
  }
}

/** Applies a returned file's tracked changes to the draft as suggestions; unplaced ones become comments. */
export async function importTrackedChanges(workspaceId: string, docId: string, paragraphs: TrackedParagraph[], actor: Actor): Promise<TrackedImportSummary> {
  const doc = openDocs.acquire(documentDocName(workspaceId, docId), { gc: false });
  const comments = openDocs.acquire(commentsDocName(workspaceId, docId));
  try {
    await Promise.all([doc.ready, comments.ready]);
    return applyTrackedChanges(doc.doc, comments.doc, paragraphs, actor, {
      unplacedBody: (author, original) => [t('trackedImport.unplacedBody', { author }), ...(original ? [t('trackedImport.unplacedOriginal', { text: original })] : [])].join(' '),
    });
  } finally {
    doc.release();
    comments.release();
  }
}
