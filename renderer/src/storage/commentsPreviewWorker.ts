/// <reference lib="webworker" />
import { previewFromStorage, refreshPlacedHighlights } from './highlightCache';
import type { PreviewReply, PreviewRequest } from './commentsPreview';

// Reads a document's stored comments doc off the UI thread and hands back what the text view highlights
// (storage/commentsPreview.ts); and places those highlights on the stored body for the next open
// (storage/highlightCache.ts). Reads only a copy the reader's scope may read (localCopyScope.ts), and writes only
// the placed highlights.

const post = (reply: PreviewReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = async (event: MessageEvent<PreviewRequest>) => {
  const { name, expected, body, bodyExpected, ...request } = event.data;
  if (request.type === 'refresh') {
    await refreshPlacedHighlights(name, expected, body, bodyExpected).catch(() => false);
    return;
  }
  const read = await previewFromStorage(name, expected, body, bodyExpected).catch(() => null);
  post({ id: request.id, preview: read?.preview ?? null });
  await read?.keep?.().catch(() => undefined); // for the next open, once the text view has what it needs

};
