// Everything the comment views of one document share: its comments Y.Doc, the threads, their matrix rows
// (location, attribution) against the current body index, who is writing, and the draft's consultation state.
// Opened once per document screen, so the text view, the matrix and the balance read the same data.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { contentStamp, sameBytes } from '../../model/contentStamp';
import { useWorkspace } from '../../state/workspaceContext';
import { useDocHandle } from '../../state/useDocHandle';
import { commentsDocName, documentDocName } from '../../../../common/rooms';
import type { MatrixRow } from '../../model/comments/matrix';
import type { BodyIndex } from '../../model/comments/bodyIndex';
import type { Actor, Thread } from '../../model/comments/threadTypes';
import { consultationStatus, localIsoDate, readPhaseState, type PhaseState, type WindowStatus } from '../../model/consultation/phases';
import { docFields } from '../../model/documentDoc';
import { useY } from '../hooks';
import { NO_THREADS, useActor, useThreads } from './useCommentsData';
import { useDerived } from '../../state/useDerived';
import { useMatrixRows } from './useMatrixRows';
import { useCommentsUi } from './commentsUiStore';
import { useCommentEntriesPipeline } from '../../state/useSearch';
import { placeForNextOpen, previewHighlights, type PreviewJob } from '../../storage/commentsPreview';
import type { Connection } from '../../storage/localCopyScope';
import type { HighlightPreview } from '../../storage/highlightCache';
import { whenIdle } from '../../platform/idle';
import { quiet } from '../../platform/quiet';

export interface CommentsData {
  docId: string;
  /** the commented document */
  doc: Y.Doc;
  /** its companion comments doc; null while it loads */
  comments: Y.Doc | null;
  error: unknown;
  threads: Thread[];
  rows: MatrixRow[];
  rowById: Map<string, MatrixRow>;
  index: BodyIndex | null;
  actor: Actor;
  canEdit: boolean;
  canComment: boolean;
  /** null for documents without phases (meetings, contributions) */
  phase: PhaseState | null;
  windowStatus: WindowStatus | null;
  /** while the comments doc loads: the highlights read ahead of it (storage/commentsPreview.ts), if any */
  preview: HighlightPreview | null;
  /** the text view calls it once it shows `preview`: the comments doc then loads */
  previewShown: () => void;
}

const CommentsContext = createContext<CommentsData | null>(null);

export function useComments(): CommentsData {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments outside a CommentsProvider');
  return value;
}

/** The highlights read from storage ahead of the comments doc (storage/commentsPreview.ts), for comments doc `name`. */
export interface CommentsPreview {
  name: string;
  /** none: the comments doc loads at once; loading: the worker reads; ready: `preview` (null: nothing to show) */
  status: 'none' | 'loading' | 'ready';
  preview: HighlightPreview | null;
}

/**
 * Starts on the document screen's open, alongside the body: when the screen opens on its text, the highlights are
 * read by a worker and the comments doc loads once they are shown (CommentsProvider); otherwise the comments doc
 * itself loads at once (the registry shares the handle with the provider that reads it later).
 */
export function useCommentsPreview(workspaceId: string, docId: string, textView: boolean): CommentsPreview {
  const name = commentsDocName(workspaceId, docId);
  const { local } = useWorkspace();
  const [job] = useState(() => new Map<string, PreviewJob | null>());
  if (!job.has(name)) job.set(name, textView ? previewHighlights(name, documentDocName(workspaceId, docId), local) : null);
  const current = job.get(name) ?? null;
  const [ready, setReady] = useState<{ name: string; preview: HighlightPreview | null } | null>(null);
  useEffect(() => {
    if (!current) return;
    let live = true;
    void current.preview.then((preview) => live && setReady({ name, preview }));
    return () => {
      live = false;
      current.cancel();
      job.delete(name);
    };
  }, [current, name, job]);
  useDocHandle(current ? null : name);
  if (!current) return { name, status: 'none', preview: null };
  return ready?.name === name ? { name, status: 'ready', preview: ready.preview } : { name, status: 'loading', preview: null };
}

/** The same, or null outside a document screen. */
export const useOptionalComments = (): CommentsData | null => useContext(CommentsContext);

export function CommentsProvider({ docId, doc, preview, children }: { docId: string; doc: Y.Doc; preview: CommentsPreview; children: ReactNode }) {
  const { id: workspaceId, doc: ws, canEdit, canComment } = useWorkspace();
  const name = commentsDocName(workspaceId, docId);
  const ahead = preview.name === name && preview.status === 'ready' ? preview.preview : null;
  const [shown, setShown] = useState<string | null>(null);
  const previewShown = useCallback(() => setShown(name), [name]);
  const mine = preview.name === name && preview.status !== 'none';
  const load = useLoadAfterPreview(name, !mine || (preview.status === 'ready' && !ahead) ? 'now' : shown === name ? 'idle' : 'wait');
  const { doc: comments, error } = useDocHandle(load ? name : null);
  useCommentEntriesPipeline(workspaceId, docId, comments, ws);
  const threads = useThreads(comments, ws);
  const index = useDerived(documentDocName(workspaceId, docId), (d) => d.bodyIndex);
  const actor = useActor();
  const phase = useY(docFields(doc), () => readPhaseState(doc));
  // The window is a matter of calendar days: re-read "today" when the phase changes or the screen re-renders.
  const today = localIsoDate();
  const windowStatus = phase ? consultationStatus(phase, today) : null;
  const rows = useMatrixRows(threads, index);
  const rowById = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  useEffect(() => () => useCommentsUi.getState().reset(), [docId]);
  const read = !!comments && threads !== NO_THREADS;
  usePlaceForNextOpen(name, documentDocName(workspaceId, docId), doc, read ? comments : null, ahead);

  const value = useMemo<CommentsData>(
    // The preview stands until the threads are read (not merely the doc loaded): the highlights never blink out.
    () => ({ docId, doc, comments, error, threads, rows, rowById, index, actor, canEdit, canComment, phase, windowStatus, preview: read ? null : ahead, previewShown }),
    [docId, doc, comments, error, threads, rows, rowById, index, actor, canEdit, canComment, phase, windowStatus, read, ahead, previewShown],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

/**
 * Whether comments doc `name` may load: at once without a preview; once the preview is shown, in the next idle
 * time (decoding it is a long task the first paint should not wait for); and at the latest 3 s after the screen
 * opened, should the text never show the preview.
 */
function useLoadAfterPreview(name: string, when: 'now' | 'idle' | 'wait'): boolean {
  const [loadFor, setLoadFor] = useState<string | null>(null);
  useEffect(() => {
    if (loadFor === name || when === 'now') return;
    const load = () => setLoadFor(name);
    if (when === 'idle') return whenIdle(load, 500) ?? undefined;
    const timer = setTimeout(load, 3000);
    return () => clearTimeout(timer);
  }, [name, when, loadFor]);
  return when === 'now' || loadFor === name;
}

/** Asks for the placement; made outside the effect so that a timer left after close holds no Y.Doc. */
const placer = (name: string, bodyName: string, connection: { current: Connection | undefined }) => () => placeForNextOpen(name, bodyName, connection.current);

/** How long the docs stay unchanged before their highlights are placed for the next open: first, then again. */
const PLACE_FIRST_AFTER_MS = 2_000;
const PLACE_AGAIN_AFTER_MS = 30_000;

/**
 * Keeps the highlights placed for the next open of the document (storage/highlightCache.ts), by the preview
 * worker from what is stored: once the comments are read and the docs have been left unchanged for 2 s (unless the
 * preview placed them already on this very body), then after each 30 s without change, and after the screen
 * closes if they changed. Never while someone types: the worker's decoding would share the cores with the typing.
 * The UI thread only posts a message.
 */
function usePlaceForNextOpen(name: string, bodyName: string, doc: Y.Doc, comments: Y.Doc | null, ahead: HighlightPreview | null): void {
  // The connection as it is when the worker is asked (its row changes as the workspace is used; no new timers then).
  const { local } = useWorkspace();
  const connection = useRef(local);
  connection.current = local;
  const [placedAtOpen] = useState(() => new Map<string, boolean>());
  if (comments && !placedAtOpen.has(name)) placedAtOpen.set(name, !!ahead?.placed && sameBytes(ahead.placed.body, contentStamp(doc)));
  useEffect(() => {
    if (!comments) return;
    const place = placer(name, bodyName, connection);
    let placed = !!placedAtOpen.get(name);
    let changed = !placed;
    const afterQuiet = quiet(() => {
      [placed, changed] = [true, false];
      place();
    });
    const placeAfterQuiet = () => afterQuiet.poke(placed ? PLACE_AGAIN_AFTER_MS : PLACE_FIRST_AFTER_MS);
    if (changed) placeAfterQuiet();
    const noticeChange = (tr: Y.Transaction) => {
      if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
      changed = true;
      placeAfterQuiet();
    };
    doc.on('afterTransaction', noticeChange);
    comments.on('afterTransaction', noticeChange);
    return () => {
      afterQuiet.cancel();
      doc.off('afterTransaction', noticeChange);
      comments.off('afterTransaction', noticeChange);
      // once the last edits are written (the docs' stores flush as they close)
      if (changed) setTimeout(place, PLACE_FIRST_AFTER_MS);
    };
  }, [name, bodyName, doc, comments, placedAtOpen]);
}
