// Everything the comment views of one document share: its comments Y.Doc, the threads, their matrix rows
// (location, attribution) against the current body index, who is writing, and the draft's consultation state.
// Opened once per document screen, so the text view, the matrix and the balance read the same data.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { useDocHandle } from '../../state/useDocHandle';
import { commentsDocName, documentDocName } from '../../../../common/rooms';
import type { MatrixRow } from '../../model/comments/matrix';
import type { BodyIndex } from '../../model/comments/bodyIndex';
import type { Actor, Thread } from '../../model/comments/threadTypes';
import { consultationStatus, localIsoDate, readPhaseState, type PhaseState, type WindowStatus } from '../../model/consultation/phases';
import { docFields } from '../../model/documentDoc';
import { useY } from '../hooks';
import { useActor, useThreads } from './useCommentsData';
import { useDerived } from '../../state/useDerived';
import { useMatrixRows } from './useMatrixRows';
import { useCommentsUi } from './commentsUiStore';
import { useCommentEntriesPipeline } from '../../state/useSearch';

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
}

const CommentsContext = createContext<CommentsData | null>(null);

export function useComments(): CommentsData {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments outside a CommentsProvider');
  return value;
}

/**
 * Starts loading a document's comments doc as soon as the screen opens (the registry shares the handle with the
 * provider that reads it later), so it loads alongside the body rather than after it.
 */
export function usePrefetchComments(workspaceId: string, docId: string): void {
  useDocHandle(commentsDocName(workspaceId, docId));
}

/** The same, or null outside a document screen. */
export const useOptionalComments = (): CommentsData | null => useContext(CommentsContext);

export function CommentsProvider({ docId, doc, children }: { docId: string; doc: Y.Doc; children: ReactNode }) {
  const { id: workspaceId, doc: ws, canEdit, canComment } = useWorkspace();
  const { doc: comments, error } = useDocHandle(commentsDocName(workspaceId, docId));
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

  const value = useMemo<CommentsData>(
    () => ({ docId, doc, comments, error, threads, rows, rowById, index, actor, canEdit, canComment, phase, windowStatus }),
    [docId, doc, comments, error, threads, rows, rowById, index, actor, canEdit, canComment, phase, windowStatus],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
