// A document's comment highlights as last placed on its body, kept on this device beside the comments doc's stored
// updates (its y-indexeddb `custom` store, HIGHLIGHTS_KEY), so that reopening the document draws them with its text
// (issue 13). Otherwise (a first open on this device, or after a change) the preview worker reads and decodes the
// whole comments doc (2 MB for 2,000 comments) and the stored body, and places them there, off the UI thread.
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
import { HIGHLIGHTS_KEY, openLocalCopy, peekLocalCopy, readLocalCopy, type StoredCopy } from './localCopyScope';
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

/** What a preview gives the text view, and the placed highlights to keep for the next open (null: nothing new). */
export interface PreviewRead {
  preview: HighlightPreview | null;
  keep: (() => Promise<void>) | null;
}

/**
 * The highlights of stored comments doc `name` for a reader expecting `scope`, on the stored body `bodyName`: the
 * placed ones where they still fit (nothing decoded). Else the comments doc is decoded for the seeds and, where
 * the body is stored too, they are placed on it here, off the UI thread, with its content stamp: the text view
 * draws them with its text when its body is that one (as on a first open on this device), and resolves the seeds
 * itself otherwise. Those placed are kept for the next open by `keep`, which the worker runs once it has answered.
 * Null when the copy may not be read (or there is none).
 */
export async function previewFromStorage(name: string, scope: string | null, bodyName: string, bodyScope: string | null): Promise<PreviewRead> {
  const { copy, cached } = await peek(name, scope, bodyName, bodyScope);
  if (!copy || copy.last === 0) return { preview: null, keep: null };
  if (cached) return { preview: { seeds: null, placed: { body: cached.bodyStamp, ranges: cached.ranges, paragraphs: cached.paragraphs } }, keep: null };
  const [stored, storedBody] = await Promise.all([readLocalCopy(name, scope), readLocalCopy(bodyName, bodyScope)]);
  if (!stored || stored.rows.length === 0) return { preview: null, keep: null };
  const comments = decode(stored.rows);
  try {
    const seeds = highlightSeeds(comments);
    if (!storedBody?.rows.length) return { preview: { seeds, placed: null }, keep: null };
    const record = place(scope, stored.last, storedBody, seeds);
    return { preview: { seeds, placed: { body: record.bodyStamp, ranges: record.ranges, paragraphs: record.paragraphs } }, keep: () => write(name, record) };
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
  try {
    await write(name, place(scope, stored.last, storedBody, highlightSeeds(comments)));
    return true;
  } finally {
    comments.destroy();
  }
}

/** The record of `seeds` placed on the stored body. */
function place(scope: string | null, commentsLast: number, storedBody: StoredCopy, seeds: readonly HighlightSeed[]): CachedHighlights {
  const body = decode(storedBody.rows);
  try {
    return { format: HIGHLIGHT_CACHE_FORMAT, scope, comments: commentsLast, body: storedBody.last, bodyStamp: contentStamp(body), ...placeHighlights(body, seeds) };
  } finally {
    body.destroy();
  }
}

async function write(name: string, record: CachedHighlights): Promise<void> {
  const db = await openLocalCopy(name);
  try {
    await idb.put(idb.transact(db, ['custom'])[0], record as never, HIGHLIGHTS_KEY);
  } finally {
    db.close();
  }
}
