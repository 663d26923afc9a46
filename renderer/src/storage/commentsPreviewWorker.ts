/// <reference lib="webworker" />
import * as Y from 'yjs';
import { readLocalCopy } from './localCopyScope';
import { highlightSeeds } from '../model/comments/highlightPreview';
import type { PreviewReply, PreviewRequest } from './commentsPreview';

// Reads a document's stored comments doc off the UI thread and hands back what the text view highlights
// (storage/commentsPreview.ts). Reads only, and only a copy the reader's scope may read (localCopyScope.ts).

const post = (reply: PreviewReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = async (event: MessageEvent<PreviewRequest>) => {
  const { id, name, expected } = event.data;
  try {
    const rows = await readLocalCopy(name, expected);
    if (!rows || rows.length === 0) return post({ id, seeds: null });
    const doc = new Y.Doc();
    Y.transact(doc, () => rows.forEach((u) => Y.applyUpdate(doc, u)));
    post({ id, seeds: highlightSeeds(doc) });
    doc.destroy();
  } catch {
    post({ id, seeds: null });
  }
};
