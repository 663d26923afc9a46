import type { HighlightSeed } from '../model/comments/highlightPreview';
import { openDocs } from './openDocs';
import { expectedScope, type Connection } from './localCopyScope';

// The comment highlights of a document, read from its stored comments doc by a worker while the UI thread opens
// the body (issue 13): decoding 2,000 comments costs the UI thread ~100 ms, so the text view shows the highlights
// from the worker first and loads the comments Y.Doc itself after (ui/comments/CommentsContext.tsx).
// One worker serves every document; it is started ahead (warmPreviewWorker) so that a document's open does not
// wait for a new thread to load and compile its code.

export interface PreviewRequest {
  id: number;
  name: string;
  /** the read scope the local copy must hold (localCopyScope.ts); null: not checked */
  expected: string | null;
}

/** seeds null: nothing to show from storage (no local copy, one of another scope, or it could not be read) */
export type PreviewReply = { id: number; seeds: HighlightSeed[] | null };

export interface PreviewJob {
  readonly seeds: Promise<HighlightSeed[] | null>;
  /** settles `seeds` with null at once (the worker's answer, when it comes, is dropped) */
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (seeds: HighlightSeed[] | null) => void>();

function previewWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./commentsPreviewWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<PreviewReply>) => waiting.get(e.data.id)?.(e.data.seeds);
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
export function previewHighlights(name: string, connection: Connection | undefined): PreviewJob | null {
  if (typeof Worker === 'undefined' || openDocs.isOpen(name)) return null;
  const id = nextId++;
  let settle: (seeds: HighlightSeed[] | null) => void = () => {};
  const seeds = new Promise<HighlightSeed[] | null>((resolve) => (settle = resolve)).finally(() => waiting.delete(id));
  waiting.set(id, settle);
  previewWorker().postMessage({ id, name, expected: expectedScope(name, connection) } satisfies PreviewRequest);
  return { seeds, cancel: () => settle(null) };
}
