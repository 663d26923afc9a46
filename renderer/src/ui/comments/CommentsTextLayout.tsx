import type { ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { useComments } from './CommentsContext';
import { useCommentsUi } from './commentsUiStore';
import { CommentsPanel } from './CommentsPanel';
import { EditorCommentSync, useCommentShortcut } from './EditorComments';

/**
 * The text view: the document (fields and body) with the comments panel as a right column on wide screens (a
 * drawer on narrow ones). Stays mounted, hidden, while the matrix or the balance shows, so coming back is instant
 * and a row of the matrix can reveal its anchor at once. `aside` (the History panel) takes the column's place.
 */
export function CommentsTextLayout({ hidden, editor, doc, aside, children }: { hidden: boolean; editor: Editor | null; doc: Y.Doc; aside?: ReactNode; children: ReactNode }) {
  const panelOpen = useCommentsUi((s) => s.panelOpen);
  const paraNumbers = useCommentsUi((s) => s.paraNumbers);
  const { canComment } = useComments();
  useCommentShortcut(editor, doc, !hidden && canComment);
  return (
    <div className={`text-layout${panelOpen || aside ? ' with-panel' : ''}${paraNumbers ? ' show-para-numbers' : ''}`} hidden={hidden}>
      <div className="text-main">{children}</div>
      {aside ?? (panelOpen && <CommentsPanel />)}
      <EditorCommentSync editor={editor} visible={!hidden} />
    </div>
  );
}
