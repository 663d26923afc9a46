import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { footnoteNumberAt } from '../../editor/footnoteNumbers';
import { t } from '../../i18n';

// A footnote's text, readable and editable where its number is (issue 15, rough edge 4): an inline popover under
// the number. It opens on a click on the number, on Enter when the number is selected, and on Ctrl+Alt+F (Cmd on
// macOS) next to it; Ctrl+Alt+F elsewhere adds a footnote there and opens it. Esc, Enter or Done return to the
// text just after the number. Edits go into the footnote as they are typed (undoable like any edit); a new
// footnote left empty is removed. Nothing is rendered for footnotes that are not open, so a long document with
// hundreds of notes costs nothing more.

export const FOOTNOTE_SHORTCUT = 'Ctrl+Alt+F';

/** What RichTextEditor's editorProps call (a ref, so the editor is never re-created). */
export interface FootnoteHandlers {
  keyDown(view: EditorView, event: KeyboardEvent): boolean;
  clickOn(view: EditorView, pos: number, nodeType: string): boolean;
}

interface Open {
  pos: number;
  /** added by Ctrl+Alt+F: removed again if left empty */
  fresh: boolean;
}

const isFootnoteAt = (view: EditorView, pos: number) => view.state.doc.nodeAt(pos)?.type.name === 'footnote';

/** The footnote the selection is on or next to (selected, just before or just after the caret). */
function footnoteNear(view: EditorView): number | null {
  const sel = view.state.selection;
  if (sel instanceof NodeSelection) return sel.node.type.name === 'footnote' ? sel.from : null;
  if (!sel.empty) return null;
  const $pos = sel.$from;
  if ($pos.nodeAfter?.type.name === 'footnote') return $pos.pos;
  if ($pos.nodeBefore?.type.name === 'footnote') return $pos.pos - 1;
  return null;
}

export function FootnotePopover({ editor, handlersRef }: { editor: Editor; handlersRef: MutableRefObject<FootnoteHandlers | null> }) {
  const [open, setOpen] = useState<Open | null>(null);
  const [, setVersion] = useState(0);
  const openRef = useRef<Open | null>(null);
  openRef.current = open;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    handlersRef.current = {
      keyDown(view, event) {
        const shortcut = (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyF';
        if (shortcut) {
          const near = footnoteNear(view);
          if (near !== null) setOpen({ pos: near, fresh: false });
          else if (view.editable) {
            const at = view.state.selection.to;
            view.dispatch(view.state.tr.insert(at, view.state.schema.nodes.footnote!.create({ text: '' })).scrollIntoView());
            setOpen({ pos: at, fresh: true });
          }
          return true;
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
          const sel = view.state.selection;
          if (sel instanceof NodeSelection && sel.node.type.name === 'footnote') {
            setOpen({ pos: sel.from, fresh: false });
            return true;
          }
        }
        return false;
      },
      clickOn(view, pos, nodeType) {
        if (nodeType !== 'footnote') return false;
        setOpen({ pos, fresh: false });
        return false; // ProseMirror still selects the number
      },
    };
    return () => {
      handlersRef.current = null;
    };
  }, [handlersRef]);

  // The open footnote follows edits made around it (here or by others); it closes if the footnote goes away.
  useEffect(() => {
    if (!open) return;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean; mapping: { mapResult(pos: number): { pos: number; deleted: boolean } } } }) => {
      const current = openRef.current;
      if (!current || !transaction.docChanged) return;
      const mapped = transaction.mapping.mapResult(current.pos);
      if (mapped.deleted || !isFootnoteAt(editor.view, mapped.pos)) setOpen(null);
      else if (mapped.pos !== current.pos) setOpen({ ...current, pos: mapped.pos });
      else setVersion((v) => v + 1); // the text may have changed (another person editing the note)
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
    };
  }, [editor, open]);

  // Focus the text when the popover opens (the keyboard user types straight into it).
  const openedAt = open ? `${open.pos}:${open.fresh}` : null;
  useEffect(() => {
    if (openedAt) textRef.current?.focus();
  }, [openedAt]);

  if (!open || editor.isDestroyed || !isFootnoteAt(editor.view, open.pos)) return null;
  const node = editor.state.doc.nodeAt(open.pos)!;
  const text = String(node.attrs.text ?? '');
  const number = footnoteNumberAt(editor.state, open.pos);
  const editable = editor.isEditable;

  const close = () => {
    const current = openRef.current;
    setOpen(null);
    if (!current || editor.isDestroyed) return;
    const { view } = editor;
    const at = isFootnoteAt(view, current.pos) ? current.pos : null;
    let tr = view.state.tr;
    if (at !== null && current.fresh && !String(view.state.doc.nodeAt(at)?.attrs.text ?? '').trim()) {
      tr = tr.delete(at, at + 1).setSelection(TextSelection.create(tr.doc, at));
    } else if (at !== null) {
      tr = tr.setSelection(TextSelection.create(tr.doc, at + 1));
    }
    view.dispatch(tr.setMeta('addToHistory', false));
    view.focus();
  };

  const remove = () => {
    const current = openRef.current;
    setOpen(null);
    if (!current || !isFootnoteAt(editor.view, current.pos)) return;
    editor.view.dispatch(editor.state.tr.delete(current.pos, current.pos + 1));
    editor.view.focus();
  };

  const setText = (value: string) => {
    const current = openRef.current;
    if (!current || !isFootnoteAt(editor.view, current.pos)) return;
    editor.view.dispatch(editor.state.tr.setNodeAttribute(current.pos, 'text', value));
  };

  // Under the number, inside the editor's frame (which is position: relative).
  let style: React.CSSProperties = {};
  const frame = boxRef.current?.offsetParent ?? editor.view.dom.closest('.editor');
  try {
    const c = editor.view.coordsAtPos(open.pos);
    const f = frame?.getBoundingClientRect();
    if (f) style = { top: c.bottom - f.top + 6, left: Math.max(8, Math.min(c.left - f.left - 16, f.width - 360)) };
  } catch {
    // position not in the DOM yet: the default place (top left of the frame) is fine for one frame
  }
  const title = t('footnote.title', { n: number ?? '' });

  return (
    <div
      ref={boxRef}
      className="footnote-popover"
      role="dialog"
      aria-label={title}
      style={style}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <label className="field compact">
        <span className="field-label">{title}</span>
        <textarea ref={textRef} rows={3} value={text} readOnly={!editable} aria-describedby="footnote-popover-hint" onChange={(e) => setText(e.target.value.replace(/\n/g, ' '))} />
      </label>
      <p id="footnote-popover-hint" className="muted footnote-popover-hint">
        {t('footnote.hint', { shortcut: FOOTNOTE_SHORTCUT })}
      </p>
      <div className="footnote-popover-actions">
        <button type="button" className="primary" onClick={close}>
          {t('footnote.done')}
        </button>
        {editable && (
          <button type="button" onClick={remove}>
            {t('footnote.remove')}
          </button>
        )}
      </div>
    </div>
  );
}
