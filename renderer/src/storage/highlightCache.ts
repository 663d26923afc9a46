// A document's comment highlights as last placed on its body, kept on this device beside the comments doc's stored
// updates (its y-indexeddb `custom` store, HIGHLIGHTS_KEY), so that reopening the document draws them with its text
// (issue 13). Otherwise the open reads and decodes the whole comments doc (2 MB for 2,000 comments) in the preview
// worker, and then walks the body and resolves every anchor on the UI thread, after the text is painted.
//
// Derived and device-local: placed by the preview worker (storage/commentsPreviewWorker.ts) from the two stored
// docs, never synced, and trusted only where both are exactly as they were when it was placed:
// - each stored copy is as it was when its last update key is the same (localCopyScope.ts `StoredCopy`): the
//   worker checks both keys without reading the updates;
// - the text view also checks the body it has loaded against the body's content stamp (state vector and delete
//   set, model/contentStamp.ts), which catches a body changed since it was stored.
// The record also names the read scope it was placed under: a reader whose invite now reads another scope gets
// nothing from it (and `checkLocalCopy` deletes it with the copy it drops).
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { HIGHLIGHTS_KEY, openLocalCopy, peekLocalCopy, readLocalCopy } from './localCopyScope';
import { highlightSeeds, placeHighlights, type HighlightSeed, type PlacedHighlights } from '../model/comments/highlightPreview';
import { contentStamp } from '../model/contentStamp';

/** Bumped when positions or the record change meaning (a schema change moves ProseMirror positions). */
export const HIGHLIGHT_CACHE_FORMAT = 1;

export interface CachedHighlights extends PlacedHighlights {
  format: number;
  /** the read scope the comments copy was read under (localCopyScope.ts); null: not checked */
  scope: string | null;
  /** last update keys of the comments copy and of the body copy they were placed from */
  comments: number;
  body: number;
  /** content stamp of that body */
  bodyStamp: Uint8Array;
}

/** What the worker hands the text view ahead of the comments doc. */
export interface HighlightPreview {
  /** the highlighted threads' anchors, for the text view to resolve against its body index; null: not read (placed) */
  seeds: HighlightSeed[] | null;
  /** the highlights placed already: valid on a body whose content stamp is `body` */
  placed: (PlacedHighlights & { body: Uint8Array }) | null;
}

/** Document docs are never garbage collected (`gc: false`): decoded the same way here. */
function decode(rows: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.transact(doc, () => rows.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

/**
 * The comments copy, peeked, and the record kept where it still fits both copies. The body's store is opened only
 * when the record fits the comments (the body may be loading on the UI thread).
 */
async function peek(name: string, scope: string | null, bodyName: string, bodyScope: string | null) {
  const copy = await peekLocalCopy(name, scope, HIGHLIGHTS_KEY);
  const cached = copy?.value as CachedHighlights | undefined;
  if (!copy || !cached || cached.format !== HIGHLIGHT_CACHE_FORMAT || cached.scope !== scope || cached.comments !== copy.last) return { copy, cached: null };
  const body = await peekLocalCopy(bodyName, bodyScope);
  return { copy, cached: body && body.last > 0 && cached.body === body.last ? cached : null };
}

/**
 * The highlights of stored comments doc `name` for a reader expecting `scope`, on the stored body `bodyName`: the
 * placed ones where they still fit (nothing decoded), else the seeds. Null when the copy may not be read (or there
 * is none). Reads only.
 */
export async function previewFromStorage(name: string, scope: string | null, bodyName: string, bodyScope: string | null): Promise<HighlightPreview | null> {
  const { copy, cached } = await peek(name, scope, bodyName, bodyScope);
  if (!copy || copy.last === 0) return null;
  if (cached) return { seeds: null, placed: { body: cached.bodyStamp, ranges: cached.ranges, paragraphs: cached.paragraphs } };
  const stored = await readLocalCopy(name, scope);
  if (!stored || stored.rows.length === 0) return null;
  const comments = decode(stored.rows);
  try {
    return { seeds: highlightSeeds(comments), placed: null };
  } finally {
    comments.destroy();
  }
}

/**
 * Places the stored comments doc's highlights on the stored body and keeps them, unless those kept still fit.
 * `scope` and `bodyScope`: the read scopes the two copies must hold. Returns whether it wrote.
 */
export async function refreshPlacedHighlights(name: string, scope: string | null, bodyName: string, bodyScope: string | null): Promise<boolean> {
  const { copy, cached } = await peek(name, scope, bodyName, bodyScope);
  if (cached || !copy || copy.last === 0) return false; // still placed, or no comments here
  const [stored, storedBody] = await Promise.all([readLocalCopy(name, scope), readLocalCopy(bodyName, bodyScope)]);
  if (!stored?.rows.length || !storedBody?.rows.length) return false;
  const comments = decode(stored.rows);
  const body = decode(storedBody.rows);
  try {
    const value: CachedHighlights = { format: HIGHLIGHT_CACHE_FORMAT, scope, comments: stored.last, body: storedBody.last, bodyStamp: contentStamp(body), ...placeHighlights(body, comments) };
    const db = await openLocalCopy(name);
    try {
      await idb.put(idb.transact(db, ['custom'])[0], value as never, HIGHLIGHTS_KEY);
    } finally {
      db.close();
    }
    return true;
  } finally {
    comments.destroy();
    body.destroy();
  }
}
