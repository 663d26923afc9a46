// "Comment" on the current selection: the editor's selection, or for a read-only body (commenters) the DOM
// selection inside it, turned into an anchor on a body index built on the spot (so it matches the editor now).
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { docBody } from '../../model/bodyJson';
import { createAnchor } from '../../model/comments/anchor';
import { buildBodyIndex } from '../../model/comments/bodyIndex';
import { useUi } from '../../state/uiStore';
import { useCommentsUi } from './commentsUiStore';
import { modelMessage } from '../errors';

export function selectionRange(editor: Editor): { from: number; to: number } | null {
  const { from, to } = editor.state.selection;
  if (from < to) return { from, to };
  const view = editor.view;
  const sel = typeof window === 'undefined' ? null : window.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return null;
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const b = view.posAtDOM(sel.focusNode, sel.focusOffset);
    return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

/** Opens the comment form on the selected text; tells the user (role=alert toast) when nothing usable is selected. */
export function startComment(editor: Editor | null, doc: Y.Doc): boolean {
  const range = editor ? selectionRange(editor) : null;
  try {
    // An empty range makes the model throw its own "Select some text to comment on."
    const anchor = createAnchor(buildBodyIndex(docBody(doc)), range?.from ?? 0, range?.to ?? 0);
    useCommentsUi.getState().openComposer({ anchor });
    return true;
  } catch (e) {
    useUi.getState().notify('error', modelMessage(e));
    return false;
  }
}
