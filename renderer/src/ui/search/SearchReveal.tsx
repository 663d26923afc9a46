// Opening a search result at its match: in a document, the first occurrence of a matched word is selected and
// scrolled to; a comment result opens the document with its thread focused; a stakeholder result shows their
// registry entry.
import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import { useSearchUi } from '../../state/searchUi';
import { useComments } from '../comments/CommentsContext';
import { useCommentsUi } from '../comments/commentsUiStore';
import { matchRanges } from '../../model/search/snippet';

/** The first place in the editor's text where a word starts with one of the terms. */
function firstMatch(editor: Editor, terms: readonly string[]): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isText || !node.text) return true;
    const r = matchRanges(node.text, terms)[0];
    if (r) found = { from: pos + r[0], to: pos + r[1] };
    return false;
  });
  return found;
}

/** Inside a document screen: shows the match a search result asked for, once the text is there. */
export function SearchRevealInDocument({ docId, editor }: { docId: string; editor: Editor | null }) {
  const reveal = useSearchUi((s) => s.reveal);
  const { index } = useComments();
  useEffect(() => {
    if (!reveal || reveal.type === 'stakeholder' || reveal.docId !== docId || !editor || editor.isDestroyed || !index) return;
    useSearchUi.getState().setReveal(null);
    if (reveal.type === 'thread') {
      useCommentsUi.getState().setPanelOpen(true);
      useCommentsUi.getState().reveal(reveal.threadId);
      return;
    }
    const range = firstMatch(editor, reveal.terms);
    if (!range) return;
    editor.chain().setTextSelection(range).focus(undefined, { scrollIntoView: false }).run();
    requestAnimationFrame(() => {
      if (editor.isDestroyed) return;
      const { node } = editor.view.domAtPos(range.from);
      (node instanceof HTMLElement ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
    });
  }, [reveal, docId, editor, index]);
  return null;
}

/** In the registry: the stakeholder a search result asked for, or null. Taken once. */
export function useStakeholderReveal(ready: boolean): string | null {
  const reveal = useSearchUi((s) => s.reveal);
  const id = reveal?.type === 'stakeholder' ? reveal.stakeholderId : null;
  useEffect(() => {
    if (!id || !ready) return;
    const row = document.getElementById(`stakeholder-row-${id}`);
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }, [id, ready]);
  // Leaving the registry ends the request.
  useEffect(() => () => void (useSearchUi.getState().reveal?.type === 'stakeholder' && useSearchUi.getState().setReveal(null)), []);
  return id;
}
