import { openDocs } from './openDocs';
import type { HighlightPreview } from './highlightCache';
import { expectedScope, type Connection } from './localCopyScope';

// The comment highlights of a document, read from its stored comments doc by a worker while the UI thread opens
// the body (issue 13): decoding 2,000 comments costs the UI thread ~100 ms, so the text view shows the highlights
// from the worker first and loads the comments Y.Doc itself after (ui/comments/CommentsContext.tsx).
// One worker serves every document; it is started ahead (warmPreviewWorker) so that a document's open does not
// wait for a new thread to load and compile its code. Once a document's comments are shown, the same worker places
// them on its stored body for the next open (storage/highlightCache.ts).

/** For comments doc `name` and its document `body`: the read scopes their local copies must hold (localCopyScope.ts; null: not checked). */
interface Docs {
  name: string;
  expected: string | null;
  body: string;
  bodyExpected: string | null;
}

export type PreviewRequest = ({ type: 'preview'; id: number } & Docs) | ({ type: 'refresh' } & Docs);

const docs = (name: string, body: string, connection: Connection | undefined): Docs => ({ name, expected: expectedScope(name, connection), body, bodyExpected: expectedScope(body, connection) });

/** preview null: nothing to show from storage (no local copy, one of another scope, or it could not be read) */
export type PreviewReply = { id: number; preview: HighlightPreview | null };

export interface PreviewJob {
  readonly preview: Promise<HighlightPreview | null>;
  /** settles `preview` with null at once (the worker's answer, when it comes, is dropped) */
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (preview: HighlightPreview | null) => void>();

function previewWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./commentsPreviewWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<PreviewReply>) => waiting.get(e.data.id)?.(e.data.preview);
  // A worker that failed answers nothing more: every job waiting on it settles, and the next starts a new one.
  w.onerror = () => {
    w.terminate();
    if (worker === w) worker = null;
    for (const settle of [...waiting.values()]) settle(null);
  };
  return (worker = w);
}

/** Starts the worker ahead of the first document's open (the workspace screen calls it in idle time). */
export function warmPreviewWorker(): void {
  if (typeof Worker !== 'undefined') previewWorker();
}

/**
 * Starts reading the highlights of comments doc `name` in the worker, for `connection` (the workspace's catalog
 * row, as the open workspace holds it: the scope is known at once, so the worker starts with the screen). Null
 * where there is no point: no workers (Node), or the doc is open already (its highlights are at hand, and its
 * unsaved changes are not in storage).
 */
export function previewHighlights(name: string, body: string, connection: Connection | undefined): PreviewJob | null {
  if (typeof Worker === 'undefined' || openDocs.isOpen(name)) return null;
  const id = nextId++;
  let settle: (preview: HighlightPreview | null) => void = () => {};
  const preview = new Promise<HighlightPreview | null>((resolve) => (settle = resolve)).finally(() => waiting.delete(id));
  waiting.set(id, settle);
  previewWorker().postMessage({ type: 'preview', id, ...docs(name, body, connection) } satisfies PreviewRequest);
  return { preview, cancel: () => settle(null) };
}

/**
 * Has the worker place the highlights of comments doc `name` on the stored body `body` for the next open, from
 * what is stored (the caller waits until the docs' edits are written). Nothing where there are no workers.
 */
export function placeForNextOpen(name: string, body: string, connection: Connection | undefined): void {
  if (typeof Worker === 'undefined') return;
  previewWorker().postMessage({ type: 'refresh', ...docs(name, body, connection) } satisfies PreviewRequest);
}
