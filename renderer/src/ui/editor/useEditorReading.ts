import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { quiet } from '../../platform/quiet';

// What the screen around the editor shows of it (the toolbar's pressed and enabled buttons, the list of
// suggestions) is read from the editor's state. Read at every keystroke, it cost the toolbar's fourteen checks
// (and the suggestions list a walk of the whole document) on each one; typing changes none of it that cannot wait
// for the typing to pause. Anything else (a click on a tool, a caret moved into bold text, a co-editor's change)
// is read at once.

/** How long after the last keystroke typing counts as paused. */
export const TYPING_PAUSE_MS = 150;

/** Whether a transaction is typing: text inserted or deleted inside one textblock, and nothing else. */
export function isTyping(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep)) return false;
    const { slice, from, to } = step as ReplaceStep & { from: number; to: number };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let onlyText = true;
    slice.content.forEach((node) => (onlyText &&= node.isText));
    if (!onlyText) return false;
    const doc = tr.docs[i]!;
    return doc.resolve(from).sameParent(doc.resolve(to)) && doc.resolve(from).parent.isTextblock;
  });
}

/**
 * `read(editor)`, kept current: at once after a transaction that is not typing, after TYPING_PAUSE_MS of no typing
 * otherwise. A value `equal` to the one shown keeps the one shown, so nothing re-renders for it.
 */
export function useEditorReading<T>(editor: Editor, read: (editor: Editor) => T, equal: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => read(editor));
  useEffect(() => {
    const update = () => {
      if (editor.isDestroyed) return;
      const next = read(editor);
      setValue((shown) => (equal(shown, next) ? shown : next));
    };
    const paused = quiet(update);
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (isTyping(transaction)) return paused.poke(TYPING_PAUSE_MS);
      paused.cancel();
      update();
    };
    update(); // what changed between the first render and this effect
    editor.on('transaction', onTransaction);
    return () => {
      paused.cancel();
      editor.off('transaction', onTransaction);
    };
  }, [editor, read, equal]);
  return value;
}
