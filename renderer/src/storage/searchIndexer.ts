// The search's part of one-off indexing and Maintenance › Rebuild index: a document's comment entries derived from
// its comments doc, and the search index rebuilt from the catalog rows, comment entries and registry.
import type * as Y from 'yjs';
import { listStakeholders } from '../model/stakeholders';
import { commentsDocName } from '../../../common/rooms';
import { catalogDb } from './catalogDb';
import { writeCommentEntries } from './commentEntriesStore';
import { commentEntriesOf } from './derived/commentEntriesPipeline';
import { openDocs } from './openDocs';
import { searchStore } from './searchStore';

/** Derives and writes the comment entries of one document from its comments doc (`ws`: the open workspace doc). */
export async function indexDocumentComments(workspaceId: string, docId: string, ws: Y.Doc): Promise<void> {
  const entries = await openDocs.withDoc(commentsDocName(workspaceId, docId), (comments) => commentEntriesOf({ workspaceId, docId, comments, ws }));
  await writeCommentEntries(workspaceId, docId, entries);
}

/** After the rows are rebuilt: drops comment entries of documents that no longer exist, rebuilds the search index. */
export async function rebuildSearchIndex(workspaceId: string, docIds: ReadonlySet<string>, ws: Y.Doc): Promise<void> {
  await catalogDb.comments
    .where('workspaceId')
    .equals(workspaceId)
    .filter((r) => !docIds.has(r.docId))
    .delete();
  await searchStore.rebuild(workspaceId, listStakeholders(ws));
}
