// Writes a document's comment entries: the Dexie `comments` rows of that document become exactly these, and the
// search index follows. Used by the live pipeline (storage/derived/commentEntriesPipeline.ts), one-off indexing
// and Maintenance › Rebuild index.
import type { CommentEntry } from '../model/commentEntries';
import { catalogDb } from './catalogDb';
import { searchStore } from './searchStore';

export async function writeCommentEntries(workspaceId: string, docId: string, entries: CommentEntry[]): Promise<void> {
  await catalogDb.transaction('rw', catalogDb.comments, async () => {
    const keep = new Set(entries.map((e) => e.key));
    await catalogDb.comments
      .where('docId')
      .equals(docId)
      .filter((r) => r.workspaceId === workspaceId && !keep.has(r.key))
      .delete();
    await catalogDb.comments.bulkPut(entries);
  });
  await searchStore.syncComments(workspaceId, docId, entries);
}
