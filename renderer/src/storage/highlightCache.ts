// A document's comment highlights as last placed on its body, kept on this device beside the comments doc's stored
// updates (its y-indexeddb `custom` store, HIGHLIGHTS_KEY), so that reopening the document draws them with its text
// (issue 13). Otherwise (a first open on this device, or after a change) the preview worker places them again from
// the two stored docs, off the UI thread. The record keeps the highlighted threads' anchors too (the seeds): while
// the comments copy is unchanged, a changed body (a co-editor's edits, or the reader's own) is placed again from
// them, without reading and decoding the whole comments doc (2 MB for 2,000 comments).
//
// Derived and device-local: placed by the preview worker (storage/commentsPreviewWorker.ts) from the two stored
// docs, never synced, and trusted only where the copies are exactly as they were when it was placed:
// - each stored copy is as it was when its last update key is the same (localCopyScope.ts `StoredCopy`): the
//   worker checks both keys without reading the updates; the seeds need only the comments copy's;
// - the text view also checks the body it has loaded against the body's content stamp (state vector and delete
//   set, model/contentStamp.ts), which catches a body changed since it was stored.
// The record also names the read scope it was placed under: a reader whose invite now reads another scope gets
// nothing from it (and `checkLocalCopy` deletes it with the copy it drops).
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { HIGHLIGHTS_KEY, openLocalCopy, peekLocalCopy, readLocalCopy, type StoredCopy } from './localCopyScope';
import { highlightSeeds, placeHighlights, type HighlightSeed, type PlacedHighlights } from '../model/comments/highlightPreview';
import { contentStamp } from '../model/contentStamp';

/** Bumped when positions or the record change meaning (a schema change moves ProseMirror positions). 2: seeds kept. */
export const HIGHLIGHT_CACHE_FORMAT = 2;

export interface CachedHighlights extends PlacedHighlights {
  format: number;
  /** the read scope the comments copy was read under (localCopyScope.ts); null: not checked */
  scope: string | null;
  /** last update keys of the comments copy and of the body copy they were placed from */
  comments: number;
  body: number;
  /** content stamp of that body */
  bodyStamp: Uint8Array;
  /** the highlighted threads' anchors in that comments copy (`highlightSeeds`) */
  seeds: HighlightSeed[];
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

/** The seeds of a comments copy, and its last update key when they were read. */
interface Seeds {
  seeds: HighlightSeed[];
  last: number;
}

/**
 * The comments copy, peeked; the seeds kept in its record while the copy is unchanged; and the record itself where
 * it still fits the body too. The body's store is opened only when the record fits the comments (the body may be
 * loading on the UI thread).
 */
async function peek(name: string, scope: string | null, bodyName: string, bodyScope: string | null) {
  const copy = await peekLocalCopy(name, scope, HIGHLIGHTS_KEY);
  const record = copy?.value as CachedHighlights | undefined;
  if (!copy || !record || record.format !== HIGHLIGHT_CACHE_FORMAT || record.scope !== scope || record.comments !== copy.last) return { copy, kept: null, cached: null };
  const body = await peekLocalCopy(bodyName, bodyScope);
  const kept: Seeds = { seeds: record.seeds, last: record.comments };
  return { copy, kept, cached: body && body.last > 0 && record.body === body.last ? record : null };
}

/** The seeds of comments copy `name`: those `kept`, else read from the copy (decoding it). Null where it holds nothing. */
async function readSeeds(name: string, scope: string | null, kept: Seeds | null): Promise<Seeds | null> {
  if (kept) return kept;
  const stored = await readLocalCopy(name, scope);
  if (!stored?.rows.length) return null;
  const comments = decode(stored.rows);
  try {
    return { seeds: highlightSeeds(comments), last: stored.last };
  } finally {
    comments.destroy();
  }
}

/** What a preview gives the text view, and the placed highlights to keep for the next open (null: nothing new). */
export interface PreviewRead {
  preview: HighlightPreview | null;
  keep: (() => Promise<void>) | null;
}

/**
 * The highlights of stored comments doc `name` for a reader expecting `scope`, on the stored body `bodyName`: the
 * placed ones where they still fit (nothing decoded). Else the seeds (kept, or read from the comments doc) and,
 * where the body is stored too, the highlights placed on it here, off the UI thread, with its content stamp: the
 * text view draws them with its text when its body is that one (as on a first open on this device), and resolves
 * the seeds itself otherwise. Those placed are kept for the next open by `keep`, which the worker runs once it has
 * answered. Null when the copy may not be read (or there is none).
 */
export async function previewFromStorage(name: string, scope: string | null, bodyName: string, bodyScope: string | null): Promise<PreviewRead> {
  const { copy, kept, cached } = await peek(name, scope, bodyName, bodyScope);
  if (!copy || copy.last === 0) return { preview: null, keep: null };
  if (cached) return { preview: { seeds: null, placed: { body: cached.bodyStamp, ranges: cached.ranges, paragraphs: cached.paragraphs } }, keep: null };
  const [read, storedBody] = await Promise.all([readSeeds(name, scope, kept), readLocalCopy(bodyName, bodyScope)]);
  if (!read) return { preview: null, keep: null };
  if (!storedBody?.rows.length) return { preview: { seeds: read.seeds, placed: null }, keep: null };
  const record = place(scope, read, storedBody);
  return { preview: { seeds: read.seeds, placed: { body: record.bodyStamp, ranges: record.ranges, paragraphs: record.paragraphs } }, keep: () => write(name, record) };
}

/**
 * Places the stored comments doc's highlights on the stored body and keeps them, unless those kept still fit.
 * `scope` and `bodyScope`: the read scopes the two copies must hold. Returns whether it wrote.
 */
export async function refreshPlacedHighlights(name: string, scope: string | null, bodyName: string, bodyScope: string | null): Promise<boolean> {
  const { copy, kept, cached } = await peek(name, scope, bodyName, bodyScope);
  if (cached || !copy || copy.last === 0) return false; // still placed, or no comments here
  const [read, storedBody] = await Promise.all([readSeeds(name, scope, kept), readLocalCopy(bodyName, bodyScope)]);
  if (!read || !storedBody?.rows.length) return false;
  await write(name, place(scope, read, storedBody));
  return true;
}

/** The record of the seeds `read` placed on the stored body. */
function place(scope: string | null, read: Seeds, storedBody: StoredCopy): CachedHighlights {
  const body = decode(storedBody.rows);
  try {
    return { format: HIGHLIGHT_CACHE_FORMAT, scope, comments: read.last, seeds: read.seeds, body: storedBody.last, bodyStamp: contentStamp(body), ...placeHighlights(body, read.seeds) };
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
